package io.ferry.registry.schema.json;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schema drafts the registry accepts, and which one a schema is read as.
 *
 * <p>A schema names its draft with {@code $schema}; as in Confluent Schema Registry, a schema without
 * one, or with a URI that names none of these drafts, is read as draft 7.
 */
public enum JsonSchemaDraft {
    DRAFT_4("draft-04", SpecificationVersion.DRAFT_4, "id"),
    DRAFT_6("draft-06", SpecificationVersion.DRAFT_6, "$id"),
    DRAFT_7("draft-07", SpecificationVersion.DRAFT_7, "$id"),
    DRAFT_2019_09("draft 2019-09", SpecificationVersion.DRAFT_2019_09, "$id"),
    DRAFT_2020_12("draft 2020-12", SpecificationVersion.DRAFT_2020_12, "$id");

    /** The draft a schema is read as when it does not name one. */
    public static final JsonSchemaDraft DEFAULT = DRAFT_7;

    private final String label;
    private final SpecificationVersion version;
    private final String idKeyword;

    JsonSchemaDraft(String label, SpecificationVersion version, String idKeyword) {
        this.label = label;
        this.version = version;
        this.idKeyword = idKeyword;
    }

    /**
     * The draft a schema's {@code $schema} names. The URI is compared without its scheme's {@code s} and
     * without an empty fragment, so {@code http://json-schema.org/draft-07/schema#} and
     * {@code https://json-schema.org/draft-07/schema} both name draft 7.
     */
    public static JsonSchemaDraft of(JsonNode root) {
        JsonNode declared = root.path("$schema");
        if (!declared.isTextual()) {
            return DEFAULT;
        }
        String wanted = comparable(declared.textValue());
        for (JsonSchemaDraft draft : values()) {
            if (comparable(draft.version.getDialectId()).equals(wanted)) {
                return draft;
            }
        }
        return DEFAULT;
    }

    private static String comparable(String uri) {
        String text = uri.trim().toLowerCase(Locale.ROOT);
        if (text.endsWith("#")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.startsWith("https://") ? "http://" + text.substring("https://".length()) : text;
    }

    /** The keyword that sets a schema's base URI: {@code id} in draft 4, {@code $id} after it. */
    String idKeyword() {
        return idKeyword;
    }

    SpecificationVersion version() {
        return version;
    }

    /** The draft's usual name, for messages: {@code draft-07}, {@code draft 2020-12}. */
    public String label() {
        return label;
    }
}
