package io.ferry.registry.compat.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.compat.VersionedSchema;
import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;
import io.ferry.registry.schema.json.JsonSchemaDocument;
import org.assertj.core.groups.Tuple;

/** A JSON Schema for checker tests, read with Jackson alone, with referenced documents given by name. */
record TestJsonSchema(JsonNode root, Map<String, JsonNode> referencedRoots) implements JsonSchemaDocument {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static TestJsonSchema json(String text) {
        return new TestJsonSchema(parse(text), Map.of());
    }

    static TestJsonSchema json(JsonNode root) {
        return new TestJsonSchema(root, Map.of());
    }

    /** A schema whose {@code $ref}s may name the given documents. */
    static TestJsonSchema json(String text, Map<String, String> referenced) {
        Map<String, JsonNode> roots = new LinkedHashMap<>();
        referenced.forEach((name, document) -> roots.put(name, parse(document)));
        return new TestJsonSchema(parse(text), roots);
    }

    /** Versions 1, 2, ... of a subject, oldest first. */
    static List<VersionedSchema> history(ParsedSchema... oldestFirst) {
        List<VersionedSchema> versions = new ArrayList<>();
        for (int i = 0; i < oldestFirst.length; i++) {
            versions.add(new VersionedSchema(i + 1, oldestFirst[i]));
        }
        return versions;
    }

    /** Each problem of a result as its type and location. */
    static List<Tuple> typesAndLocations(CompatibilityResult result) {
        return result.incompatibilities().stream()
                .map(problem -> new Tuple(problem.type(), problem.location()))
                .toList();
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test schema is not JSON: " + text, e);
        }
    }

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    @Override
    public String canonicalString() {
        return root.toString();
    }

    @Override
    public List<SchemaReference> references() {
        return List.of();
    }

    @Override
    public ParsedSchema normalize() {
        return this;
    }

    @Override
    public String name() {
        return null;
    }

    @Override
    public Object rawSchema() {
        return root;
    }
}
