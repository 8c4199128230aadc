package io.ferry.registry.compat.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.compat.json.SchemaNode.Criterion;
import io.ferry.registry.compat.json.SchemaNode.Kind;

/**
 * Reads a JSON node as a {@link SchemaNode}, the way Confluent Schema Registry's JSON Schema library loads it:
 * {@code true} and a schema without constraining keywords allow anything, {@code false} nothing; each of
 * {@code enum}, {@code const}, {@code not}, {@code allOf}, {@code anyOf}, {@code oneOf} and the
 * {@code type} (or, without one, the keywords of each type) is one view, and several views make a synthetic
 * {@code allOf}.
 */
final class SchemaNodes {

    private static final Set<String> STRING_KEYWORDS = Set.of("minLength", "maxLength", "pattern", "format");
    private static final Set<String> NUMBER_KEYWORDS =
            Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");
    private static final Set<String> OBJECT_KEYWORDS = Set.of("properties", "required", "additionalProperties",
            "patternProperties", "minProperties", "maxProperties", "dependencies", "dependentRequired",
            "dependentSchemas", "propertyNames", "unevaluatedProperties");
    private static final Set<String> ARRAY_KEYWORDS =
            Set.of("items", "additionalItems", "minItems", "maxItems", "uniqueItems", "contains", "prefixItems",
                    "unevaluatedItems", "minContains", "maxContains");
    private static final Map<String, Set<String>> KEYWORDS_BY_TYPE = Map.of(
            "string", STRING_KEYWORDS, "number", NUMBER_KEYWORDS, "object", OBJECT_KEYWORDS, "array",
            ARRAY_KEYWORDS);
    /** The order views of an untyped schema are listed in, for stable paths. */
    private static final List<String> UNTYPED_ORDER = List.of("object", "array", "string", "number");

    private SchemaNodes() {
    }

    /**
     * @throws IllegalArgumentException when the node is not a schema, or a reference in it points at nothing
     */
    static SchemaNode of(JsonNode node, SchemaDocument document) {
        if (document.refKeepsSiblings() && SchemaDocument.hasRef(node)) {
            List<SchemaNode> siblings = views(node, document);
            if (!siblings.isEmpty()) {
                return withSiblings(node, document, siblings);
            }
        }
        SchemaDocument.Resolved resolved = document.resolve(node);
        JsonNode raw = resolved.node();
        SchemaDocument home = resolved.document();
        if (raw.isBoolean()) {
            return SchemaNode.simple(raw.booleanValue() ? Kind.EMPTY : Kind.FALSE, raw, home, "");
        }
        if (!raw.isObject()) {
            throw new IllegalArgumentException("Not a JSON Schema: " + raw);
        }
        List<SchemaNode> views = views(raw, home);
        if (views.isEmpty()) {
            return SchemaNode.simple(Kind.EMPTY, raw, home, "");
        }
        if (views.size() == 1) {
            return views.get(0);
        }
        return SchemaNode.combined(Criterion.ALL_OF, raw, home, "", () -> views);
    }

    /**
     * From draft 2019-09 a {@code $ref} is one more constraint beside its siblings: the node reads as an
     * {@code allOf} of the referenced schema and the siblings' views (which never include {@code $ref}). The
     * referenced schema is read when the parts are asked for, so a schema that refers to itself can be seen.
     */
    private static SchemaNode withSiblings(JsonNode node, SchemaDocument document, List<SchemaNode> siblings) {
        return SchemaNode.combined(Criterion.ALL_OF, node, document, "$ref", () -> {
            SchemaDocument.Resolved target = document.follow(node);
            List<SchemaNode> parts = new ArrayList<>();
            parts.add(of(target.node(), target.document()));
            parts.addAll(siblings);
            return parts;
        });
    }

    private static List<SchemaNode> views(JsonNode raw, SchemaDocument home) {
        List<SchemaNode> views = new ArrayList<>();
        if (raw.has("enum")) {
            views.add(SchemaNode.simple(Kind.ENUM, raw, home, "enum"));
        }
        if (raw.has("const")) {
            views.add(SchemaNode.simple(Kind.CONST, raw, home, "const"));
        }
        if (raw.has("not")) {
            views.add(SchemaNode.simple(Kind.NOT, raw, home, "not"));
        }
        for (Criterion criterion : Criterion.values()) {
            JsonNode subschemas = raw.get(criterion.keyword());
            if (subschemas != null && subschemas.isArray()) {
                views.add(SchemaNode.combined(criterion, raw, home, criterion.keyword(),
                        () -> children(subschemas, home)));
            }
        }
        JsonNode type = raw.get("type");
        if (type != null) {
            typed(type, raw, home).ifPresent(views::add);
        } else {
            for (String typeName : UNTYPED_ORDER) {
                if (KEYWORDS_BY_TYPE.get(typeName).stream().anyMatch(raw::has)) {
                    views.add(ofType(typeName, raw, home, "untyped:" + typeName));
                }
            }
        }
        return views;
    }

    private static List<SchemaNode> children(JsonNode subschemas, SchemaDocument home) {
        List<SchemaNode> children = new ArrayList<>();
        subschemas.forEach(subschema -> children.add(of(subschema, home)));
        return children;
    }

    /** A list of several types reads as an {@code anyOf} of one view per type. */
    private static Optional<SchemaNode> typed(JsonNode type, JsonNode raw, SchemaDocument home) {
        if (type.isTextual()) {
            return Optional.of(ofType(type.asText(), raw, home, "type:" + type.asText()));
        }
        if (!type.isArray() || type.isEmpty()) {
            return Optional.empty();
        }
        List<SchemaNode> perType = new ArrayList<>();
        type.forEach(name -> perType.add(ofType(name.asText(), raw, home, "type:" + name.asText())));
        if (perType.size() == 1) {
            return Optional.of(perType.get(0));
        }
        return Optional.of(SchemaNode.combined(Criterion.ANY_OF, raw, home, "type", () -> perType));
    }

    private static SchemaNode ofType(String typeName, JsonNode raw, SchemaDocument home, String view) {
        return switch (typeName) {
            case "string" -> SchemaNode.simple(Kind.STRING, raw, home, view);
            case "integer" -> SchemaNode.number(true, raw, home, view);
            case "number" -> SchemaNode.number(false, raw, home, view);
            case "object" -> SchemaNode.simple(Kind.OBJECT, raw, home, view);
            case "array" -> SchemaNode.simple(Kind.ARRAY, raw, home, view);
            case "boolean" -> SchemaNode.simple(Kind.BOOLEAN, raw, home, view);
            case "null" -> SchemaNode.simple(Kind.NULL, raw, home, view);
            default -> throw new IllegalArgumentException("Unknown JSON Schema type '" + typeName + "'");
        };
    }
}
