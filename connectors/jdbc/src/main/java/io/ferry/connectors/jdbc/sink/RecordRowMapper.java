package io.ferry.connectors.jdbc.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.ferry.connectors.jdbc.dialect.TableId;
import io.ferry.connectors.jdbc.sink.JdbcSinkConfig.PkMode;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a record into a {@link SinkRow}: its table from {@code table.name.format}, its key columns per
 * {@code pk.mode}/{@code pk.fields} and its value columns per {@code fields.include.list}.
 *
 * <p>Values with a schema must be structs; values without one (JsonConverter with
 * {@code schemas.enable=false}) must be maps with string keys, whose entries become columns matched to
 * the table later.
 *
 * <p>A value in Debezium's change-event envelope ({@link DebeziumEnvelope}) is read as the event says:
 * create, read and update events write their {@code after} row (its schema decides the columns, for
 * {@code pk.mode=record_value} too); a delete event deletes the record key's row when {@code delete.enabled},
 * and the tombstone Debezium sends right after it is then skipped; a truncate event empties the table when
 * {@code truncate.enabled}; the other events write nothing. Not thread-safe: it remembers the columns and shape it
 * worked out for the last pair of schemas (see {@link #mapRow}) and the last delete event of each partition.
 */
final class RecordRowMapper {
    private static final Logger log = LoggerFactory.getLogger(RecordRowMapper.class);

    private final PkMode pkMode;
    private final List<String> pkFields;
    private final Set<String> includedFields;
    private final boolean deleteEnabled;
    private final boolean truncateEnabled;
    private final Function<String, TableId> tableOfTopic;
    /** How rows of the last schemaful record's schemas are built, reused while they repeat. */
    private ValuePlan lastPlan;
    /** The key a partition's latest record deleted as a Debezium delete event, whose tombstone may follow. */
    private final Map<TopicPartition, List<Object>> deletedByEvent = new HashMap<>();

    /**
     * @param tableOfTopic the table of a topic (the dialect's parse of {@code table.name.format})
     */
    RecordRowMapper(PkMode pkMode, List<String> pkFields, Set<String> includedFields, boolean deleteEnabled,
            boolean truncateEnabled, Function<String, TableId> tableOfTopic) {
        this.pkMode = pkMode;
        this.pkFields = List.copyOf(pkFields);
        this.includedFields = Set.copyOf(includedFields);
        this.deleteEnabled = deleteEnabled;
        this.truncateEnabled = truncateEnabled;
        this.tableOfTopic = tableOfTopic;
    }

    /** The table name a format gives a topic: {@code ${topic}} replaced by the topic. */
    static String tableName(String format, String topic) {
        return format.replace("${topic}", topic);
    }

    /**
     * The record's row, or empty when it has nothing to write: a tombstone when deletes are disabled or when
     * it follows the Debezium delete event that already deleted its key, a Debezium event the settings skip.
     *
     * @throws DataException naming the field when the record does not fit the key or value rules
     */
    Optional<SinkRow> map(SinkRecord record) {
        List<Object> deletedBefore = deletedByEvent.isEmpty() ? null : deletedByEvent.remove(partitionOf(record));
        Optional<DebeziumEnvelope> envelope = DebeziumEnvelope.of(record);
        if (envelope.isPresent()) {
            return mapChangeEvent(record, envelope.get(), partitionOf(record));
        }
        Optional<SinkRow> row = mapRow(record, record);
        if (row.isPresent() && row.get().delete() && row.get().keyIdentity().equals(deletedBefore)) {
            return Optional.empty(); // the delete event before this tombstone deleted the row already
        }
        return row;
    }

    /** A Debezium change event's row, as the class comment says. */
    private Optional<SinkRow> mapChangeEvent(SinkRecord record, DebeziumEnvelope event, TopicPartition partition) {
        TableId table = tableOfTopic.apply(record.topic());
        switch (event.op()) {
            case CREATE, READ, UPDATE -> {
                return mapRow(record, record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                        event.afterSchema(), event.after(), record.timestamp()));
            }
            case DELETE -> {
                if (!deleteEnabled) {
                    log.debug("Skipping the Debezium delete event {}-{}@{}: delete.enabled is false", record.topic(),
                            record.kafkaPartition(), record.kafkaOffset());
                    return Optional.empty();
                }
                SinkRow delete = new SinkRow(record, table, recordKeyColumns(record), List.of(), true);
                deletedByEvent.put(partition, delete.keyIdentity());
                return Optional.of(delete);
            }
            case TRUNCATE -> {
                if (!truncateEnabled) {
                    log.debug("Skipping the Debezium truncate event {}-{}@{}: truncate.enabled is false", record.topic(),
                            record.kafkaPartition(), record.kafkaOffset());
                    return Optional.empty();
                }
                return Optional.of(SinkRow.truncate(record, table));
            }
            default -> {
                log.debug("Skipping the Debezium {} event {}-{}@{}: it changes no row", event.op(), record.topic(),
                        record.kafkaPartition(), record.kafkaOffset());
                return Optional.empty();
            }
        }
    }

    /**
     * The row of {@code record}'s key and value, reported as {@code source} (which differs for a Debezium event:
     * the record's value is the event's {@code after}).
     */
    private Optional<SinkRow> mapRow(SinkRecord source, SinkRecord record) {
        TableId table = tableOfTopic.apply(record.topic());
        boolean tombstone = record.value() == null;
        if (tombstone && !deleteEnabled) {
            return Optional.empty();
        }
        List<ColumnValue> key = keyColumns(record);
        if (tombstone) {
            return Optional.of(new SinkRow(source, table, key, List.of(), true));
        }
        if (record.valueSchema() == null || record.keySchema() == null && pkMode == PkMode.RECORD_KEY) {
            // A schemaless map's columns are its entries, which can differ from record to record.
            return Optional.of(new SinkRow(source, table, key, values(record, key), false));
        }
        // Records of a topic share their converter's cached schema instances: while the schemas repeat, so do
        // the value fields a row takes and its shape, and working them out for every row would be most of the
        // mapping's cost.
        ValuePlan plan = lastPlan;
        if (plan == null || record.valueSchema() != plan.valueSchema() || record.keySchema() != plan.keySchema()) {
            List<ColumnValue> values = values(record, key);
            plan = new ValuePlan(record.keySchema(), record.valueSchema(), valueFields(record.valueSchema(), values),
                    SinkRow.shapeOf(key, values, false));
            lastPlan = plan;
        }
        return Optional.of(new SinkRow(source, table, key, plan.values(structOf(record.valueSchema(), record.value(), "value")),
                false, plan.shape()));
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

    /** The value schema's fields that {@code values} (the columns a record of it gave) were read from, in order. */
    private static Field[] valueFields(Schema valueSchema, List<ColumnValue> values) {
        Field[] fields = new Field[values.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = valueSchema.field(values.get(i).name());
        }
        return fields;
    }

    /**
     * The value columns of records with one key schema and one value schema: which of the value's fields they
     * take (not the key's columns, only the included ones) and the rows' shape.
     */
    private record ValuePlan(Schema keySchema, Schema valueSchema, Field[] fields, SinkRow.RowShape shape) {
        List<ColumnValue> values(Struct value) {
            ColumnValue[] columns = new ColumnValue[fields.length];
            for (int i = 0; i < columns.length; i++) {
                Field field = fields[i];
                columns[i] = new ColumnValue(field.name(), field.schema(), value.get(field));
            }
            return List.of(columns);
        }
    }

    private static TopicPartition partitionOf(SinkRecord record) {
        return new TopicPartition(record.topic(), record.kafkaPartition() == null ? 0 : record.kafkaPartition());
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

    private static Struct structOf(Schema schema, Object value, String part) {
        if (schema.type() != Schema.Type.STRUCT || !(value instanceof Struct struct)) {
            throw new DataException("the record " + part + " must be a struct to be written as columns, but its schema is "
                    + schema.type());
        }
        return struct;
    }

    /** A struct's fields with their schemas, or a schemaless map's entries. */
    private static List<ColumnValue> fields(Schema schema, Object value, String part) {
        if (schema != null) {
            Struct struct = structOf(schema, value, part);
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
