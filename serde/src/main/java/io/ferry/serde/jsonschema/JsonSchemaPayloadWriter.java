package io.ferry.serde.jsonschema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.serde.registry.RecordSide;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.subject.SubjectNameStrategy;
import io.ferry.serde.wire.WireFormat;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Writes JSON documents as framed payloads: chooses the schema id ({@link JsonWriteSchemaResolver}), checks the
 * document against the schema when asked, then writes the header and the document as compact UTF-8 JSON.
 * Shared by {@link KafkaJsonSchemaSerializer} and the Connect converter. Thread-safe.
 */
public final class JsonSchemaPayloadWriter {
    private final JsonWriteSchemaResolver resolver;
    private final boolean validate;
    private final boolean latestStrict;

    public JsonSchemaPayloadWriter(RegistryClient client, SubjectNameStrategy strategy, JsonSchemaSerdeConfig config) {
        this.resolver = new JsonWriteSchemaResolver(client, strategy, JsonWriteSchemaResolver.Mode.of(config));
        this.validate = config.failInvalidSchema();
        // The registry, not this client, knows JSON Schema compatibility; what can be checked here is that the
        // document conforms to the schema it is written with.
        this.latestStrict = config.useLatestVersion() && config.latestCompatibilityStrict() && !config.autoRegisterSchemas();
    }

    /**
     * The framed payload of a document.
     *
     * @param schema   the document's own schema, or {@code null} to write with {@code use.latest.version} or
     *                 {@code use.schema.id}
     * @param document the document
     * @throws SerializationException naming the topic: the document does not conform (with
     *                                {@code json.fail.invalid.schema}), it has no schema and none is configured, or
     *                                the registry refuses (a {@link io.ferry.serde.registry.SchemaRegistryException})
     */
    public byte[] write(String topic, boolean isKey, ParsedJsonSchema schema, JsonNode document) {
        JsonWriteSchemaResolver.Resolved resolved = resolver.resolve(topic, isKey, schema);
        boolean writtenWithOther = schema != null && !schema.equals(resolved.schema());
        if (validate || (latestStrict && writtenWithOther)) {
            requireConforms(topic, isKey, resolved, document);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64);
            out.write(WireFormat.header(resolved.id()));
            ParsedJsonSchema.MAPPER.writeValue(out, document);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("Cannot serialize " + RecordSide.describe(topic, isKey) + ": " + e.getMessage(), e);
        }
    }

    /** The id a document of {@code schema} is written with, registering or looking it up when needed. */
    public int schemaId(String topic, boolean isKey, ParsedJsonSchema schema) {
        return resolver.resolve(topic, isKey, schema).id();
    }

    static void requireConforms(String topic, boolean isKey, JsonWriteSchemaResolver.Resolved resolved, JsonNode document) {
        List<String> problems = resolved.schema().problems(document);
        if (!problems.isEmpty()) {
            throw new SerializationException("Cannot serialize " + RecordSide.describe(topic, isKey) + ": the document does not "
                    + "conform to schema id " + resolved.id() + ": " + String.join("; ", problems));
        }
    }
}
