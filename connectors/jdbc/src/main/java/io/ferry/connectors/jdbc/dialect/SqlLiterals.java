package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.ZoneId;
import java.util.HexFormat;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect values as SQL literals, for the DEFAULT clause of a created column. A Timestamp default is
 * written as its local date-time in {@code db.timezone}, as a bound Timestamp is; Debezium's types by their
 * {@link DebeziumType#value standard values}.
 *
 * @param backslashEscapes whether the database treats a backslash in a string literal as an escape (MariaDB)
 * @param bytesPrefix      what opens a hex byte literal: {@code '\x} (PostgreSQL) or {@code X'}
 * @param booleanWords     whether TRUE/FALSE are literals; else 1/0
 * @param debeziumColumns  the database whose columns {@code auto.create} makes for Debezium's types, which decide
 *                         how their defaults are written
 */
record SqlLiterals(boolean backslashEscapes, String bytesPrefix, boolean booleanWords, DebeziumColumns debeziumColumns) {

    static final SqlLiterals POSTGRES = new SqlLiterals(false, "'\\x", true, DebeziumColumns.POSTGRES);
    static final SqlLiterals MARIADB = new SqlLiterals(true, "X'", true, DebeziumColumns.MARIADB);
    static final SqlLiterals SQLITE = new SqlLiterals(false, "X'", false, DebeziumColumns.SQLITE);

    /**
     * Where the columns created for Debezium's types differ in what their DEFAULT takes: PostgreSQL stores a
     * ZonedTimestamp in a TIMESTAMPTZ (the literal carries the offset, else the session's zone would apply) and
     * a MicroDuration in an INTERVAL (interval text); MariaDB stores Bits of up to 64 bits in a BIT(n), which
     * takes a bit-value literal (a string would be its characters' bytes).
     */
    enum DebeziumColumns {
        POSTGRES, MARIADB, SQLITE
    }

    /** The column suffix of a spec: NOT NULL for a required schema, DEFAULT for a schema default. */
    String constraints(Schema schema, ZoneId zone) {
        StringBuilder sql = new StringBuilder();
        if (!schema.isOptional()) {
            sql.append(" NOT NULL");
        }
        if (schema.defaultValue() != null) {
            sql.append(" DEFAULT ").append(literal(schema, schema.defaultValue(), zone));
        }
        return sql.toString();
    }

    String literal(Schema schema, Object value, ZoneId zone) {
        if (value == null) {
            return "NULL";
        }
        DebeziumType semantic = DebeziumType.of(schema);
        if (semantic != DebeziumType.NONE) {
            return semanticLiteral(schema, semantic.kind(), semantic.value(schema, value), zone);
        }
        String logical = schema.name();
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            return ((BigDecimal) value).toPlainString();
        }
        if (Date.LOGICAL_NAME.equals(logical)) {
            return string(TemporalValues.localDate((java.util.Date) value).toString());
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return string(TemporalValues.text(TemporalValues.localTime((java.util.Date) value)));
        }
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            java.time.Instant instant = TemporalValues.instant((java.util.Date) value);
            return string(TemporalValues.text(instant.atZone(zone).toLocalDateTime()));
        }
        return switch (schema.type()) {
            case INT8, INT16, INT32, INT64, FLOAT32, FLOAT64 -> value.toString();
            case BOOLEAN -> booleanWords ? ((Boolean) value ? "TRUE" : "FALSE") : ((Boolean) value ? "1" : "0");
            case STRING -> string((String) value);
            case BYTES -> bytesPrefix + HexFormat.of().formatHex(bytes(value)) + "'";
            default -> throw new DataException("No SQL literal for a default value of Connect type " + schema.type());
        };
    }

    /**
     * A Debezium type's standard value as a literal for the column the dialect creates for it: dates and times
     * as text, ZonedTimestamp in {@code zone}, as {@link DebeziumColumns} says where the databases differ.
     */
    private String semanticLiteral(Schema schema, DebeziumType.Kind kind, Object standard, ZoneId zone) {
        return switch (kind) {
            case TIME -> string(DebeziumType.timeText(standard));
            case YEAR -> standard.toString();
            case LOCAL_TIMESTAMP -> string(TemporalValues.text((java.time.LocalDateTime) standard));
            case INSTANT -> debeziumColumns == DebeziumColumns.POSTGRES
                    ? string(TemporalValues.textWithOffset(((java.time.Instant) standard).atZone(zone)))
                    : string(TemporalValues.text(((java.time.Instant) standard).atZone(zone).toLocalDateTime()));
            case DECIMAL -> ((BigDecimal) standard).toPlainString();
            case DURATION_MICROS -> debeziumColumns == DebeziumColumns.POSTGRES ? string(standard + " microseconds")
                    : standard.toString();
            case BITS -> debeziumColumns == DebeziumColumns.MARIADB && MariaDbDialect.bitColumn(schema)
                    ? "b'" + standard + "'" : string((String) standard);
            default -> string(standard.toString());
        };
    }

    private String string(String text) {
        String escaped = text.replace("'", "''");
        if (backslashEscapes) {
            escaped = escaped.replace("\\", "\\\\");
        }
        return "'" + escaped + "'";
    }

    static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        return (byte[]) value;
    }
}
