/**
 * What Ferry's schema registry and its Protobuf serializers share, on protobuf-java and Google's common protos:
 * the catalogue of {@code .proto} files every registry builds in ({@link io.ferry.protobuf.KnownProtoFiles}), with
 * their descriptors and source text, and the names {@code protoc} derives.
 */
package io.ferry.protobuf;
