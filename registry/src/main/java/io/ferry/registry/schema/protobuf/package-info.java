/**
 * Protobuf schemas as the registry handles them: parsing {@code .proto} text (proto2 and proto3, or the base64
 * of a {@code FileDescriptorProto}), imports resolved against references to other subjects' schemas and the
 * built-in files of {@code io.ferry.protobuf.KnownProtoFiles} (Google's well-known types, Confluent's
 * {@code confluent/*}, Google's common {@code google/type} files), the descriptor built to validate a schema and
 * to serve it in serialized form (custom options included), the canonical text the registry stores and answers with, and the normal form behind
 * {@code normalize=true}. Each follows what Confluent Schema Registry does, so that its clients see the same
 * texts and the same errors.
 */
package io.ferry.registry.schema.protobuf;
