package io.ferry.serde.connect;

import static io.ferry.serde.connect.ConnectAvroNames.*;

import java.util.Map;

import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Schema;

/** How Avro's named types and unions show in Connect schemas, and the helpers both directions share. */
final class ConnectUnions {
    private static final Map<Schema.Type, String> AVRO_TYPE_NAMES = Map.of(
            Schema.Type.INT32, "int", Schema.Type.INT64, "long", Schema.Type.FLOAT32, "float", Schema.Type.FLOAT64, "double",
            Schema.Type.BOOLEAN, "boolean", Schema.Type.STRING, "string", Schema.Type.BYTES, "bytes", Schema.Type.ARRAY, "array",
            Schema.Type.MAP, "map");

    private ConnectUnions() {
    }

    /** A struct standing for an Avro union: one optional field per branch, at most one set. */
    static boolean isUnion(Schema schema) {
        return schema.type() == Schema.Type.STRUCT && AVRO_TYPE_UNION.equals(schema.name());
    }

    static boolean isEnum(Schema schema) {
        return schema.type() == Schema.Type.STRING && schema.parameters() != null && schema.parameters().containsKey(AVRO_TYPE_ENUM);
    }

    static boolean isFixed(Schema schema) {
        return schema.type() == Schema.Type.BYTES && schema.name() != null && schema.parameters() != null
                && schema.parameters().containsKey(FIXED_SIZE);
    }

    /** The same schema, not optional. */
    static Schema nonOptional(Schema schema) {
        return new ConnectSchema(schema.type(), false, schema.defaultValue(), schema.name(), schema.version(), schema.doc(),
                schema.parameters(), schema.type() == Schema.Type.STRUCT ? schema.fields() : null,
                schema.type() == Schema.Type.MAP ? schema.keySchema() : null,
                schema.type() == Schema.Type.MAP || schema.type() == Schema.Type.ARRAY ? schema.valueSchema() : null);
    }

    /** The Connect field name of an Avro union branch: the type name, or the (simple or, enhanced, full) name of a named type. */
    static String branchName(org.apache.avro.Schema branch, boolean enhanced) {
        switch (branch.getType()) {
            case RECORD, ENUM, FIXED:
                return enhanced ? branch.getFullName() : branch.getName();
            default:
                return branch.getType().getName();
        }
    }

    /** The Connect field name of the branch a Connect schema stands for. */
    static String branchName(Schema schema, boolean enhanced, boolean scrub) {
        if (schema.type() == Schema.Type.STRUCT || isEnum(schema) || isFixed(schema)) {
            return enhanced ? AvroNames.scrubFullName(schema.name(), scrub) : AvroNames.split(schema.name(), scrub)[1];
        }
        return AVRO_TYPE_NAMES.get(schema.type());
    }
}
