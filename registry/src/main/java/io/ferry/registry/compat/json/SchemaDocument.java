package io.ferry.registry.compat.json;

import java.net.URI;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.ferry.registry.schema.json.JsonSchemaDraft;

/**
 * The document (schema resource) a schema node lives in, for following {@code $ref}: a reference is resolved
 * against this document's root ({@code #/definitions/x}), against a referenced document named by the part
 * before {@code #} ({@code other.json#/definitions/y}), or, that failing, against the base URI the root's
 * {@code $id} (draft 4: {@code id}) sets, to this document or to a schema within it or among the referenced
 * ones that declares that URI as its {@code $id}. Immutable.
 *
 * @param root       this document's root
 * @param referenced the referenced documents' roots, by the name their reference was declared with
 * @param base       the absolute base URI references are resolved against, or {@code null} when none is known
 * @param draft      the draft the document is read as, which decides how a {@code $ref} meets its siblings
 */
record SchemaDocument(JsonNode root, Map<String, JsonNode> referenced, URI base, JsonSchemaDraft draft) {

    /** How many {@code $ref}s in a row a node may take before it is taken as a loop. */
    private static final int MAX_REF_CHAIN = 64;

    SchemaDocument {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(draft, "draft");
        referenced = Map.copyOf(referenced);
    }

    /** A document whose base URI and draft its root declares. */
    SchemaDocument(JsonNode root, Map<String, JsonNode> referenced) {
        this(root, referenced, SchemaIds.absolute(null, root), JsonSchemaDraft.of(root));
    }

    /** A node with its {@code $ref}s followed, and the document it was found in. */
    record Resolved(JsonNode node, SchemaDocument document) {
    }

    /**
     * Whether a {@code $ref} applies together with its sibling keywords, as from draft 2019-09; before it,
     * a {@code $ref} replaces its siblings.
     */
    boolean refKeepsSiblings() {
        return draft == JsonSchemaDraft.DRAFT_2019_09 || draft == JsonSchemaDraft.DRAFT_2020_12;
    }

    /**
     * Follows {@code $ref} until a node without one, reading a {@code $ref} as replacing its siblings. A
     * chain of references that returns to itself allows anything, as a schema that never constrains.
     *
     * @throws IllegalArgumentException when a reference points at nothing
     */
    Resolved resolve(JsonNode node) {
        Resolved current = new Resolved(node, this);
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (hasRef(current.node())) {
            if (!seen.add(current.node()) || seen.size() > MAX_REF_CHAIN) {
                return new Resolved(BooleanNode.TRUE, current.document());
            }
            current = current.document().follow(current.node());
        }
        return current;
    }

    /**
     * The target of a node's own {@code $ref}, one step only.
     *
     * @throws IllegalArgumentException when the reference points at nothing
     */
    Resolved follow(JsonNode node) {
        String ref = node.get("$ref").asText();
        int hash = ref.indexOf('#');
        String location = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        SchemaDocument document = location.isEmpty() ? this : locate(location, ref);
        return new Resolved(document.pointTo(fragment, ref), document);
    }

    static boolean hasRef(JsonNode node) {
        return node.isObject() && node.path("$ref").isTextual();
    }

    /** The document a reference's part before {@code #} names. */
    private SchemaDocument locate(String location, String ref) {
        JsonNode found = referenced.get(location);
        if (found == null && location.startsWith("./")) {
            found = referenced.get(location.substring(2));
        }
        if (found == null) {
            found = referenced.get("./" + location);
        }
        if (found != null) {
            return new SchemaDocument(found, referenced);
        }
        SchemaDocument byId = byId(location);
        if (byId == null) {
            throw new IllegalArgumentException("Cannot resolve the reference '" + ref + "': no referenced schema '"
                    + location + "'");
        }
        return byId;
    }

    /** The resource whose {@code $id} is the location resolved against this document's base, or {@code null}. */
    private SchemaDocument byId(String location) {
        URI wanted = SchemaIds.resolve(base, location);
        if (wanted == null) {
            return null;
        }
        if (wanted.equals(base)) {
            return this;
        }
        JsonNode embedded = SchemaIds.find(root, base, wanted);
        if (embedded != null) {
            return new SchemaDocument(embedded, referenced, wanted, draft);
        }
        for (JsonNode other : referenced.values()) {
            if (wanted.equals(SchemaIds.absolute(null, other))) {
                return new SchemaDocument(other, referenced);
            }
        }
        return null;
    }

    private JsonNode pointTo(String fragment, String ref) {
        JsonNode target;
        if (fragment.isEmpty()) {
            target = root;
        } else if (fragment.startsWith("/")) {
            target = root.at(JsonPointer.compile(fragment));
        } else {
            target = findAnchor(root, fragment);
        }
        if (target == null || target.isMissingNode()) {
            throw new IllegalArgumentException("Cannot resolve the reference '" + ref + "'");
        }
        return target;
    }

    /** The schema that declares {@code $anchor} (or a draft-7 {@code $id} of {@code #name}) by that name. */
    private static JsonNode findAnchor(JsonNode node, String name) {
        if (node.isObject() && (name.equals(node.path("$anchor").asText(null))
                || ("#" + name).equals(node.path("$id").asText(null)))) {
            return node;
        }
        for (JsonNode child : node) {
            JsonNode found = child.isContainerNode() ? findAnchor(child, name) : null;
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
