package io.ferry.registry.rest;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;
import io.ferry.registry.store.RecordValue;
import io.ferry.registry.store.SchemaContent;
import io.ferry.registry.store.SubjectVersion;

/**
 * The JSON shapes of the API, field by field as Confluent's registry writes them: {@code schemaType}
 * left out for AVRO, {@code references} when empty, {@code metadata} and {@code ruleSet} when null.
 */
final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiJson() {
    }

    /**
     * A registered version: GET /subjects/{s}/versions/{v}, lookup, GET /schemas.
     *
     * @param guid the schema's guid (newer clients address schemas by it)
     * @param text the schema's text in the format asked for
     */
    static ObjectNode version(SubjectVersion version, String guid, String text) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("subject", version.subject());
        node.put("version", version.version());
        node.put("id", version.id());
        node.put("guid", guid);
        contentFields(node, version.content(), text);
        return node;
    }

    /** The answer to a registration: the id first, then what newer clients cache. */
    static ObjectNode registered(SubjectVersion version, String guid) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", version.id());
        node.put("version", version.version());
        node.put("guid", guid);
        contentFields(node, version.content(), version.content().schema());
        return node;
    }

    /** GET /schemas/ids/{id} and /schemas/guids/{guid}. */
    static ObjectNode schemaString(SchemaContent content, String text, String guid, Integer maxId) {
        ObjectNode node = MAPPER.createObjectNode();
        if (content.type() != SchemaType.AVRO) {
            node.put("schemaType", content.type().name());
        }
        node.put("schema", text);
        if (!content.references().isEmpty()) {
            node.set("references", references(content.references()));
        }
        if (content.metadata() != null) {
            node.set("metadata", content.metadata());
        }
        if (content.ruleSet() != null) {
            node.set("ruleSet", content.ruleSet());
        }
        node.put("guid", guid);
        if (maxId != null) {
            node.put("maxId", maxId);
        }
        return node;
    }

    private static void contentFields(ObjectNode node, SchemaContent content, String text) {
        if (content.type() != SchemaType.AVRO) {
            node.put("schemaType", content.type().name());
        }
        if (!content.references().isEmpty()) {
            node.set("references", references(content.references()));
        }
        if (content.metadata() != null) {
            node.set("metadata", content.metadata());
        }
        if (content.ruleSet() != null) {
            node.set("ruleSet", content.ruleSet());
        }
        node.put("schema", text);
    }

    private static ArrayNode references(List<SchemaReference> references) {
        ArrayNode array = MAPPER.createArrayNode();
        for (SchemaReference reference : references) {
            array.addObject().put("name", reference.name()).put("subject", reference.subject()).put("version", reference.version());
        }
        return array;
    }

    /** {"subject":..,"version":..} pairs. */
    static ArrayNode subjectVersions(List<SubjectVersion> versions) {
        ArrayNode array = MAPPER.createArrayNode();
        versions.forEach(version -> array.addObject().put("subject", version.subject()).put("version", version.version()));
        return array;
    }

    /** GET /config: the level under {@code compatibilityLevel}, then further settings. */
    static ObjectNode config(RecordValue.Config config) {
        ObjectNode node = MAPPER.createObjectNode();
        if (config.level() != null) {
            node.put("compatibilityLevel", config.level().name());
        }
        if (config.others() != null) {
            node.setAll(config.others());
        }
        return node;
    }

    /** PUT /config: the level under {@code compatibility}, then further settings. */
    static ObjectNode configUpdate(CompatibilityLevel level, ObjectNode others) {
        ObjectNode node = MAPPER.createObjectNode();
        if (level != null) {
            node.put("compatibility", level.name());
        }
        if (others != null) {
            node.setAll(others);
        }
        return node;
    }

    static ObjectNode error(int code, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error_code", code);
        node.put("message", message);
        return node;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
