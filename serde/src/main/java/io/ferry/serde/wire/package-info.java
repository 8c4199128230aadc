/**
 * The wire format shared by every schema type: the magic byte {@code 0x0}, the schema id as four
 * big-endian bytes, then the payload; Protobuf payloads start with the message indexes, encoded as
 * zig-zag varints the way Confluent's serializers write them.
 */
package io.ferry.serde.wire;
