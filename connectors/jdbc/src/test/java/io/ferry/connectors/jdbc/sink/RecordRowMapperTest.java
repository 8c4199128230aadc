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
        return new RecordRowMapper(mode, pkFields, included, deletes, topic -> TableId.of("t_" + topic));
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
}
