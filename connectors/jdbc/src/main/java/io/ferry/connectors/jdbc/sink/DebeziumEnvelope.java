package io.ferry.connectors.jdbc.sink;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A Debezium change event read from a record value that is still in Debezium's envelope (no
 * {@code ExtractNewRecordState} before the sink): the operation and the row state after it.
 *
 * <p>A value is taken for an envelope only when it has the envelope's whole shape, so user data is not
 * mistaken for one: with a schema, a STRUCT whose schema name ends in {@code .Envelope} (Debezium names it
 * {@code <topic>.Envelope}, or {@code io.debezium.connector.<name>.Envelope}) with a STRING field {@code op},
 * optional STRUCT fields {@code before} and {@code after} and a STRUCT field {@code source}; without a schema
 * (JsonConverter with {@code schemas.enable=false}), a map with the keys {@code op}, {@code before},
 * {@code after} and {@code source}, whose {@code source} is a map and whose {@code op} is one of Debezium's.
 *
 * @param op          the operation
 * @param afterSchema the schema of {@code after}; null for a schemaless envelope
 * @param after       the row after a create, read or update; null for the other operations
 */
record DebeziumEnvelope(Op op, Schema afterSchema, Object after) {

    /** Debezium's operations, by the letter of its {@code op} field. */
    enum Op {
        /** {@code c}: a row was inserted. */
        CREATE,
        /** {@code r}: a row was read by a snapshot. */
        READ,
        /** {@code u}: a row was updated. */
        UPDATE,
        /** {@code d}: a row was deleted. */
        DELETE,
        /** {@code t}: the table was truncated. */
        TRUNCATE,
        /** {@code m}: a logical-decoding message, which is no row change. */
        MESSAGE;

        /** Whether the event carries the row's new state in {@code after}. */
        boolean writesAfter() {
            return this == CREATE || this == READ || this == UPDATE;
        }

        static Optional<Op> of(Object letter) {
            if (!(letter instanceof String text)) {
                return Optional.empty();
            }
            return switch (text) {
                case "c" -> Optional.of(CREATE);
                case "r" -> Optional.of(READ);
                case "u" -> Optional.of(UPDATE);
                case "d" -> Optional.of(DELETE);
                case "t" -> Optional.of(TRUNCATE);
                case "m" -> Optional.of(MESSAGE);
                default -> Optional.empty();
            };
        }
    }

    private static final String SCHEMA_NAME_SUFFIX = ".Envelope";

    /**
     * The change event the record's value holds, or empty when the value is not an envelope (a tombstone, a
     * row already unwrapped, any other data).
     *
     * @throws DataException when the value has the envelope's shape but its {@code op} is missing or unknown,
     *     or a create, read or update event has no {@code after}
     */
    static Optional<DebeziumEnvelope> of(SinkRecord record) {
        Schema schema = record.valueSchema();
        Object value = record.value();
        if (value == null) {
            return Optional.empty();
        }
        if (schema != null) {
            return isEnvelopeSchema(schema) && value instanceof Struct struct
                    ? Optional.of(fromStruct(schema, struct)) : Optional.empty();
        }
        return value instanceof Map<?, ?> map && isEnvelopeMap(map) ? Optional.of(fromMap(map)) : Optional.empty();
    }

    /** Whether a schema has the shape of Debezium's envelope, as the class comment says. */
    static boolean isEnvelopeSchema(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT || schema.name() == null || !schema.name().endsWith(SCHEMA_NAME_SUFFIX)) {
            return false;
        }
        Field op = schema.field("op");
        Field before = schema.field("before");
        Field after = schema.field("after");
        Field source = schema.field("source");
        return op != null && op.schema().type() == Schema.Type.STRING
                && before != null && before.schema().type() == Schema.Type.STRUCT && before.schema().isOptional()
                && after != null && after.schema().type() == Schema.Type.STRUCT && after.schema().isOptional()
                && source != null && source.schema().type() == Schema.Type.STRUCT;
    }

    private static boolean isEnvelopeMap(Map<?, ?> map) {
        return map.containsKey("before") && map.containsKey("after") && map.get("source") instanceof Map
                && Op.of(map.get("op")).isPresent();
    }

    private static DebeziumEnvelope fromStruct(Schema schema, Struct struct) {
        Object letter = struct.get("op");
        Op op = Op.of(letter).orElseThrow(() -> new DataException("the Debezium change event (" + schema.name()
                + ") has the operation " + letter + ", not one of c, r, u, d, t or m"));
        Schema afterSchema = schema.field("after").schema();
        Struct after = struct.getStruct("after");
        if (op.writesAfter() && after == null) {
            throw new DataException("the Debezium change event (" + schema.name() + ") of operation " + letter
                    + " has no 'after' row to write");
        }
        return new DebeziumEnvelope(op, afterSchema, op.writesAfter() ? after : null);
    }

    private static DebeziumEnvelope fromMap(Map<?, ?> map) {
        Op op = Op.of(map.get("op")).orElseThrow();
        Object after = map.get("after");
        if (op.writesAfter() && !(after instanceof Map)) {
            throw new DataException("the schemaless Debezium change event of operation " + map.get("op")
                    + " has no 'after' map of column values to write, but " + after);
        }
        return new DebeziumEnvelope(op, null, op.writesAfter() ? after : null);
    }
}
