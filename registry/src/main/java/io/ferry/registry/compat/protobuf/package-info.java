/**
 * Protobuf compatibility as Confluent Schema Registry decides it: two {@code .proto} files (and the files they
 * import) are compared element by element, every difference gets one of Confluent's difference types, and the
 * types that can break a reader make the schemas incompatible.
 *
 * <p>The entry point is {@link io.ferry.registry.compat.protobuf.ProtobufCompatibilityChecker}; the rest of the
 * package is the comparison itself. This package uses its parent {@code compat}; the parent never uses it.
 */
package io.ferry.registry.compat.protobuf;
