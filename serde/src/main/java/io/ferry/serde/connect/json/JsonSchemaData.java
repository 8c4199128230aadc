package io.ferry.serde.connect.json;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.serde.connect.SchemaCache;
import io.ferry.serde.jsonschema.ParsedJsonSchema;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * The mapping between Connect schemas and values and JSON Schemas and JSON documents, both ways, compatible with
 * Confluent's {@code JsonSchemaData}:
 *
 * <table>
 *   <caption>Connect → JSON Schema</caption>
 *   <tr><th>Connect</th><th>JSON Schema</th><th>JSON value</th></tr>
 *   <tr><td>INT8/16/32/64</td><td>{@code {"type":"integer","connect.type":"int8"}} …</td><td>number</td></tr>
 *   <tr><td>FLOAT32/64</td><td>{@code {"type":"number","connect.type":"float32"}} …</td><td>number</td></tr>
 *   <tr><td>BOOLEAN, STRING</td><td>{@code {"type":"boolean"}}, {@code {"type":"string"}}</td><td>as is</td></tr>
 *   <tr><td>BYTES</td><td>{@code {"type":"string","connect.type":"bytes"}}</td><td>base64 string</td></tr>
 *   <tr><td>Decimal</td><td>{@code {"type":"number","connect.type":"bytes"}} + title, scale parameter</td>
 *       <td>base64 of the unscaled bytes, or a number ({@code decimal.format})</td></tr>
 *   <tr><td>Date / Time / Timestamp</td><td>integer with its title and {@code connect.type}</td>
 *       <td>days / ms of day / epoch ms</td></tr>
 *   <tr><td>ARRAY</td><td>{@code {"type":"array","items":…}}</td><td>array</td></tr>
 *   <tr><td>MAP, string keys</td><td>{@code {"type":"object","additionalProperties":…,"connect.type":"map"}}</td><td>object</td></tr>
 *   <tr><td>MAP, other keys</td><td>array of {@code {key, value}} objects, {@code "connect.type":"map"}</td>
 *       <td>array of {@code {"key":…,"value":…}}</td></tr>
 *   <tr><td>STRUCT</td><td>{@code {"type":"object","properties":…}}, each with {@code connect.index}</td><td>object</td></tr>
 *   <tr><td>optional</td><td>{@code {"oneOf":[{"type":"null"}, …]}}</td><td>null or the value</td></tr>
 * </table>
 * Name, version, doc, parameters and default travel as {@code title}, {@code connect.version}, {@code description},
 * {@code connect.parameters} and {@code default}. Converted schemas are cached ({@code schemas.cache.size}).
 * Thread-safe.
 */
public final class JsonSchemaData {
    private final JsonSchemaDataOptions options;
    private final ConnectToJsonValue toJson;
    private final JsonToConnectValue toConnect;
    private final ConnectToJsonSchema toJsonSchema;
    private final JsonSchemaToConnect toConnectSchema;
    private final SchemaCache<Schema, ParsedJsonSchema> jsonSchemas;
    private final SchemaCache<VersionedSchema, Schema> connectSchemas;

    private record VersionedSchema(ParsedJsonSchema schema, Integer version) {
    }

    public JsonSchemaData(JsonSchemaDataOptions options) {
        this.options = options;
        this.toJson = new ConnectToJsonValue(options);
        this.toConnect = new JsonToConnectValue(options);
        this.toJsonSchema = new ConnectToJsonSchema(options, toJson);
        this.toConnectSchema = new JsonSchemaToConnect(options, toConnect);
        this.jsonSchemas = new SchemaCache<>(options.cacheSize());
        this.connectSchemas = new SchemaCache<>(options.cacheSize());
    }

    /** With Confluent's keys ({@link JsonSchemaDataConfig}). */
    public JsonSchemaData(Map<String, ?> configs) {
        this(new JsonSchemaDataConfig(configs).options());
    }

    public JsonSchemaDataOptions options() {
        return options;
    }

    /** The JSON Schema of a Connect schema. */
    public ParsedJsonSchema fromConnectSchema(Schema schema) {
        return jsonSchemas.get(schema, s -> ParsedJsonSchema.of(toJsonSchema.convert(s)));
    }

    /**
     * The Connect schema of a JSON Schema.
     *
     * @param version the registry version, for the top-level schema when the JSON Schema carries no {@code connect.version}
     * @throws DataException for a JSON Schema Connect cannot express
     */
    public Schema toConnectSchema(ParsedJsonSchema schema, Integer version) {
        return connectSchemas.get(new VersionedSchema(schema, version), key -> toConnectSchema.convert(key.schema().tree(), key.version()));
    }

    /**
     * The JSON of a Connect value.
     *
     * @throws DataException when the value does not fit the schema
     */
    public JsonNode fromConnectData(Schema schema, Object value) {
        return toJson.convert(schema, value);
    }

    /**
     * The Connect value of a JSON document.
     *
     * @throws DataException when the document does not fit the schema
     */
    public Object toConnectData(Schema schema, JsonNode json) {
        return toConnect.convert(schema, json);
    }
}
