package io.ferry.registry.compat.json;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One schema as the comparison sees it: a single kind of constraint over a node of a document. A node that
 * mixes kinds ({@code "type": "string"} with {@code "enum"}) is seen as an {@code allOf} of one view per kind,
 * and a list of types as an {@code anyOf} of one view per type, so two schemas are compared kind by kind.
 * Immutable.
 */
final class SchemaNode {

    /** The kinds of constraint. */
    enum Kind { EMPTY, FALSE, NULL, BOOLEAN, STRING, NUMBER, OBJECT, ARRAY, ENUM, CONST, NOT, COMBINED }

    /** How the parts of a combined schema combine; {@link #keyword()} names it in paths. */
    enum Criterion {
        ALL_OF("allOf"), ANY_OF("anyOf"), ONE_OF("oneOf");

        private final String keyword;

        Criterion(String keyword) {
            this.keyword = keyword;
        }

        String keyword() {
            return keyword;
        }
    }

    private final Kind kind;
    private final JsonNode raw;
    private final SchemaDocument document;
    private final String view;
    private final boolean integer;
    private final Criterion criterion;
    private final Supplier<List<SchemaNode>> parts;

    private SchemaNode(Kind kind, JsonNode raw, SchemaDocument document, String view, boolean integer,
            Criterion criterion, Supplier<List<SchemaNode>> parts) {
        this.kind = kind;
        this.raw = raw;
        this.document = document;
        this.view = view;
        this.integer = integer;
        this.criterion = criterion;
        this.parts = parts;
    }

    static SchemaNode simple(Kind kind, JsonNode raw, SchemaDocument document, String view) {
        return new SchemaNode(kind, raw, document, view, false, null, List::of);
    }

    static SchemaNode number(boolean integer, JsonNode raw, SchemaDocument document, String view) {
        return new SchemaNode(Kind.NUMBER, raw, document, view, integer, null, List::of);
    }

    /** Parts are computed when asked for, so that a schema that refers to itself can be seen at all. */
    static SchemaNode combined(Criterion criterion, JsonNode raw, SchemaDocument document, String view,
            Supplier<List<SchemaNode>> parts) {
        return new SchemaNode(Kind.COMBINED, raw, document, view, false, criterion, parts);
    }

    Kind kind() {
        return kind;
    }

    boolean is(Kind candidate) {
        return kind == candidate;
    }

    /** For {@link Kind#NUMBER}: whether only integers are allowed. */
    boolean integer() {
        return integer;
    }

    /** For {@link Kind#COMBINED}: how the parts combine; {@code null} otherwise. */
    Criterion criterion() {
        return criterion;
    }

    /** For {@link Kind#COMBINED}: the parts, in order; empty otherwise. */
    List<SchemaNode> parts() {
        return parts.get();
    }

    /** The value of a keyword of this schema's node, or {@code null} when it has none. */
    JsonNode keyword(String name) {
        return raw.isObject() ? raw.get(name) : null;
    }

    /** A schema found under this one (a property's, the items'), read in this schema's document. */
    SchemaNode child(JsonNode schema) {
        return SchemaNodes.of(schema, document);
    }

    /** Identifies this view of its node, so that a comparison that comes back to it can stop. */
    Object identity() {
        return new Identity(raw, view);
    }

    /** Equal for two views of equal JSON, so that repeated parts of a combined schema count once. */
    Object content() {
        return List.of(raw, view);
    }

    private record Identity(JsonNode raw, String view) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && raw == other.raw && view.equals(other.view);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(raw) + view.hashCode();
        }
    }

    @Override
    public String toString() {
        return kind + (view.isEmpty() ? "" : "[" + view + "]") + " " + Objects.toString(raw);
    }
}
