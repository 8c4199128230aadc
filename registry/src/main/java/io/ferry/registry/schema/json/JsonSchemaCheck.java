package io.ferry.registry.schema.json;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import io.ferry.registry.schema.InvalidSchemaException;

/**
 * Checks that a JSON value is a schema of its draft: valid against the draft's meta-schema, with every
 * {@code $ref} resolving within the schema or into the schemas its references point to. Thread-safe.
 *
 * <p>Nothing is fetched over the network: the meta-schemas come with the validator library, and a
 * {@code $ref} to a document that is neither the schema itself nor one of its references fails.
 */
final class JsonSchemaCheck {

    /**
     * Where the schema being checked is taken to live. A reference named {@code address.json} is found at
     * this base resolved with that name, or at the schema's own {@code $id} resolved with it.
     */
    private static final URI BASE = URI.create("mem://input/");

    private static final Map<JsonSchemaDraft, Schema> META_SCHEMAS = metaSchemas();

    private JsonSchemaCheck() {
    }

    private static Map<JsonSchemaDraft, Schema> metaSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(JsonSchemaDraft.DEFAULT.version(),
                builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
        Map<JsonSchemaDraft, Schema> schemas = new EnumMap<>(JsonSchemaDraft.class);
        for (JsonSchemaDraft draft : JsonSchemaDraft.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of(draft.version().getDialectId()));
            schema.initializeValidators();
            schemas.put(draft, schema);
        }
        return schemas;
    }

    /**
     * @param root       the schema
     * @param draft      the draft it is read as
     * @param referenced the roots of the schemas its references point to, transitively, by reference name
     * @throws InvalidSchemaException naming what the meta-schema rejects ({@code #/type: ...}) or the
     *                                {@code $ref} that does not resolve
     */
    static void check(JsonNode root, JsonSchemaDraft draft, Map<String, JsonNode> referenced)
            throws InvalidSchemaException {
        checkAgainstMetaSchema(root, draft);
        checkReferences(root, draft, referenced);
    }

    private static void checkAgainstMetaSchema(JsonNode root, JsonSchemaDraft draft) throws InvalidSchemaException {
        List<Error> errors = META_SCHEMAS.get(draft).validate(root);
        if (errors.isEmpty()) {
            return;
        }
        // Meta-schemas built of several vocabularies report one fault once per vocabulary.
        Set<String> messages = new LinkedHashSet<>();
        for (Error error : errors) {
            messages.add("#" + error.getInstanceLocation() + ": " + error.getMessage());
        }
        throw new InvalidSchemaException("Not a valid " + draft.label() + " JSON Schema: " + String.join("; ", messages));
    }

    private static void checkReferences(JsonNode root, JsonSchemaDraft draft, Map<String, JsonNode> referenced)
            throws InvalidSchemaException {
        URI rootBase = rootBase(root, draft);
        Map<String, String> documents = new HashMap<>();
        referenced.forEach((name, document) -> {
            String text = JsonSchemaText.write(document);
            documents.putIfAbsent(resolve(rootBase, name), text);
            documents.putIfAbsent(resolve(BASE, name), text);
        });
        JsonNode checked = withoutDialect(root);
        documents.put(BASE.toString(), JsonSchemaText.write(checked));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(draft.version(), builder -> builder
                .schemaLoader(loader -> loader.fetchRemoteResources(false))
                .schemas(documents::get));
        try {
            // Loading a subschema resolves its $ref. Loading the root alone would leave out subschemas that
            // validation never reaches, such as a definition no $ref uses.
            registry.getSchema(SchemaLocation.of(BASE.toString()), checked).initializeValidators();
            for (String pointer : JsonSubschemas.withRefs(checked)) {
                registry.getSchema(SchemaLocation.of(BASE + "#" + fragment(pointer))).initializeValidators();
            }
        } catch (SchemaException e) {
            throw new InvalidSchemaException(referenceMessage(e), e);
        } catch (RuntimeException e) {
            throw new InvalidSchemaException(e.getMessage() != null ? e.getMessage() : e.toString(), e);
        }
    }

    /** A JSON pointer as a URI fragment: characters a URI may not hold percent-encoded. */
    private static String fragment(String pointer) {
        try {
            return new URI(null, null, null, -1, null, null, pointer).getRawFragment();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("A JSON pointer could not be written as a URI fragment: " + pointer, e);
        }
    }

    /** The base URI of the schema's own {@code $ref}s: its {@code $id} (draft 4: {@code id}), if any. */
    private static URI rootBase(JsonNode root, JsonSchemaDraft draft) {
        JsonNode id = root.path(draft.idKeyword());
        if (!id.isTextual()) {
            return BASE;
        }
        try {
            return BASE.resolve(new URI(id.textValue()));
        } catch (URISyntaxException e) {
            return BASE;
        }
    }

    private static String resolve(URI base, String name) {
        try {
            return base.resolve(new URI(name)).toString();
        } catch (URISyntaxException e) {
            return name;
        }
    }

    /**
     * The schema without its {@code $schema}: the draft is already chosen, and the validator must not try
     * to fetch a meta-schema it does not know (a schema naming no known draft is read as the default one).
     */
    private static JsonNode withoutDialect(JsonNode root) {
        if (!root.isObject() || !root.has("$schema")) {
            return root;
        }
        ObjectNode copy = ((ObjectNode) root).deepCopy();
        copy.remove("$schema");
        return copy;
    }

    private static String referenceMessage(SchemaException e) {
        if (e.getCause() instanceof FileNotFoundException missing) {
            String uri = missing.getMessage();
            String name = uri != null && uri.startsWith(BASE.toString()) ? uri.substring(BASE.toString().length()) : uri;
            return "Reference " + name + " cannot be resolved";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
