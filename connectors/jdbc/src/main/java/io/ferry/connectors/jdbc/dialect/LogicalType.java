package io.ferry.connectors.jdbc.dialect;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/** Connect's logical types that the dialects map, recognised by schema name. */
enum LogicalType {
    DECIMAL, DATE, TIME, TIMESTAMP, NONE;

    /** The Decimal schema parameter with the precision, as Confluent's converters and JDBC source write it. */
    static final String DECIMAL_PRECISION = "connect.decimal.precision";

    static LogicalType of(Schema schema) {
        String name = schema.name();
        if (name == null) {
            return NONE;
        }
        return switch (name) {
            case Decimal.LOGICAL_NAME -> DECIMAL;
            case Date.LOGICAL_NAME -> DATE;
            case Time.LOGICAL_NAME -> TIME;
            case Timestamp.LOGICAL_NAME -> TIMESTAMP;
            default -> NONE;
        };
    }

    /** The scale of a Decimal schema. */
    static int scale(Schema decimal) {
        String scale = decimal.parameters() == null ? null : decimal.parameters().get(Decimal.SCALE_FIELD);
        if (scale == null) {
            throw new DataException("Decimal schema without a " + Decimal.SCALE_FIELD + " parameter");
        }
        return Integer.parseInt(scale);
    }

    /** The {@code connect.decimal.precision} parameter of a Decimal schema, or null. */
    static Integer precision(Schema decimal) {
        String precision = decimal.parameters() == null ? null : decimal.parameters().get(DECIMAL_PRECISION);
        return precision == null ? null : Integer.valueOf(precision);
    }
}
