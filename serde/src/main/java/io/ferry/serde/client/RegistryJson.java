package io.ferry.serde.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON bodies of the registry's API, both ways. */
final class RegistryJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RegistryJson() {
    }

    /** {@code {"schema": ..., "schemaType": ..., "references": [...]}}; the type is left out for Avro, as Confluent's client does. */
    static byte[] schemaRequest(RegistrySchema schema) {
        ObjectNode body = MAPPER.createObjectNode();
        if (!RegistrySchema.AVRO.equals(schema.schemaType())) {
            body.put("schemaType", schema.schemaType());
        }
        if (!schema.references().isEmpty()) {
            ArrayNode refs = body.putArray("references");
            for (SchemaReference ref : schema.references()) {
                refs.addObject().put("name", ref.name()).put("subject", ref.subject()).put("version", ref.version());
            }
        }
        body.put("schema", schema.schema());
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a schema request", e);
        }
    }

    /** The schema of a by-id or subject-version answer. */
    static RegistrySchema schema(JsonNode body) {
        String type = body.path("schemaType").asText(RegistrySchema.AVRO);
        List<SchemaReference> refs = new ArrayList<>();
        for (JsonNode ref : body.path("references")) {
            refs.add(new SchemaReference(ref.path("name").asText(), ref.path("subject").asText(), ref.path("version").asInt()));
        }
        return new RegistrySchema(type.isEmpty() ? RegistrySchema.AVRO : type, body.path("schema").asText(), refs);
    }

    static RegisteredSchema registered(String subject, JsonNode body, RegistrySchema fallback) {
        RegistrySchema schema = body.hasNonNull("schema") ? schema(body) : fallback;
        return new RegisteredSchema(body.path("subject").asText(subject), body.path("id").asInt(), body.path("version").asInt(), schema);
    }
}
