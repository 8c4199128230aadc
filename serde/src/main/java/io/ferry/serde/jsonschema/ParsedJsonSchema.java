package io.ferry.serde.jsonschema;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.ferry.serde.client.RegistrySchema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A JSON Schema as the serde uses it: its registry text, its parsed tree, and a validator compiled on first
 * use. Schemas without {@code $schema} are validated as draft 7, the draft Confluent's serializers assume.
 * Immutable apart from the lazily compiled validator; thread-safe.
 */
public final class ParsedJsonSchema {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry VALIDATORS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private final String text;
    private final JsonNode tree;
    private volatile Schema validator;

    private ParsedJsonSchema(String text, JsonNode tree) {
        this.text = text;
        this.tree = tree;
    }

    /**
     * Parses schema text.
     *
     * @throws SerializationException when the text is not JSON, or not an object or boolean
     */
    public static ParsedJsonSchema parse(String text) {
        try {
            return of(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new SerializationException("Invalid JSON Schema: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A schema tree; its registry text is the tree written compactly.
     *
     * @throws SerializationException when the tree is not an object or boolean
     */
    public static ParsedJsonSchema of(JsonNode tree) {
        if (tree == null || !(tree.isObject() || tree.isBoolean())) {
            throw new SerializationException("Invalid JSON Schema: expected an object or a boolean, got "
                    + (tree == null ? "nothing" : tree.getNodeType()));
        }
        return new ParsedJsonSchema(tree.toString(), tree);
    }

    /** The schema of a registry answer. */
    public static ParsedJsonSchema of(RegistrySchema schema) {
        if (!RegistrySchema.JSON.equals(schema.schemaType())) {
            throw new SerializationException("schema is of type " + schema.schemaType() + ", not JSON");
        }
        return parse(schema.schema());
    }

    public String text() {
        return text;
    }

    public JsonNode tree() {
        return tree;
    }

    /** The text as the registry stores it. */
    public RegistrySchema registrySchema() {
        return RegistrySchema.json(text);
    }

    /** The {@code title}, which subject strategies that need a record name use; {@code null} without one. */
    public String recordName() {
        JsonNode title = tree.get("title");
        return title != null && title.isTextual() ? title.asText() : null;
    }

    /**
     * Checks a document against the schema.
     *
     * @return the problems, one a line, each with its location; empty when the document conforms
     * @throws SerializationException when the schema itself cannot be used to validate (an unresolvable
     *                                {@code $ref}, an unknown {@code $schema})
     */
    public List<String> problems(JsonNode document) {
        try {
            Schema compiled = validator;
            if (compiled == null) {
                compiled = VALIDATORS.getSchema(tree);
                validator = compiled;
            }
            List<Error> errors = compiled.validate(document);
            return errors.stream().map(Error::toString).collect(Collectors.toList());
        } catch (RuntimeException e) {
            // The validator's own exceptions (schema errors, unresolvable references) become the serde's.
            throw new SerializationException("Cannot validate against the JSON Schema: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedJsonSchema that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
