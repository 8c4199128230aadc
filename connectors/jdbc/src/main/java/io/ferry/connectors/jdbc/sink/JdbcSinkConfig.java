package io.ferry.connectors.jdbc.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.ferry.connectors.jdbc.connection.ConnectionSettings;
import io.ferry.connectors.jdbc.dialect.WriteOptions;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The sink's settings, under the names and defaults of Confluent's JDBC sink so existing connector files
 * work unchanged, plus Ferry's COPY switch. {@link #crossKeyErrors(Map)} holds every rule that spans keys.
 */
public final class JdbcSinkConfig extends AbstractConfig {
    public static final String INSERT_MODE = "insert.mode";
    public static final String BATCH_SIZE = "batch.size";
    public static final String DELETE_ENABLED = "delete.enabled";
    public static final String TRUNCATE_ENABLED = "truncate.enabled";
    public static final String TABLE_NAME_FORMAT = "table.name.format";
    public static final String PK_MODE = "pk.mode";
    public static final String PK_FIELDS = "pk.fields";
    public static final String FIELDS_WHITELIST = "fields.whitelist";
    public static final String FIELDS_INCLUDE_LIST = "fields.include.list";
    public static final String AUTO_CREATE = "auto.create";
    public static final String AUTO_EVOLVE = "auto.evolve";
    public static final String QUOTE_IDENTIFIERS = "quote.sql.identifiers";
    public static final String TABLE_TYPES = "table.types";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String COPY_ENABLED = "postgres.copy.enabled";
    public static final String COPY_MIN_ROWS = "postgres.copy.min.rows";

    /** The Kafka coordinates' column names when {@code pk.mode=kafka} and {@code pk.fields} is empty. */
    public static final List<String> KAFKA_PK_DEFAULTS = List.of("__connect_topic", "__connect_partition", "__connect_offset");

    private static final String WRITES = "Writes";
    private static final String MAPPING = "Data Mapping";
    private static final String DDL = "DDL Support";
    private static final String RETRIES = "Retries";

    public static final ConfigDef CONFIG_DEF = define();

    /** {@code insert.mode}. */
    public enum InsertMode { INSERT, UPSERT, UPDATE }

    /** {@code pk.mode}. */
    public enum PkMode { NONE, KAFKA, RECORD_KEY, RECORD_VALUE }

