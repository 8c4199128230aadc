package io.ferry.registry.compat.json;

import java.net.URI;
import java.net.URISyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The base URIs that {@code $id} (draft 4: {@code id}) sets: a schema's own, resolved against the base of
 * the schema it sits in, and the schema within a document that declares a given one. An {@code $id} that
 * is only a fragment ({@code #name}) names an anchor, not a base, and is skipped.
 */
final class SchemaIds {

    private SchemaIds() {
    }

    /** The absolute URI a schema's {@code $id} sets, resolved against {@code parent}; else {@code parent}. */
    static URI absolute(URI parent, JsonNode schema) {
        String id = id(schema);
        if (id == null) {
            return parent;
        }
        URI own = resolve(parent, id);
        return own != null ? own : parent;
    }

    /** {@code location} resolved against {@code base} (or taken as is without one), fragment dropped. */
    static URI resolve(URI base, String location) {
        try {
            URI uri = base != null ? base.resolve(new URI(location)) : new URI(location);
            return new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The schema under {@code node} (itself excluded) whose {@code $id} resolves to {@code wanted}. */
    static JsonNode find(JsonNode node, URI base, URI wanted) {
        for (JsonNode child : node) {
            if (!child.isContainerNode()) {
                continue;
            }
            URI childBase = child.isObject() ? absolute(base, child) : base;
            if (child.isObject() && id(child) != null && wanted.equals(childBase)) {
                return child;
            }
            JsonNode found = find(child, childBase, wanted);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String id(JsonNode schema) {
        JsonNode id = schema.isObject() ? schema.path("$id") : null;
        if (id != null && !id.isTextual()) {
            id = schema.path("id");
        }
        if (id == null || !id.isTextual() || id.textValue().isEmpty() || id.textValue().startsWith("#")) {
            return null;
        }
        return id.textValue();
    }
}
