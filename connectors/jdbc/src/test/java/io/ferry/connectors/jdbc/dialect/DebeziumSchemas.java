package io.ferry.connectors.jdbc.dialect;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** Schemas as Debezium's connectors write them for its semantic types: a Connect type and a name. */
final class DebeziumSchemas {
    private DebeziumSchemas() {
    }

    static Schema named(Schema.Type type, String name) {
        return new SchemaBuilder(type).name(name).version(1).optional().build();
    }

    static Schema of(DebeziumType type) {
        return switch (type) {
            case DATE, TIME, YEAR -> named(Schema.Type.INT32, type.schemaName());
            case MICRO_TIME, NANO_TIME, TIMESTAMP, MICRO_TIMESTAMP, NANO_TIMESTAMP, MICRO_DURATION ->
                    named(Schema.Type.INT64, type.schemaName());
            case VARIABLE_SCALE_DECIMAL -> variableScaleDecimal();
            case BITS -> bits(10);
            case POINT -> point();
            default -> named(Schema.Type.STRING, type.schemaName());
        };
    }

    static Schema variableScaleDecimal() {
        return SchemaBuilder.struct().name(DebeziumType.VARIABLE_SCALE_DECIMAL.schemaName()).version(1).optional()
                .field("scale", Schema.INT32_SCHEMA).field("value", Schema.BYTES_SCHEMA).build();
    }

    static Schema point() {
        return SchemaBuilder.struct().name(DebeziumType.POINT.schemaName()).version(1).optional()
                .field("x", Schema.FLOAT64_SCHEMA).field("y", Schema.FLOAT64_SCHEMA)
                .field("wkb", Schema.OPTIONAL_BYTES_SCHEMA).field("srid", Schema.OPTIONAL_INT32_SCHEMA).build();
    }

    /** A Point as Debezium writes it, its WKB left out. */
    static org.apache.kafka.connect.data.Struct point(double x, double y) {
        return new org.apache.kafka.connect.data.Struct(point()).put("x", x).put("y", y);
    }

    static Schema bits(int length) {
        return SchemaBuilder.bytes().name(DebeziumType.BITS.schemaName()).version(1).optional()
                .parameter("length", Integer.toString(length)).build();
    }
}
