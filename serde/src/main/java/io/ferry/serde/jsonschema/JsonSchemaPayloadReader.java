package io.ferry.serde.jsonschema;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.registry.FramedHeaders;
import io.ferry.serde.registry.RecordSide;
import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.registry.SchemasById;
import io.ferry.serde.wire.WireHeader;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads framed JSON payloads: the header, the writer's schema by id (fetched and parsed once per id), then the
 * document, checked against the schema when asked. Shared by {@link KafkaJsonSchemaDeserializer} and the Connect
 * converter. Thread-safe.
 */
public final class JsonSchemaPayloadReader {

    /** A read payload. */
    public record Decoded(int schemaId, ParsedJsonSchema schema, JsonNode document) {
    }

    private final boolean validate;
    private final SchemasById<ParsedJsonSchema> schemas;

    public JsonSchemaPayloadReader(RegistryClient client, boolean validate) {
        this.validate = validate;
        this.schemas = new SchemasById<>(client, ParsedJsonSchema::of);
    }

    /**
     * Reads a framed payload from {@code topic}.
     *
     * @throws SerializationException naming the topic and the problem: no magic byte, an unknown id, bytes that
     *                                are not JSON, a document that does not conform (with validation on); a
     *                                {@link SchemaRegistryException} when the registry refuses or cannot be reached
     */
    public Decoded read(String topic, boolean isKey, byte[] framed) {
        WireHeader header = FramedHeaders.read(topic, isKey, framed);
        ParsedJsonSchema schema = schema(topic, isKey, header.schemaId());
        JsonNode document;
        try {
            document = ParsedJsonSchema.MAPPER.readTree(framed, header.payloadOffset(), framed.length - header.payloadOffset());
        } catch (IOException e) {
            throw new SerializationException("Cannot deserialize " + RecordSide.describe(topic, isKey) + ": the payload after "
                    + "the header of schema id " + header.schemaId() + " is not JSON (" + e.getMessage() + ")", e);
        }
        if (validate) {
            List<String> problems = schema.problems(document);
            if (!problems.isEmpty()) {
                throw new SerializationException("Cannot deserialize " + RecordSide.describe(topic, isKey) + ": the document "
                        + "does not conform to schema id " + header.schemaId() + ": " + String.join("; ", problems));
            }
        }
        return new Decoded(header.schemaId(), schema, document);
    }

    /** The writer's schema of an id, fetched once. */
    public ParsedJsonSchema schema(String topic, boolean isKey, int id) {
        return schemas.get(topic, isKey, id);
    }
}
