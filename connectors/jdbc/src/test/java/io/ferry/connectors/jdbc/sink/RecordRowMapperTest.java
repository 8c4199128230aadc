package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ferry.connectors.jdbc.dialect.TableId;
import io.ferry.connectors.jdbc.sink.JdbcSinkConfig.PkMode;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecordRowMapperTest {
    private static final Schema VALUE = SchemaBuilder.struct().name("order")
            .field("id", Schema.INT64_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).field("qty", Schema.INT32_SCHEMA).build();
    private static final Schema KEY = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).field("region", Schema.STRING_SCHEMA).build();

    private static RecordRowMapper mapper(PkMode mode, List<String> pkFields, Set<String> included, boolean deletes) {
        return new RecordRowMapper(mode, pkFields, included, deletes, false, topic -> TableId.of("t_" + topic));
    }

    private static Struct value(long id, String name, int qty) {
        return new Struct(VALUE).put("id", id).put("name", name).put("qty", qty);
    }

    private static SinkRecord record(Schema keySchema, Object key, Schema valueSchema, Object value) {
        return new SinkRecord("orders", 2, keySchema, key, valueSchema, value, 41);
    }

    private static List<String> names(List<ColumnValue> columns) {
        return columns.stream().map(ColumnValue::name).toList();
    }

    @Test
    void shouldWriteEveryValueFieldWithoutKeyWhenPkModeIsNone() {
        SinkRow row = mapper(PkMode.NONE, List.of(), Set.of(), false).map(record(null, null, VALUE, value(1, "a", 2))).orElseThrow();
        assertThat(row.table()).isEqualTo(TableId.of("t_orders"));
        assertThat(row.key()).isEmpty();
        assertThat(names(row.values())).containsExactly("id", "name", "qty");
    }

    @Test
    void shouldReadEachRecordsOwnValuesWhileTheSchemasRepeatAndFollowANewSchema() {
        RecordRowMapper mapper = mapper(PkMode.RECORD_KEY, List.of("id"), Set.of(), false);
        Struct key = new Struct(KEY).put("id", 1L).put("region", "eu");
        SinkRow first = mapper.map(record(KEY, key, VALUE, value(1, "a", 2))).orElseThrow();
        SinkRow second = mapper.map(record(KEY, key, VALUE, value(1, "b", 3))).orElseThrow();
        assertThat(names(second.values())).containsExactly("name", "qty");
        assertThat(first.values()).extracting(ColumnValue::value).containsExactly("a", 2);
        assertThat(second.values()).extracting(ColumnValue::value).containsExactly("b", 3);
        assertThat(second.shape()).isSameAs(first.shape());

        Schema wider = SchemaBuilder.struct().name("order").field("id", Schema.INT64_SCHEMA).field("qty", Schema.INT32_SCHEMA)
                .field("note", Schema.OPTIONAL_STRING_SCHEMA).build();
        SinkRow third = mapper.map(record(KEY, key, wider, new Struct(wider).put("id", 1L).put("qty", 4).put("note", "n")))
                .orElseThrow();
        assertThat(names(third.values())).containsExactly("qty", "note");
        assertThat(third.values()).extracting(ColumnValue::value).containsExactly(4, "n");
        assertThat(third.shape()).isNotEqualTo(first.shape());
        assertThat(third.columns()).extracting(ColumnValue::name).containsExactly("id", "qty", "note");
    }

    @Test
    void shouldGiveAValueFieldsSchemaDefaultWhenTheFieldIsNull() {
        Schema withDefault = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
                .field("qty", SchemaBuilder.int32().optional().defaultValue(7).build()).build();
        RecordRowMapper mapper = mapper(PkMode.NONE, List.of(), Set.of(), false);
        mapper.map(record(null, null, withDefault, new Struct(withDefault).put("id", 1L).put("qty", 1)));
        SinkRow row = mapper.map(record(null, null, withDefault, new Struct(withDefault).put("id", 2L))).orElseThrow();
        assertThat(row.values()).extracting(ColumnValue::value).containsExactly(2L, 7);
    }

    @Test
    void shouldUseTheKafkaCoordinatesAsKeyWhenPkModeIsKafka() {
        SinkRow row = mapper(PkMode.KAFKA, JdbcSinkConfig.KAFKA_PK_DEFAULTS, Set.of(), false)
                .map(record(null, null, VALUE, value(1, "a", 2))).orElseThrow();
        assertThat(row.key()).extracting(ColumnValue::value).containsExactly("orders", 2, 41L);
        assertThat(names(row.key())).containsExactly("__connect_topic", "__connect_partition", "__connect_offset");
        assertThat(names(row.values())).containsExactly("id", "name", "qty");
    }

    @Test
    void shouldNameAPrimitiveKeyWithTheOnePkField() {
        SinkRow row = mapper(PkMode.RECORD_KEY, List.of("order_id"), Set.of(), false)
                .map(record(Schema.INT64_SCHEMA, 7L, VALUE, value(1, "a", 2))).orElseThrow();
        assertThat(row.key()).singleElement().isEqualTo(new ColumnValue("order_id", Schema.INT64_SCHEMA, 7L));
    }

    @Test
    void shouldRefuseAPrimitiveKeyWithoutExactlyOnePkField() {
        RecordRowMapper mapper = mapper(PkMode.RECORD_KEY, List.of("a", "b"), Set.of(), false);
        assertThatThrownBy(() -> mapper.map(record(Schema.INT64_SCHEMA, 7L, VALUE, value(1, "a", 2))))
                .isInstanceOf(DataException.class).hasMessageContaining("exactly one name");
    }

    @Test
    void shouldTakeAllStructKeyFieldsOrTheListedOnesAndLeaveThemOutOfTheValues() {
        Struct key = new Struct(KEY).put("id", 1L).put("region", "eu");
        SinkRow all = mapper(PkMode.RECORD_KEY, List.of(), Set.of(), false).map(record(KEY, key, VALUE, value(1, "a", 2))).orElseThrow();
        assertThat(names(all.key())).containsExactly("id", "region");
        assertThat(names(all.values())).containsExactly("name", "qty");
        SinkRow listed = mapper(PkMode.RECORD_KEY, List.of("region"), Set.of(), false)
                .map(record(KEY, key, VALUE, value(1, "a", 2))).orElseThrow();
        assertThat(names(listed.key())).containsExactly("region");
        assertThat(names(listed.values())).containsExactly("id", "name", "qty");
    }

    @Test
    void shouldNameTheMissingFieldWhenPkFieldsListsOneTheKeyLacks() {
        Struct key = new Struct(KEY).put("id", 1L).put("region", "eu");
        assertThatThrownBy(() -> mapper(PkMode.RECORD_KEY, List.of("shop"), Set.of(), false).map(record(KEY, key, VALUE, value(1, "a", 2))))
                .isInstanceOf(DataException.class).hasMessageContaining("'shop'");
    }

    @Test
    void shouldTakeKeyFromValueFieldsWhenPkModeIsRecordValueAndApplyTheIncludeListToTheRest() {
        SinkRow row = mapper(PkMode.RECORD_VALUE, List.of("id"), Set.of("qty"), false)
                .map(record(null, null, VALUE, value(5, "a", 2))).orElseThrow();
        assertThat(row.key()).singleElement().isEqualTo(new ColumnValue("id", Schema.INT64_SCHEMA, 5L));
        assertThat(names(row.values())).containsExactly("qty");
    }

    @Test
    void shouldMapTombstonesToDeletesOnlyWhenDeletesAreEnabled() {
        SinkRecord tombstone = record(Schema.INT64_SCHEMA, 7L, null, null);
        assertThat(mapper(PkMode.RECORD_KEY, List.of("id"), Set.of(), false).map(tombstone)).isEmpty();
        SinkRow delete = mapper(PkMode.RECORD_KEY, List.of("id"), Set.of(), true).map(tombstone).orElseThrow();
        assertThat(delete.delete()).isTrue();
        assertThat(delete.values()).isEmpty();
        assertThat(delete.key()).extracting(ColumnValue::value).containsExactly(7L);
    }

    @Test
    void shouldAcceptSchemalessMapsAsColumnsWithoutSchemas() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", 3L);
        value.put("note", null);
        SinkRow row = mapper(PkMode.RECORD_KEY, List.of(), Set.of(), false).map(record(null, Map.of("id", 3L), null, value)).orElseThrow();
        assertThat(row.key()).singleElement().isEqualTo(new ColumnValue("id", null, 3L));
        assertThat(row.values()).containsExactly(new ColumnValue("note", null, null));
        assertThat(row.shape().schemaful()).isFalse();
    }

    @Test
    void shouldRefuseAValueThatIsNeitherStructNorMap() {
        assertThatThrownBy(() -> mapper(PkMode.NONE, List.of(), Set.of(), false).map(record(null, null, Schema.STRING_SCHEMA, "x")))
                .isInstanceOf(DataException.class).hasMessageContaining("must be a struct");
        assertThatThrownBy(() -> mapper(PkMode.NONE, List.of(), Set.of(), false).map(record(null, null, null, "x")))
                .isInstanceOf(DataException.class).hasMessageContaining("not a map");
    }

    @Test
    void shouldReplaceTheTopicPlaceholderInTheTableNameFormat() {
        assertThat(RecordRowMapper.tableName("kafka_${topic}", "orders")).isEqualTo("kafka_orders");
        assertThat(RecordRowMapper.tableName("fixed", "orders")).isEqualTo("fixed");
    }

    private static final Schema DBZ_KEY = SchemaBuilder.struct().name("pg.public.customers.Key").field("id", Schema.INT32_SCHEMA).build();

    private static SinkRecord change(int offset, Integer id, Struct event) {
        return new SinkRecord("customers", 0, DBZ_KEY, id == null ? null : new Struct(DBZ_KEY).put("id", id),
                DebeziumEnvelopeTest.ENVELOPE, event, offset);
    }

    private static RecordRowMapper debeziumMapper(PkMode mode, boolean deletes, boolean truncates) {
        return new RecordRowMapper(mode, List.of(), Set.of(), deletes, truncates, topic -> TableId.of("t_" + topic));
    }

    @Test
    void shouldWriteTheAfterRowOfDebeziumCreateReadAndUpdateEventsReportingTheOriginalRecord() {
        RecordRowMapper mapper = debeziumMapper(PkMode.RECORD_KEY, false, false);
        for (String op : List.of("c", "r", "u")) {
            SinkRecord record = change(1, 7, DebeziumEnvelopeTest.event(op, op.equals("u") ? DebeziumEnvelopeTest.row(7, "old") : null,
                    DebeziumEnvelopeTest.row(7, "new")));
            SinkRow row = mapper.map(record).orElseThrow();
            assertThat(row.delete()).isFalse();
            assertThat(row.key()).containsExactly(new ColumnValue("id", Schema.INT32_SCHEMA, 7));
            assertThat(row.values()).as(op).containsExactly(new ColumnValue("name", Schema.OPTIONAL_STRING_SCHEMA, "new"));
            assertThat(row.record()).isSameAs(record);
        }
        SinkRow byValue = debeziumMapper(PkMode.RECORD_VALUE, false, false)
                .map(change(2, 8, DebeziumEnvelopeTest.event("c", null, DebeziumEnvelopeTest.row(8, "v")))).orElseThrow();
        assertThat(names(byValue.key())).as("pk.mode=record_value takes the key from after").containsExactly("id", "name");
    }

    @Test
    void shouldDeleteOnADebeziumDeleteEventAndSkipTheTombstoneThatFollowsIt() {
        RecordRowMapper mapper = debeziumMapper(PkMode.RECORD_KEY, true, false);
        SinkRow delete = mapper.map(change(1, 7, DebeziumEnvelopeTest.event("d", DebeziumEnvelopeTest.row(7, "a"), null))).orElseThrow();
        assertThat(delete.delete()).isTrue();
        assertThat(delete.key()).containsExactly(new ColumnValue("id", Schema.INT32_SCHEMA, 7));
        assertThat(mapper.map(new SinkRecord("customers", 0, DBZ_KEY, new Struct(DBZ_KEY).put("id", 7), null, null, 2)))
                .as("the tombstone after the delete event").isEmpty();
        assertThat(mapper.map(new SinkRecord("customers", 0, DBZ_KEY, new Struct(DBZ_KEY).put("id", 7), null, null, 3)))
                .as("a tombstone on its own still deletes").get().extracting(SinkRow::delete).isEqualTo(true);
    }

    @Test
    void shouldSkipDebeziumDeleteEventsWhenDeletesAreDisabled() {
        RecordRowMapper mapper = debeziumMapper(PkMode.RECORD_KEY, false, false);
        assertThat(mapper.map(change(1, 7, DebeziumEnvelopeTest.event("d", DebeziumEnvelopeTest.row(7, "a"), null)))).isEmpty();
        assertThat(mapper.map(new SinkRecord("customers", 0, DBZ_KEY, new Struct(DBZ_KEY).put("id", 7), null, null, 2))).isEmpty();
    }

    @Test
    void shouldTruncateOnADebeziumTruncateEventOnlyWhenTruncatesAreEnabled() {
        SinkRecord truncate = change(1, null, DebeziumEnvelopeTest.event("t", null, null));
        SinkRow row = debeziumMapper(PkMode.RECORD_KEY, true, true).map(truncate).orElseThrow();
        assertThat(row.truncate()).isTrue();
        assertThat(row.table()).isEqualTo(TableId.of("t_customers"));
        assertThat(debeziumMapper(PkMode.RECORD_KEY, true, false).map(truncate)).isEmpty();
        assertThat(debeziumMapper(PkMode.RECORD_KEY, true, true).map(change(2, null, DebeziumEnvelopeTest.event("m", null, null))))
                .as("a message event").isEmpty();
    }

    @Test
    void shouldWriteTheAfterMapOfASchemalessDebeziumEvent() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("before", null);
        event.put("after", Map.of("id", 3, "name", "x"));
        event.put("source", Map.of("db", "test"));
        event.put("op", "c");
        SinkRow row = debeziumMapper(PkMode.RECORD_KEY, false, false)
                .map(new SinkRecord("customers", 0, null, Map.of("id", 3), null, event, 1)).orElseThrow();
        assertThat(row.key()).containsExactly(new ColumnValue("id", null, 3));
        assertThat(row.values()).containsExactly(new ColumnValue("name", null, "x"));
    }
}
