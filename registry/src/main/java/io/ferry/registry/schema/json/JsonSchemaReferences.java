package io.ferry.registry.schema.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ResolvedReference;

/** The schemas a JSON Schema's references point to, read into trees by reference name. */
final class JsonSchemaReferences {

    private JsonSchemaReferences() {
    }

    /**
     * The roots of the resolved schemas by reference name; where two references share a name, the first
     * given wins, as Confluent Schema Registry resolves them.
     *
     * @throws InvalidSchemaException when a referenced text is not JSON, which a stored schema never is
     */
    static Map<String, JsonNode> roots(List<ResolvedReference> resolved) throws InvalidSchemaException {
        Map<String, JsonNode> roots = new LinkedHashMap<>();
        for (ResolvedReference reference : resolved) {
            String name = reference.reference().name();
            if (!roots.containsKey(name)) {
                roots.put(name, JsonSchemaText.read(reference.schemaText()));
            }
        }
        return Collections.unmodifiableMap(roots);
    }
}
