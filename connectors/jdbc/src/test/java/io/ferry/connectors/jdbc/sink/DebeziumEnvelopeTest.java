package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connectors.jdbc.sink.DebeziumEnvelope.Op;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class DebeziumEnvelopeTest {
    static final Schema ROW = SchemaBuilder.struct().name("pg.public.customers.Value").optional()
            .field("id", Schema.INT32_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
    static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("db", Schema.STRING_SCHEMA).build();
    static final Schema ENVELOPE = envelope("pg.public.customers.Envelope", ROW);

    static Schema envelope(String name, Schema row) {
        return SchemaBuilder.struct().name(name)
                .field("before", row).field("after", row).field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA).field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();
    }

    static Struct row(int id, String name) {
        return new Struct(ROW).put("id", id).put("name", name);
    }

    /** An event of {@link #ENVELOPE}: {@code before} and {@code after} may be null. */
    static Struct event(String op, Struct before, Struct after) {
        return new Struct(ENVELOPE).put("op", op).put("before", before).put("after", after)
                .put("source", new Struct(SOURCE).put("db", "test"));
    }

    private static SinkRecord record(Schema schema, Object value) {
        return new SinkRecord("pg.public.customers", 0, null, null, schema, value, 5);
    }

    @Test
    void shouldReadTheOperationAndTheAfterRowOfAnEnvelope() {
        DebeziumEnvelope update = DebeziumEnvelope.of(record(ENVELOPE, event("u", row(1, "a"), row(1, "b")))).orElseThrow();
        assertThat(update.op()).isEqualTo(Op.UPDATE);
        assertThat(update.afterSchema()).isSameAs(ROW);
        assertThat(update.after()).isEqualTo(row(1, "b"));
        assertThat(DebeziumEnvelope.of(record(ENVELOPE, event("d", row(1, "b"), null))).orElseThrow().op()).isEqualTo(Op.DELETE);
        assertThat(DebeziumEnvelope.of(record(ENVELOPE, event("t", null, null))).orElseThrow().op()).isEqualTo(Op.TRUNCATE);
        assertThat(DebeziumEnvelope.of(record(ENVELOPE, event("r", null, row(2, "c")))).orElseThrow().op()).isEqualTo(Op.READ);
    }

    @Test
    void shouldRecogniseTheConnectorWideEnvelopeName() {
        Schema schema = envelope("io.debezium.connector.postgresql.Envelope", ROW);
        Struct value = new Struct(schema).put("op", "c").put("after", row(1, "a")).put("source", new Struct(SOURCE).put("db", "x"));
        assertThat(DebeziumEnvelope.of(record(schema, value))).get().extracting(DebeziumEnvelope::op).isEqualTo(Op.CREATE);
    }

    @Test
    void shouldNotTakeUserDataThatOnlyResemblesAnEnvelopeForOne() {
        Schema wrongName = envelope("shop.Order", ROW);
        Schema noSource = SchemaBuilder.struct().name("shop.Envelope").field("before", ROW).field("after", ROW)
                .field("op", Schema.STRING_SCHEMA).build();
        Schema afterNotAStruct = SchemaBuilder.struct().name("shop.Envelope").field("before", ROW)
                .field("after", Schema.OPTIONAL_STRING_SCHEMA).field("source", SOURCE).field("op", Schema.STRING_SCHEMA).build();
        for (Schema schema : List.of(wrongName, noSource, afterNotAStruct, ROW)) {
            Struct value = new Struct(schema);
            schema.fields().forEach(field -> value.put(field, defaultOf(field.schema())));
            assertThat(DebeziumEnvelope.of(record(schema, value))).as(schema.name() + " " + schema.fields()).isEmpty();
        }
        assertThat(DebeziumEnvelope.of(record(null, Map.of("op", "c", "after", Map.of("id", 1))))).as("no source, no before").isEmpty();
        assertThat(DebeziumEnvelope.of(record(null, Map.of("op", "insert", "before", Map.of(), "after", Map.of(), "source", Map.of()))))
                .as("not an op of Debezium's").isEmpty();
        assertThat(DebeziumEnvelope.of(record(ENVELOPE, null))).as("a tombstone").isEmpty();
    }

    private static Object defaultOf(Schema schema) {
        return switch (schema.type()) {
            case STRING -> "c";
            case INT32 -> 1;
            case STRUCT -> schema.isOptional() ? null : new Struct(schema).put("db", "x");
            default -> null;
        };
    }

    @Test
    void shouldReadASchemalessEnvelope() {
        Map<String, Object> value = new HashMap<>();
        value.put("op", "c");
        value.put("before", null);
        value.put("after", Map.of("id", 1, "name", "a"));
        value.put("source", Map.of("db", "test"));
        DebeziumEnvelope event = DebeziumEnvelope.of(record(null, value)).orElseThrow();
        assertThat(event.op()).isEqualTo(Op.CREATE);
        assertThat(event.afterSchema()).isNull();
        assertThat(event.after()).isEqualTo(Map.of("id", 1, "name", "a"));
    }

    @Test
    void shouldRefuseAnEnvelopeWithAnUnknownOperationOrAWriteWithoutAfter() {
        assertThatThrownBy(() -> DebeziumEnvelope.of(record(ENVELOPE, event("x", null, row(1, "a")))))
                .isInstanceOf(DataException.class).hasMessageContaining("operation x").hasMessageContaining("pg.public.customers.Envelope");
        assertThatThrownBy(() -> DebeziumEnvelope.of(record(ENVELOPE, event("c", null, null))))
                .isInstanceOf(DataException.class).hasMessageContaining("no 'after' row");
    }
}
