package io.ferry.serde.connect;

import java.util.stream.Collectors;

import org.apache.kafka.connect.data.Schema;

/** A readable, complete description of a Connect schema, so tests compare schemas and show the difference. */
public final class ConnectSchemas {
    private ConnectSchemas() {
    }

    public static String describe(Schema schema) {
        StringBuilder out = new StringBuilder(schema.type().toString());
        if (schema.isOptional()) {
            out.append(" optional");
        }
        if (schema.name() != null) {
            out.append(" name=").append(schema.name());
        }
        if (schema.version() != null) {
            out.append(" version=").append(schema.version());
        }
        if (schema.doc() != null) {
            out.append(" doc=").append(schema.doc());
        }
        if (schema.defaultValue() != null) {
            out.append(" default=").append(schema.defaultValue());
        }
        if (schema.parameters() != null && !schema.parameters().isEmpty()) {
            out.append(" params=").append(schema.parameters());
        }
        switch (schema.type()) {
            case STRUCT -> out.append(" fields=").append(schema.fields().stream()
                    .map(f -> f.name() + ": " + describe(f.schema())).collect(Collectors.joining(", ", "[", "]")));
            case ARRAY -> out.append(" items=(").append(describe(schema.valueSchema())).append(')');
            case MAP -> out.append(" keys=(").append(describe(schema.keySchema())).append(") values=(")
                    .append(describe(schema.valueSchema())).append(')');
            default -> {
            }
        }
        return out.toString();
    }
}
