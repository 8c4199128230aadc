/**
 * Protobuf in the registry wire format: the Kafka serializer and deserializer, the printer that turns a
 * message's file descriptor into {@code .proto} text for the registry, the reader that rebuilds the writer's
 * descriptors from the registry's {@code format=serialized} answers (the files every schema may import
 * without a reference come from {@code io.ferry.protobuf.KnownProtoFiles}), and Confluent's meta options.
 */
package io.ferry.serde.protobuf;
