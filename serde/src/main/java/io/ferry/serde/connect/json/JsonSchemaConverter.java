package io.ferry.serde.connect.json;

import java.util.Map;

import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientLease;
import io.ferry.serde.connect.ConverterFailures;
import io.ferry.serde.connect.SchemaVersions;
import io.ferry.serde.jsonschema.JsonSchemaPayloadReader;
import io.ferry.serde.jsonschema.JsonSchemaPayloadWriter;
import io.ferry.serde.jsonschema.ParsedJsonSchema;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A Connect {@link Converter} between Connect data and JSON documents with a JSON Schema in the registry, in the
 * registry wire format, compatible with Confluent's {@code io.confluent.connect.json.JsonSchemaConverter}: the same
 * settings ({@link JsonSchemaConverterConfig}) and the same JSON Schemas for the same Connect schemas
 * ({@link JsonSchemaData}), so either converter reads what the other wrote.
 *
 * <p>Writing registers the JSON Schema of the record's Connect schema under the subject (or looks it up, or uses
 * the latest version, as configured) and writes the value as UTF-8 JSON. Reading fetches the writer's schema by id,
 * maps it to a Connect schema (whose version is the registry version when the schema carries no
 * {@code connect.version}) and the document to a value of it. Schemaless data (a null schema with a value) is
 * refused: use Apache's {@code JsonConverter} for it.
 *
 * <p><b>Errors.</b> Data that cannot be converted, bytes without the magic byte, an unknown id, a schema the
 * registry refuses: {@link DataException} naming the topic. An unreachable registry: {@link RetriableException}.
 * Thread-safe after {@link #configure}.
 */
public class JsonSchemaConverter implements Converter {
    private final RegistryClientLease lease;
    private boolean isKey;
    private JsonSchemaData data;
    private JsonSchemaPayloadWriter writer;
    private JsonSchemaPayloadReader reader;
    private SchemaVersions versions;

    /** For Connect: configured through {@link #configure}. */
    public JsonSchemaConverter() {
        this(null);
    }

    /** With a client of the caller's, which {@link #close} leaves open; still needs {@link #configure}. */
    public JsonSchemaConverter(RegistryClient client) {
        this.lease = new RegistryClientLease(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        JsonSchemaConverterConfig config = new JsonSchemaConverterConfig(configs);
        RegistryClient client = lease.open(config.clientConfig());
        this.isKey = isKey;
        this.data = new JsonSchemaData(config.dataOptions());
        this.writer = new JsonSchemaPayloadWriter(client, config.subjectNameStrategy(isKey), config);
        this.reader = new JsonSchemaPayloadReader(client, config.failInvalidSchema());
        this.versions = new SchemaVersions(client, config.subjectNameStrategy(isKey));
    }

    @Override
    public ConfigDef config() {
        return JsonSchemaConverterConfig.configDef();
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return fromConnectData(topic, null, schema, value);
    }

    @Override
    public byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
        if (schema == null && value == null) {
            return null;
        }
        try {
            if (schema == null) {
                throw new DataException("a value without a schema cannot be written with a JSON Schema; "
                        + "use org.apache.kafka.connect.json.JsonConverter for schemaless data");
            }
            ParsedJsonSchema jsonSchema = data.fromConnectSchema(schema);
            if (value == null && schema.isOptional()) {
                return null;
            }
            return writer.write(topic, isKey, jsonSchema, data.fromConnectData(schema, value));
        } catch (SerializationException | DataException e) {
            throw ConverterFailures.serializing("JSON", topic, isKey, e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return toConnectData(topic, null, value);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        try {
            JsonSchemaPayloadReader.Decoded decoded = reader.read(topic, isKey, value);
            ParsedJsonSchema writerSchema = decoded.schema();
            Integer version = versions.versionOf(topic, isKey, decoded.schemaId(), writerSchema.recordName(), writerSchema::registrySchema);
            Schema schema = data.toConnectSchema(writerSchema, version);
            return new SchemaAndValue(schema, data.toConnectData(schema, decoded.document()));
        } catch (SerializationException | DataException e) {
            throw ConverterFailures.deserializing("JSON", topic, isKey, e);
        }
    }

    @Override
    public void close() {
        lease.close();
    }
}
