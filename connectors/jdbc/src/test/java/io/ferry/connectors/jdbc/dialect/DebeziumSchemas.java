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
            case DATE, TIME -> named(Schema.Type.INT32, type.schemaName());
            case MICRO_TIME, NANO_TIME, TIMESTAMP, MICRO_TIMESTAMP, NANO_TIMESTAMP, MICRO_DURATION ->
                    named(Schema.Type.INT64, type.schemaName());
            case VARIABLE_SCALE_DECIMAL -> variableScaleDecimal();
            case BITS -> bits(10);
            default -> named(Schema.Type.STRING, type.schemaName());
        };
    }

    static Schema variableScaleDecimal() {
        return SchemaBuilder.struct().name(DebeziumType.VARIABLE_SCALE_DECIMAL.schemaName()).version(1).optional()
                .field("scale", Schema.INT32_SCHEMA).field("value", Schema.BYTES_SCHEMA).build();
    }

    static Schema bits(int length) {
        return SchemaBuilder.bytes().name(DebeziumType.BITS.schemaName()).version(1).optional()
                .parameter("length", Integer.toString(length)).build();
    }
}
