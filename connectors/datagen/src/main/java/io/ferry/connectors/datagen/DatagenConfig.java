package io.ferry.connectors.datagen;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The datagen connector's settings. Where Confluent's datagen has a setting, the name, meaning and default
 * are the same; {@code random.seed}, {@code records.per.second} and {@code poll.max.records} are Ferry's.
 * Rules across keys (exactly one schema source, a key field the schema has) are checked by
 * {@link DatagenSchemaSource}.
 */
public final class DatagenConfig extends AbstractConfig {
    public static final String KAFKA_TOPIC = "kafka.topic";
    public static final String QUICKSTART = "quickstart";
    public static final String SCHEMA_STRING = "schema.string";
    public static final String SCHEMA_FILENAME = "schema.filename";
    public static final String SCHEMA_KEYFIELD = "schema.keyfield";
    public static final String MAX_INTERVAL = "max.interval";
    public static final String ITERATIONS = "iterations";
    public static final String RANDOM_SEED = "random.seed";
    public static final String RECORDS_PER_SECOND = "records.per.second";
    public static final String POLL_MAX_RECORDS = "poll.max.records";
    /** Set by the connector in each task's config: the task's number, 0 to tasks.max - 1. */
    public static final String TASK_NUMBER = "datagen.task";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(KAFKA_TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Topic the records are written to.")
            .define(QUICKSTART, Type.STRING, "", new QuickstartName(), Importance.HIGH,
                    "A built-in schema to generate from. Set exactly one of quickstart, schema.string and schema.filename.")
            .define(SCHEMA_STRING, Type.STRING, "", Importance.HIGH,
                    "An Avro record schema, as JSON, with generation hints in arg.properties.")
            .define(SCHEMA_FILENAME, Type.STRING, "", Importance.HIGH,
                    "Path of a file on the worker holding an Avro record schema, as JSON, with generation hints in arg.properties.")
            .define(SCHEMA_KEYFIELD, Type.STRING, "", Importance.HIGH,
                    "Top-level field whose value, as a string, is the record key. Empty: a quickstart's own key field, "
                            + "otherwise no key.")
            .define(MAX_INTERVAL, Type.LONG, 500L, ConfigDef.Range.atLeast(0), Importance.HIGH,
                    "Most milliseconds between two records of a task; each gap is random up to it. 0 generates as fast "
                            + "as possible. Not used when records.per.second is set.")
            .define(ITERATIONS, Type.LONG, -1L, Importance.HIGH,
                    "Records each task generates before it idles; less than 1 for no end.")
            .define(RANDOM_SEED, Type.LONG, 0L, Importance.MEDIUM,
                    "Seed of the generation: the same seed, schema and task number always generate the same records.")
            .define(RECORDS_PER_SECOND, Type.DOUBLE, null, new AtLeastZeroOrNull(), Importance.MEDIUM,
                    "Records each task generates per second, evenly spaced; 0 as fast as possible. Unset: max.interval "
                            + "paces the records.")
            .define(POLL_MAX_RECORDS, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Most records one poll of a task returns.")
            .defineInternal(TASK_NUMBER, Type.INT, 0, ConfigDef.Range.atLeast(0), Importance.LOW, "");

    public DatagenConfig(Map<String, String> originals) {
        super(CONFIG_DEF, originals, false);
    }

    public String topic() {
        return getString(KAFKA_TOPIC);
    }

    public long maxIntervalMs() {
        return getLong(MAX_INTERVAL);
    }

    /** How many records a task generates, {@link Long#MAX_VALUE} for no end. */
    public long iterations() {
        long iterations = getLong(ITERATIONS);
        return iterations < 1 ? Long.MAX_VALUE : iterations;
    }

    public long seed() {
        return getLong(RANDOM_SEED);
    }

    public Optional<Double> recordsPerSecond() {
        return Optional.ofNullable(getDouble(RECORDS_PER_SECOND));
    }

    public int pollMaxRecords() {
        return getInt(POLL_MAX_RECORDS);
    }

    public int taskNumber() {
        return getInt(TASK_NUMBER);
    }

    private static final class QuickstartName implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : value.toString();
            if (!text.isBlank() && DatagenQuickstart.named(text).isEmpty()) {
                throw new ConfigException(name, value, "not a quickstart; known are " + DatagenQuickstart.configNames());
            }
        }

        @Override
        public String toString() {
            return "empty or one of " + String.join(", ", DatagenQuickstart.configNames());
        }
    }

    private static final class AtLeastZeroOrNull implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null && ((Number) value).doubleValue() < 0) {
                throw new ConfigException(name, value, "must be 0 or more");
            }
        }

        @Override
        public String toString() {
            return "unset or [0,...]";
        }
    }
}
