package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.ferry.connectors.jdbc.dialect.TableId;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class TableBufferTest {
    private static final TableId TABLE = TableId.of("t");
    private long offset;

    private SinkRow upsert(long key, String value) {
        return new SinkRow(new SinkRecord("t", 0, null, key, null, value, offset++), TABLE,
                List.of(new ColumnValue("id", Schema.INT64_SCHEMA, key)), List.of(new ColumnValue("v", Schema.STRING_SCHEMA, value)), false);
    }

    private SinkRow delete(long key) {
        return new SinkRow(new SinkRecord("t", 0, null, key, null, null, offset++), TABLE,
                List.of(new ColumnValue("id", Schema.INT64_SCHEMA, key)), List.of(), true);
    }

    private static List<Object> values(RowGroup group) {
        return group.rows().stream().map(row -> row.values().isEmpty() ? "delete " + row.key().get(0).value() : row.values().get(0).value()).toList();
    }

    @Test
    void shouldKeepOnlyTheLastRecordOfAKey() {
        TableBuffer buffer = new TableBuffer(TABLE);
        buffer.add(upsert(1, "a"));
        buffer.add(upsert(2, "b"));
        buffer.add(upsert(1, "c"));
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.groups()).singleElement().satisfies(group -> assertThat(values(group)).containsExactly("c", "b"));
    }

    @Test
    void shouldDeleteAKeyWhoseLastRecordIsATombstone() {
        TableBuffer buffer = new TableBuffer(TABLE);
        buffer.add(upsert(1, "a"));
        buffer.add(delete(1));
        assertThat(buffer.groups()).singleElement().satisfies(group -> {
            assertThat(group.shape().delete()).isTrue();
            assertThat(values(group)).containsExactly("delete 1");
        });
    }

    @Test
    void shouldDeleteBeforeWritingAKeyDeletedAndWrittenAgainInTheBatch() {
        TableBuffer buffer = new TableBuffer(TABLE);
        buffer.add(upsert(1, "a"));
        buffer.add(delete(1));
        buffer.add(upsert(1, "b"));
        buffer.add(upsert(2, "x"));
        List<RowGroup> groups = buffer.groups();
        assertThat(groups).hasSize(2);
        assertThat(values(groups.get(0))).containsExactly("delete 1");
        assertThat(values(groups.get(1))).containsExactly("b", "x");
    }

    @Test
    void shouldKeepEveryRowWithoutKeyInArrivalOrder() {
        TableBuffer buffer = new TableBuffer(TABLE);
        for (String value : List.of("a", "a", "b")) {
            buffer.add(new SinkRow(new SinkRecord("t", 0, null, null, null, value, offset++), TABLE, List.of(),
                    List.of(new ColumnValue("v", Schema.STRING_SCHEMA, value)), false));
        }
        assertThat(buffer.groups()).singleElement().satisfies(group -> assertThat(values(group)).containsExactly("a", "a", "b"));
    }

    @Test
    void shouldGroupRowsByTheirColumnsSoEachGroupSharesAStatement() {
        TableBuffer buffer = new TableBuffer(TABLE);
        buffer.add(upsert(1, "a"));
        buffer.add(new SinkRow(new SinkRecord("t", 0, null, 2L, null, "b", offset++), TABLE,
                List.of(new ColumnValue("id", Schema.INT64_SCHEMA, 2L)),
                List.of(new ColumnValue("v", Schema.STRING_SCHEMA, "b"), new ColumnValue("w", Schema.OPTIONAL_INT32_SCHEMA, 3)), false));
        buffer.add(upsert(3, "c"));
        assertThat(buffer.groups()).extracting(group -> group.rows().size()).containsExactly(2, 1);
    }

    @Test
    void shouldGroupRowsWithoutKeyByColumnsWhenShapesAlternate() {
        TableBuffer buffer = new TableBuffer(TABLE);
        SinkRow.RowShape narrow = null;
        for (String value : List.of("a", "b", "c", "d")) {
            List<ColumnValue> columns = value.equals("b") || value.equals("d")
                    ? List.of(new ColumnValue("v", Schema.STRING_SCHEMA, value), new ColumnValue("w", Schema.OPTIONAL_INT32_SCHEMA, 1))
                    : List.of(new ColumnValue("v", Schema.STRING_SCHEMA, value));
            SinkRow row = new SinkRow(new SinkRecord("t", 0, null, null, null, value, offset++), TABLE, List.of(), columns, false,
                    columns.size() == 1 && narrow != null ? narrow : SinkRow.shapeOf(List.of(), columns, false));
            narrow = columns.size() == 1 ? row.shape() : narrow;
            buffer.add(row);
        }
        assertThat(buffer.groups()).extracting(TableBufferTest::values).containsExactly(List.of("a", "c"), List.of("b", "d"));
    }

    @Test
    void shouldTreatEqualByteKeysAsTheSameKey() {
        TableBuffer buffer = new TableBuffer(TABLE);
        for (String value : List.of("a", "b")) {
            buffer.add(new SinkRow(new SinkRecord("t", 0, null, null, null, value, offset++), TABLE,
                    List.of(new ColumnValue("id", Schema.BYTES_SCHEMA, new byte[] {1, 2})),
                    List.of(new ColumnValue("v", Schema.STRING_SCHEMA, value)), false));
        }
        assertThat(buffer.size()).isEqualTo(1);
    }

    @Test
    void shouldDropTheRowsBeforeATruncateAndKeepThoseAfterIt() {
        TableBuffer buffer = new TableBuffer(TABLE);
        buffer.add(upsert(1, "a"));
        buffer.add(delete(2));
        assertThat(buffer.truncateFirst()).isFalse();
        buffer.add(SinkRow.truncate(new SinkRecord("t", 0, null, null, null, null, offset++), TABLE));
        buffer.add(upsert(3, "c"));
        assertThat(buffer.truncateFirst()).isTrue();
        assertThat(buffer.groups()).singleElement().satisfies(group -> assertThat(values(group)).containsExactly("c"));
    }
}
