/**
 * Protobuf in the registry wire format: the Kafka serializer and deserializer, the printer that turns a
 * message's file descriptor into {@code .proto} text for the registry, the reader that rebuilds the writer's
 * descriptors from the registry's {@code format=serialized} answers, and the well-known files every schema
 * may import without a reference.
 */
package io.ferry.serde.protobuf;
