package io.ferry.registry.store;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;

/**
 * What a global id stands for: a schema's type, canonical text, references, metadata and rule
 * set. The same content registered under several subjects shares one id.
 */
public record SchemaContent(SchemaType type, String schema, List<SchemaReference> references, ObjectNode metadata,
                            ObjectNode ruleSet) {

    public SchemaContent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(schema, "schema");
        references = List.copyOf(references == null ? List.of() : references);
    }

    static SchemaContent of(RecordValue.Schema value) {
        return new SchemaContent(value.type(), value.schema(), value.references(), value.metadata(), value.ruleSet());
    }
}
