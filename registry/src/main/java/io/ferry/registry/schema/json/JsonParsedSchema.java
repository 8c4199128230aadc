package io.ferry.registry.schema.json;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;

/**
 * A JSON Schema that parsed. Immutable and thread-safe, provided no one modifies the trees it hands out
 * ({@link #root()}, {@link #referencedRoots()}).
 *
 * <p>Two instances are equal when their {@link #canonicalString()} and {@link #references()} are.
 */
public final class JsonParsedSchema implements JsonSchemaDocument {

    private final JsonNode root;
    private final JsonSchemaDraft draft;
    private final String canonical;
    private final List<SchemaReference> references;
    private final List<ResolvedReference> resolved;
    private final Map<String, JsonNode> referencedRoots;

    private JsonParsedSchema(JsonNode root, JsonSchemaDraft draft, List<SchemaReference> references,
            List<ResolvedReference> resolved, Map<String, JsonNode> referencedRoots) {
        this.root = root;
        this.draft = draft;
        this.canonical = JsonSchemaText.write(root);
        this.references = List.copyOf(references);
        this.resolved = List.copyOf(resolved);
        this.referencedRoots = referencedRoots;
    }

    /**
     * Parses a schema text with the schemas its references point to.
     *
     * @param check whether to check the schema against its draft's meta-schema and resolve its
     *              {@code $ref}s, or only read its JSON
     * @throws InvalidSchemaException see {@link JsonSchemaProvider#parse}
     */
    static JsonParsedSchema parse(String text, List<SchemaReference> references, List<ResolvedReference> resolved,
            boolean check) throws InvalidSchemaException {
        JsonNode root = JsonSchemaText.read(text);
        ResolvedReference.requireAll(references, resolved);
        Map<String, JsonNode> referencedRoots = JsonSchemaReferences.roots(resolved);
        JsonSchemaDraft draft = JsonSchemaDraft.of(root);
        if (check) {
            JsonSchemaCheck.check(root, draft, referencedRoots);
        }
        return new JsonParsedSchema(root, draft, references, resolved, referencedRoots);
    }

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    /** The schema as compact JSON, keys in the order given, numbers as written. */
    @Override
    public String canonicalString() {
        return canonical;
    }

    @Override
    public List<SchemaReference> references() {
        return references;
    }

    /**
     * The schema with the keys of every object sorted, at every depth, its references sorted by subject and
     * version with duplicates removed; as Confluent Schema Registry normalises JSON Schemas. Arrays (and so
     * {@code enum}, {@code required}, {@code allOf}) keep their order, and {@code $ref}s are kept as written.
     */
    @Override
    public JsonParsedSchema normalize() {
        return new JsonParsedSchema(JsonSchemaText.sorted(root), draft, SchemaReference.normalOrder(references),
                resolved, referencedRoots);
    }

    /** The schema's {@code title}, as Confluent Schema Registry names JSON Schemas; null without one. */
    @Override
    public String name() {
        JsonNode title = root.path("title");
        return title.isValueNode() && !title.isNull() ? title.asText() : null;
    }

    /** The draft the schema is read as. */
    public JsonSchemaDraft draft() {
        return draft;
    }

    @Override
    public JsonNode rawSchema() {
        return root;
    }

    @Override
    public JsonNode root() {
        return root;
    }

    @Override
    public Map<String, JsonNode> referencedRoots() {
        return referencedRoots;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonParsedSchema other
                && canonical.equals(other.canonical)
                && references.equals(other.references);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type(), canonical, references);
    }

    @Override
    public String toString() {
        return canonical;
    }
}
