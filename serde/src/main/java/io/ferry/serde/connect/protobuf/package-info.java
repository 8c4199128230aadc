/**
 * The Connect {@code ProtobufConverter}: Connect schemas and values to Protobuf descriptors and messages and
 * back, with the names, parameters and well-known types Confluent's converter uses, written and read in the
 * registry wire format through {@link io.ferry.serde.protobuf}.
 */
package io.ferry.serde.connect.protobuf;
