package io.ferry.connectors.datagen;

import java.util.Date;
import java.util.Map;

import io.ferry.connectors.datagen.generate.DatagenDraw;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Makes record number {@code sequence} of one task: its value from the draw of (seed, task, sequence), its
 * key from the key field, its offset the number of the record after it, and the headers
 * {@value #TASK_HEADER} and {@value #SEQUENCE_HEADER} that say which record it is.
 */
final class DatagenRecordFactory {
    static final String TASK_HEADER = "datagen.task";
    static final String SEQUENCE_HEADER = "datagen.sequence";
    static final String PARTITION_TASK = "task";
    static final String OFFSET_POSITION = "position";

    private final DatagenSchemaSource source;
    private final String topic;
    private final long seed;
    private final int task;
    private final Map<String, ?> partition;
    private final Schema keySchema;

    DatagenRecordFactory(DatagenSchemaSource source, String topic, long seed, int task) {
        this.source = source;
        this.topic = topic;
        this.seed = seed;
        this.task = task;
        this.partition = partition(task);
        Field keyField = source.keyField();
        this.keySchema = keyField == null ? null
                : keyField.schema().isOptional() ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA;
    }

    /** The source partition of a task's records. */
    static Map<String, Object> partition(int task) {
        return Map.of(PARTITION_TASK, task);
    }

    Map<String, ?> partition() {
        return partition;
    }

    SourceRecord record(long sequence) {
        Struct value = (Struct) source.compiled().generator().next(DatagenDraw.of(seed, task, sequence));
        ConnectHeaders headers = new ConnectHeaders();
        headers.addInt(TASK_HEADER, task);
        headers.addLong(SEQUENCE_HEADER, sequence);
        return new SourceRecord(partition, Map.of(OFFSET_POSITION, sequence + 1), topic, null,
                keySchema, key(value), value.schema(), value, null, headers);
    }

    private String key(Struct value) {
        if (source.keyField() == null) {
            return null;
        }
        Object field = value.get(source.keyField());
        if (field instanceof Date date) {
            return Long.toString(date.getTime());
        }
        return field == null ? null : field.toString();
    }
}
