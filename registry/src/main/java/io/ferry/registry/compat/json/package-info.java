/**
 * JSON Schema compatibility as Confluent Schema Registry decides it: two schemas are compared keyword group
 * by keyword group into {@link io.ferry.registry.compat.json.JsonDifference differences}, each of a named
 * {@link io.ferry.registry.compat.json.JsonDifferenceType type} at a JSON path such as
 * {@code #/properties/foo}; a {@link io.ferry.registry.compat.json.JsonCompatibilityPolicy policy} says which
 * types a reader tolerates. {@link io.ferry.registry.compat.json.JsonSchemaCompatibilityChecker} is the entry
 * point; the levels and message framing come from the parent package.
 */
package io.ferry.registry.compat.json;
