package io.ferry.connectors.jdbc.sink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.ferry.connectors.jdbc.dialect.TableId;
import io.ferry.connectors.jdbc.sink.JdbcSinkConfig.PkMode;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a record into a {@link SinkRow}: its table from {@code table.name.format}, its key columns per
 * {@code pk.mode}/{@code pk.fields} and its value columns per {@code fields.include.list}.
 *
 * <p>Values with a schema must be structs; values without one (JsonConverter with
 * {@code schemas.enable=false}) must be maps with string keys, whose entries become columns matched to
 * the table later. Not thread-safe: it remembers the last shape it built (see {@link #map}).
 */
final class RecordRowMapper {
    private final PkMode pkMode;
    private final List<String> pkFields;
    private final Set<String> includedFields;
    private final boolean deleteEnabled;
    private final Function<String, TableId> tableOfTopic;
    /** The shape of the last schemaful row and the schemas it came from, reused while they repeat. */
    private Schema lastKeySchema;
    private Schema lastValueSchema;
    private SinkRow.RowShape lastShape;

    /**
     * @param tableOfTopic the table of a topic (the dialect's parse of {@code table.name.format})
     */
    RecordRowMapper(PkMode pkMode, List<String> pkFields, Set<String> includedFields, boolean deleteEnabled,
            Function<String, TableId> tableOfTopic) {
        this.pkMode = pkMode;
        this.pkFields = List.copyOf(pkFields);
        this.includedFields = Set.copyOf(includedFields);
        this.deleteEnabled = deleteEnabled;
        this.tableOfTopic = tableOfTopic;
    }

    /** The table name a format gives a topic: {@code ${topic}} replaced by the topic. */
    static String tableName(String format, String topic) {
        return format.replace("${topic}", topic);
    }

    /**
     * The record's row, or empty for a tombstone when deletes are disabled (it has nothing to write).
     *
     * @throws DataException naming the field when the record does not fit the key or value rules
     */
    Optional<SinkRow> map(SinkRecord record) {
        TableId table = tableOfTopic.apply(record.topic());
        boolean tombstone = record.value() == null;
        if (tombstone && !deleteEnabled) {
            return Optional.empty();
        }
        List<ColumnValue> key = keyColumns(record);
        if (tombstone) {
            return Optional.of(new SinkRow(record, table, key, List.of(), true));
        }
        if (record.valueSchema() == null || record.keySchema() == null && pkMode == PkMode.RECORD_KEY) {
            // A schemaless map's columns are its entries, which can differ from record to record.
            return Optional.of(new SinkRow(record, table, key, values(record, key), false));
        }
        List<ColumnValue> values = values(record, key);
        // Records of a topic share their converter's cached schema instances: while the schemas repeat, so
        // does the shape, and building and hashing it for every row would be most of the buffering cost.
        if (record.valueSchema() != lastValueSchema || record.keySchema() != lastKeySchema || lastShape == null) {
            lastShape = SinkRow.shapeOf(key, values, false);
            lastKeySchema = record.keySchema();
            lastValueSchema = record.valueSchema();
        }
        return Optional.of(new SinkRow(record, table, key, values, false, lastShape));
    }

    private List<ColumnValue> values(SinkRecord record, List<ColumnValue> key) {
        Set<String> keyNames = new HashSet<>();
        key.forEach(column -> keyNames.add(column.name()));
        List<ColumnValue> values = new ArrayList<>();
        for (ColumnValue column : fields(record.valueSchema(), record.value(), "value")) {
            if (!keyNames.contains(column.name()) && (includedFields.isEmpty() || includedFields.contains(column.name()))) {
                values.add(column);
            }
        }
        return values;
    }

    private List<ColumnValue> keyColumns(SinkRecord record) {
        return switch (pkMode) {
            case NONE -> List.of();
            case KAFKA -> List.of(
                    new ColumnValue(pkFields.get(0), Schema.STRING_SCHEMA, record.topic()),
                    new ColumnValue(pkFields.get(1), Schema.INT32_SCHEMA, record.kafkaPartition()),
                    new ColumnValue(pkFields.get(2), Schema.INT64_SCHEMA, record.kafkaOffset()));
            case RECORD_KEY -> recordKeyColumns(record);
            case RECORD_VALUE -> {
                if (record.value() == null) {
                    throw new DataException("pk.mode=record_value needs a value, but the record is a tombstone");
                }
                yield selected(fields(record.valueSchema(), record.value(), "value"), "value");
            }
        };
    }

    private List<ColumnValue> recordKeyColumns(SinkRecord record) {
        Object key = record.key();
        Schema schema = record.keySchema();
        if (key == null) {
            throw new DataException("pk.mode=record_key needs a record key, but the record has none");
        }
        boolean composite = schema != null ? schema.type() == Schema.Type.STRUCT : key instanceof Map;
        if (!composite) {
            if (pkFields.size() != 1) {
                throw new DataException("pk.mode=record_key with a primitive key needs exactly one name in pk.fields "
                        + "for its column; pk.fields is " + pkFields);
            }
            return List.of(new ColumnValue(pkFields.get(0), schema, key));
        }
        return selected(fields(schema, key, "key"), "key");
    }

    /** The pk.fields among the fields, in pk.fields' order; all of them when pk.fields is empty. */
    private List<ColumnValue> selected(List<ColumnValue> fields, String part) {
        if (pkFields.isEmpty()) {
            return fields;
        }
        List<ColumnValue> selected = new ArrayList<>(pkFields.size());
        for (String name : pkFields) {
            ColumnValue column = fields.stream().filter(field -> field.name().equals(name)).findFirst()
                    .orElseThrow(() -> new DataException("pk.fields names '" + name + "' but the record " + part
                            + " has no such field"));
            selected.add(column);
        }
        return selected;
    }

    /** A struct's fields with their schemas, or a schemaless map's entries. */
    private static List<ColumnValue> fields(Schema schema, Object value, String part) {
        if (schema != null) {
            if (schema.type() != Schema.Type.STRUCT || !(value instanceof Struct struct)) {
                throw new DataException("the record " + part + " must be a struct to be written as columns, but its schema is "
                        + schema.type());
            }
            List<ColumnValue> columns = new ArrayList<>(schema.fields().size());
            for (Field field : schema.fields()) {
                columns.add(new ColumnValue(field.name(), field.schema(), struct.get(field)));
            }
            return columns;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new DataException("the record " + part + " has no schema and is a " + value.getClass().getSimpleName()
                    + ", not a map of field names to values");
        }
        List<ColumnValue> columns = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                throw new DataException("the record " + part + " is a map with a non-text key " + entry.getKey());
            }
            columns.add(new ColumnValue(name, null, entry.getValue()));
        }
        return columns;
    }
}
