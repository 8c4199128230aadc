/**
 * The Connect {@code JsonSchemaConverter} and the mapping between Connect schemas and data and JSON Schemas and
 * JSON documents ({@link io.ferry.serde.connect.json.JsonSchemaData}), following the conventions of Confluent's
 * JSON Schema converter ({@code connect.type}, {@code connect.index}, {@code title} as the name, {@code oneOf} with
 * {@code null} for optional schemas) so that records written by either converter are read by the other.
 */
package io.ferry.serde.connect.json;
