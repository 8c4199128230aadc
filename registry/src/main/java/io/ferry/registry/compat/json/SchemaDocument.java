package io.ferry.registry.compat.json;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * The document a schema node lives in, for following {@code $ref}: a reference is resolved against this
 * document's root ({@code #/definitions/x}) or against a referenced document named by the part before
 * {@code #} ({@code other.json#/definitions/y}). Immutable.
 *
 * @param root       this document's root
 * @param referenced the referenced documents' roots, by the name their reference was declared with
 */
record SchemaDocument(JsonNode root, Map<String, JsonNode> referenced) {

    /** How many {@code $ref}s in a row a node may take before it is taken as a loop. */
    private static final int MAX_REF_CHAIN = 64;

    SchemaDocument {
        Objects.requireNonNull(root, "root");
        referenced = Map.copyOf(referenced);
    }

    /** A node with its {@code $ref}s followed, and the document it was found in. */
    record Resolved(JsonNode node, SchemaDocument document) {
    }

    /**
     * Follows {@code $ref} until a node without one. Under draft 7 and earlier a {@code $ref} replaces its
     * siblings, which is how they are read here. A chain of references that returns to itself allows
     * anything, as a schema that never constrains.
     *
     * @throws IllegalArgumentException when a reference points at nothing
     */
    Resolved resolve(JsonNode node) {
        SchemaDocument document = this;
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        JsonNode current = node;
        while (current.isObject() && current.path("$ref").isTextual()) {
            if (!seen.add(current) || seen.size() > MAX_REF_CHAIN) {
                return new Resolved(BooleanNode.TRUE, document);
            }
            String ref = current.get("$ref").asText();
            int hash = ref.indexOf('#');
            String base = hash < 0 ? ref : ref.substring(0, hash);
            String fragment = hash < 0 ? "" : ref.substring(hash + 1);
            document = base.isEmpty() ? document : document.referencedDocument(base, ref);
            current = document.pointTo(fragment, ref);
        }
        return new Resolved(current, document);
    }

    private SchemaDocument referencedDocument(String base, String ref) {
        JsonNode found = referenced.get(base);
        if (found == null && base.startsWith("./")) {
            found = referenced.get(base.substring(2));
        }
        if (found == null) {
            found = referenced.get("./" + base);
        }
        if (found == null) {
            throw new IllegalArgumentException("Cannot resolve the reference '" + ref + "': no referenced schema '"
                    + base + "'");
        }
        return new SchemaDocument(found, referenced);
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
