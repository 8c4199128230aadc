package io.ferry.registry.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityPolicy;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.service.ConfigUpdate;
import io.ferry.registry.service.RegisterRequest;
import io.ferry.registry.service.RegistryErrors;
import io.ferry.registry.store.RegistryMode;

/**
 * Reads request bodies. Malformed JSON and fields of the wrong type are the client's error (400,
 * with the parser's words); a missing body is 422; unknown fields are ignored.
 */
final class RequestBodies {
    /** Settings a PUT /config may carry besides the level, kept as given. */
    private static final Set<String> CONFIG_SETTINGS = Set.of("alias", "normalize", "validateFields", "validateRules",
            "compatibilityPolicy", "compatibilityGroup", "defaultMetadata", "overrideMetadata", "defaultRuleSet", "overrideRuleSet");

    private static final ObjectReader REGISTER = ApiJson.MAPPER.readerFor(RegisterBody.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RequestBodies() {
    }

    /** The body of POST /subjects/{s}/versions, POST /subjects/{s} and POST /compatibility/... */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegisterBody(String schema, String schemaType, List<ReferenceBody> references, ObjectNode metadata,
                        ObjectNode ruleSet, Integer id, Integer version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferenceBody(String name, String subject, Integer version) {
    }

    /** A body that is missing or JSON null, where one is required. */
    static final class MissingBodyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingBodyException(String operation) {
            super(operation + " must not be null (was null)");
        }
    }

    /** A body that is not JSON, or holds a field of the wrong type (400). */
    static final class MalformedBodyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedBodyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param operation names the operation in the 422 message for a missing body, Confluent's way
     *                  ({@code register.arg4})
     */
    static RegisterRequest register(byte[] body, String operation) {
        if (isEmpty(body)) {
            throw new MissingBodyException(operation);
        }
        RegisterBody parsed;
        try {
            parsed = REGISTER.readValue(body);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedBodyException(e.getMessage(), e);
        }
        if (parsed == null) {
            throw new MissingBodyException(operation);
        }
        List<SchemaReference> references = new ArrayList<>();
        if (parsed.references() != null) {
            for (ReferenceBody reference : parsed.references()) {
                if (reference == null || reference.name() == null || reference.subject() == null) {
                    throw RegistryErrors.invalidSchema(io.ferry.registry.schema.SchemaType.fromName(parsed.schemaType())
                                    .orElse(io.ferry.registry.schema.SchemaType.AVRO),
                            "Invalid reference: a reference needs a name, a subject and a version");
                }
                references.add(new SchemaReference(reference.name(), reference.subject(),
                        reference.version() == null ? -1 : reference.version()));
            }
        }
        return new RegisterRequest(parsed.schema(), parsed.schemaType(), references, parsed.metadata(), parsed.ruleSet(),
                parsed.id(), parsed.version());
    }

    /** The body of PUT /config[/{s}]: {"compatibility": "...", ...}. 42203 for an unknown level. */
    static ConfigUpdate config(byte[] body, String operation) {
        JsonNode node = object(body, operation);
        JsonNode level = node.get("compatibility");
        CompatibilityLevel compatibility = null;
        if (level != null && !level.isNull()) {
            if (!level.isTextual()) {
                throw RegistryErrors.invalidCompatibilityLevel();
            }
            compatibility = CompatibilityLevel.fromName(level.asText()).orElseThrow(RegistryErrors::invalidCompatibilityLevel);
        }
        ObjectNode others = ApiJson.MAPPER.createObjectNode();
        node.fields().forEachRemaining(field -> {
            if (CONFIG_SETTINGS.contains(field.getKey()) && !field.getValue().isNull()) {
                others.set(field.getKey(), field.getValue());
            }
        });
        JsonNode policy = others.get("compatibilityPolicy");
        if (policy != null) {
            others.put("compatibilityPolicy", policy(policy).name());
        }
        return new ConfigUpdate(compatibility, others.isEmpty() ? null : others);
    }

    /** A {@code compatibilityPolicy} value: a known name, any case, stored as its canonical name; 42203 otherwise. */
    private static CompatibilityPolicy policy(JsonNode value) {
        if (!value.isTextual()) {
            throw RegistryErrors.invalidCompatibilityPolicy();
        }
        return CompatibilityPolicy.fromName(value.asText()).orElseThrow(RegistryErrors::invalidCompatibilityPolicy);
    }

    /** The body of PUT /mode[/{s}]: {"mode": "..."}. 42204 for an unknown mode. */
    static RegistryMode mode(byte[] body, String operation) {
        JsonNode mode = object(body, operation).get("mode");
        if (mode == null || !mode.isTextual()) {
            throw RegistryErrors.invalidMode();
        }
        return RegistryMode.fromName(mode.asText()).orElseThrow(RegistryErrors::invalidMode);
    }

    private static JsonNode object(byte[] body, String operation) {
        if (isEmpty(body)) {
            throw new MissingBodyException(operation);
        }
        JsonNode node;
        try {
            node = ApiJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedBodyException(e.getMessage(), e);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new MissingBodyException(operation);
        }
        if (!node.isObject()) {
            throw new MalformedBodyException("Cannot deserialize value of type `" + operation.substring(0, operation.indexOf('.'))
                    + "` from " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " value: expected a JSON object", null);
        }
        return node;
    }

    private static boolean isEmpty(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