    public JdbcSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        Map<String, String> errors = crossKeyErrors(props);
        if (!errors.isEmpty()) {
            Map.Entry<String, String> first = errors.entrySet().iterator().next();
            throw new ConfigException(first.getKey(), props.get(first.getKey()), first.getValue());
        }
    }

    private static ConfigDef define() {
        ConfigDef def = ConnectionSettings.define(new ConfigDef());
        int w = 0;
        def.define(INSERT_MODE, Type.STRING, "insert", enumValidator(InsertMode.values()), Importance.HIGH,
                "How records are written. insert: plain INSERT (on PostgreSQL through COPY when "
                        + COPY_ENABLED + " is true). upsert: insert or, when a row with the same primary key exists, update "
                        + "it (ON CONFLICT DO UPDATE, ON DUPLICATE KEY UPDATE); needs a pk.mode other than none. update: "
                        + "UPDATE the row with the record's key, writing nothing when there is none.",
                WRITES, ++w, Width.SHORT, "Insert mode");
        def.define(BATCH_SIZE, Type.INT, 3000, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                "The most rows one statement writes. Fewer go in one statement when rows times columns would pass "
                        + "the database's limit of bind parameters.",
                WRITES, ++w, Width.SHORT, "Batch size");
        def.define(DELETE_ENABLED, Type.BOOLEAN, false, Importance.MEDIUM,
                "Whether a record with a null value (a tombstone) or a Debezium delete event deletes the row with "
                        + "its key. Needs pk.mode=record_key. When false, both are skipped.",
                WRITES, ++w, Width.SHORT, "Enable deletes");
        def.define(TRUNCATE_ENABLED, Type.BOOLEAN, false, Importance.MEDIUM,
                "Whether a Debezium truncate event (op t) empties the topic's table; when false it is skipped. "
                        + "The table is emptied in the batch's transaction, in its place among the batch's records.",
                WRITES, ++w, Width.SHORT, "Enable truncates");
        def.define(COPY_ENABLED, Type.BOOLEAN, true, Importance.LOW,
                "On PostgreSQL with insert.mode=insert, write large groups of rows with COPY instead of multi-row "
                        + "INSERT statements. A COPY the database refuses is written again with INSERTs to find the bad rows.",
                WRITES, ++w, Width.SHORT, "Use COPY on PostgreSQL");
        def.define(COPY_MIN_ROWS, Type.INT, 500, ConfigDef.Range.atLeast(1), Importance.LOW,
                "The fewest rows of one table and column set in one put batch for which COPY is used; smaller groups "
                        + "go through multi-row INSERT statements, which are faster for them. "
                        + "Measured: COPY wins from about 500 rows, loses at 100.",
                WRITES, ++w, Width.SHORT, "COPY minimum rows");
        defineMapping(def);
        defineDdlAndRetries(def);
        return def;
    }

    private static void defineMapping(ConfigDef def) {
        int m = 0;
        def.define(TABLE_NAME_FORMAT, Type.STRING, "${topic}", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                "The table a record goes to; ${topic} stands for the record's topic (kafka_${topic} writes topic orders "
                        + "into kafka_orders). Dots separate schema and table on PostgreSQL and database and table on MariaDB.",
                MAPPING, ++m, Width.LONG, "Table name format");
        def.define(PK_MODE, Type.STRING, "none", enumValidator(PkMode.values()), Importance.HIGH,
                "Where the primary key comes from. none: no key. kafka: the record's topic, partition and offset. "
                        + "record_key: the record key (a primitive, or fields of a struct or map). record_value: fields "
                        + "of the record value.",
                MAPPING, ++m, Width.MEDIUM, "Primary key mode");
        def.define(PK_FIELDS, Type.LIST, "", Importance.MEDIUM,
                "The key columns, per pk.mode. kafka: three names for topic, partition and offset (default "
                        + String.join(",", KAFKA_PK_DEFAULTS) + "). record_key: for a primitive key exactly one column name; "
                        + "for a struct or map key the fields to use, all when empty. record_value: the value's fields "
                        + "that form the key, all when empty.",
                MAPPING, ++m, Width.LONG, "Primary key fields");
        def.define(FIELDS_WHITELIST, Type.LIST, "", Importance.MEDIUM,
                "The value fields written as columns besides the key; all when empty.",
                MAPPING, ++m, Width.LONG, "Fields to write");
        def.define(FIELDS_INCLUDE_LIST, Type.LIST, "", Importance.MEDIUM,
                "Another name for " + FIELDS_WHITELIST + "; set one of the two.",
                MAPPING, ++m, Width.LONG, "Fields to write");
        def.define(QUOTE_IDENTIFIERS, Type.STRING, "always", ConfigDef.ValidString.in("always", "never"), Importance.MEDIUM,
                "Whether table and column names are quoted in SQL, which keeps their case and allows any character. "
                        + "Only always is supported.",
                MAPPING, ++m, Width.SHORT, "Quote identifiers");
    }

    private static void defineDdlAndRetries(ConfigDef def) {
        def.define(AUTO_CREATE, Type.BOOLEAN, false, Importance.MEDIUM,
                "Create a missing table from the record's schema: a column per field, NOT NULL for required fields, "
                        + "the schema's default as DEFAULT, and the primary key from pk.mode. Needs records with schemas.",
                DDL, 1, Width.SHORT, "Auto-create");
        def.define(AUTO_EVOLVE, Type.BOOLEAN, false, Importance.MEDIUM,
                "Add a column for a record field the table lacks (ALTER TABLE ADD COLUMN). A new required field "
                        + "without a default is refused; existing columns are never changed or dropped.",
                DDL, 2, Width.SHORT, "Auto-evolve");
        def.define(TABLE_TYPES, Type.LIST, "TABLE", ConfigDef.ValidList.in("TABLE", "VIEW"), Importance.LOW,
                "The kinds of object the sink may write to: TABLE, VIEW or both.",
                DDL, 3, Width.SHORT, "Table types");
        def.define(MAX_RETRIES, Type.INT, 10, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                "How many times a batch is tried again after a transient database error (connection lost, deadlock, "
                        + "serialization failure) before the task fails.",
                RETRIES, 1, Width.SHORT, "Maximum retries");
        def.define(RETRY_BACKOFF_MS, Type.INT, 3000, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                "Milliseconds to wait before trying a batch again after a transient error.",
                RETRIES, 2, Width.SHORT, "Retry backoff (ms)");
    }

    private static ConfigDef.Validator enumValidator(Enum<?>[] values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i].name().toLowerCase(Locale.ROOT);
        }
        return ConfigDef.CaseInsensitiveValidString.in(names);
    }

    /**
     * The rules that span keys, each broken rule as key → message (in a stable order). Called by the
     * connector's {@code validate} and by the constructor, so the two never disagree.
     */
    public static Map<String, String> crossKeyErrors(Map<String, String> props) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> parsed;
        try {
            parsed = CONFIG_DEF.parse(props);
        } catch (ConfigException e) {
            return errors; // single-key errors are reported by ConfigDef's own validation
        }
        PkMode pkMode = PkMode.valueOf(((String) parsed.get(PK_MODE)).toUpperCase(Locale.ROOT));
        InsertMode insertMode = InsertMode.valueOf(((String) parsed.get(INSERT_MODE)).toUpperCase(Locale.ROOT));
        @SuppressWarnings("unchecked")
        List<String> pkFields = (List<String>) parsed.get(PK_FIELDS);
        if ((Boolean) parsed.get(DELETE_ENABLED) && pkMode != PkMode.RECORD_KEY) {
            errors.put(DELETE_ENABLED, "delete.enabled=true needs pk.mode=record_key: a tombstone has only its key "
                    + "to say which row to delete (pk.mode is " + name(pkMode) + ")");
        }
        if (insertMode != InsertMode.INSERT && pkMode == PkMode.NONE) {
            errors.put(INSERT_MODE, "insert.mode=" + name(insertMode) + " needs a primary key to find the row: "
                    + "set pk.mode to kafka, record_key or record_value");
        }
        if (pkMode == PkMode.KAFKA && !pkFields.isEmpty() && pkFields.size() != 3) {
            errors.put(PK_FIELDS, "pk.mode=kafka needs three names (topic, partition, offset) or none for the defaults "
                    + String.join(",", KAFKA_PK_DEFAULTS) + "; got " + pkFields.size());
        }
        if (pkMode == PkMode.NONE && !pkFields.isEmpty()) {
            errors.put(PK_FIELDS, "pk.fields is set but pk.mode=none uses no key; set pk.mode or remove pk.fields");
        }
        if (!((List<?>) parsed.get(FIELDS_WHITELIST)).isEmpty() && !((List<?>) parsed.get(FIELDS_INCLUDE_LIST)).isEmpty()) {
            errors.put(FIELDS_INCLUDE_LIST, "set fields.include.list or its older name fields.whitelist, not both");
        }
        ConnectionSettings.dialectProblem(props).ifPresent(problem -> errors.put(ConnectionSettings.DIALECT, problem));
        if ("never".equals(parsed.get(QUOTE_IDENTIFIERS))) {
            errors.put(QUOTE_IDENTIFIERS, "quote.sql.identifiers=never is not supported: names are always quoted");
        }
        return errors;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public InsertMode insertMode() {
        return InsertMode.valueOf(getString(INSERT_MODE).toUpperCase(Locale.ROOT));
    }

    public PkMode pkMode() {
        return PkMode.valueOf(getString(PK_MODE).toUpperCase(Locale.ROOT));
    }

    /** {@code pk.fields}, with the Kafka coordinates' default names filled in for {@code pk.mode=kafka}. */
    public List<String> pkFields() {
        List<String> fields = getList(PK_FIELDS);
        return pkMode() == PkMode.KAFKA && fields.isEmpty() ? KAFKA_PK_DEFAULTS : List.copyOf(fields);
    }

    /** The value fields to write besides the key; empty means all. */
    public Set<String> includedFields() {
        List<String> fields = new ArrayList<>(getList(FIELDS_WHITELIST));
        fields.addAll(getList(FIELDS_INCLUDE_LIST));
        return Set.copyOf(fields);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public boolean deleteEnabled() {
        return getBoolean(DELETE_ENABLED);
    }

    public boolean truncateEnabled() {
        return getBoolean(TRUNCATE_ENABLED);
    }

    public String tableNameFormat() {
        return getString(TABLE_NAME_FORMAT);
    }

    public boolean autoCreate() {
        return getBoolean(AUTO_CREATE);
    }

    public boolean autoEvolve() {
        return getBoolean(AUTO_EVOLVE);
    }

    public Set<String> tableTypes() {
        return Set.copyOf(getList(TABLE_TYPES));
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getInt(RETRY_BACKOFF_MS));
    }

    public boolean copyEnabled() {
        return getBoolean(COPY_ENABLED);
    }

    public int copyMinRows() {
        return getInt(COPY_MIN_ROWS);
    }

    public ConnectionSettings connectionSettings() {
        return ConnectionSettings.from(this);
    }

    public WriteOptions writeOptions() {
        return new WriteOptions(connectionSettings().timeZone());
    }
}
