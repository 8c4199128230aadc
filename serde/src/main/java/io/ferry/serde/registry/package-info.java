/**
 * What every format's serializer, deserializer and converter does alike with the registry, so Avro, JSON Schema
 * and Protobuf fail the same way: the exceptions for a registry that refuses or cannot be reached
 * ({@link io.ferry.serde.registry.SchemaRegistryException}, {@link io.ferry.serde.registry.IncompatibleSchemaException}),
 * the mapping of a {@link io.ferry.serde.client.RegistryClientException} to them ({@link io.ferry.serde.registry.RegistryFailures}),
 * the framed header read with the record named ({@link io.ferry.serde.registry.FramedHeaders}), the writer's schemas
 * fetched once per id ({@link io.ferry.serde.registry.SchemasById}) and the keys every
 * registry-aware serde shares ({@link io.ferry.serde.registry.RegistrySerdeKeys}).
 *
 * <p>Format-neutral: it uses {@code client}, {@code wire} and {@code subject}; the format packages ({@code avro},
 * {@code jsonschema}, {@code protobuf}) and the converters use it, never the reverse.
 */
package io.ferry.serde.registry;
