package io.ferry.connectors.jdbc.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.ferry.connectors.jdbc.connection.ConnectionSettings;
import io.ferry.connectors.jdbc.dialect.ReadOptions;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The JDBC source connector's settings under Confluent's names and defaults, plus Ferry's own
 * ({@code incrementing.gap.timeout.ms}, {@code unmappable.column.action}), and their parsed values.
 *
 * <p>Rules that span several keys live in {@link #crossKeyProblems(Map)}, whose messages name the key,
 * so the connector's start and its {@code validate} report the same words.
 */
public final class JdbcSourceConfig extends AbstractConfig {
    public static final String MODE = "mode";
    public static final String INCREMENTING_COLUMN = "incrementing.column.name";
    public static final String TIMESTAMP_COLUMNS = "timestamp.column.name";
    public static final String VALIDATE_NON_NULL = "validate.non.null";
    public static final String QUERY = "query";
    public static final String QUERY_SUFFIX = "query.suffix";
    public static final String TABLE_WHITELIST = "table.whitelist";
    public static final String TABLE_BLACKLIST = "table.blacklist";
    public static final String TABLE_INCLUDE_LIST = "table.include.list";
    public static final String TABLE_EXCLUDE_LIST = "table.exclude.list";
    public static final String TABLE_TYPES = "table.types";
    /** The values {@value #TABLE_TYPES} takes: JDBC's names of the kinds of table the dialects list. */
    static final List<String> TABLE_TYPE_NAMES = List.of("TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE",
            "PARTITIONED TABLE");
    public static final String SCHEMA_PATTERN = "schema.pattern";
    public static final String CATALOG_PATTERN = "catalog.pattern";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String BATCH_MAX_ROWS = "batch.max.rows";
    public static final String TABLE_POLL_INTERVAL_MS = "table.poll.interval.ms";
    public static final String TIMESTAMP_DELAY_MS = "timestamp.delay.interval.ms";
    public static final String TIMESTAMP_INITIAL = "timestamp.initial";
    public static final String TIMESTAMP_GRANULARITY = "timestamp.granularity";
    public static final String NUMERIC_MAPPING = "numeric.mapping";
    public static final String NUMERIC_PRECISION_MAPPING = "numeric.precision.mapping";
    public static final String QUOTE_IDENTIFIERS = "quote.sql.identifiers";
    public static final String ISOLATION_MODE = "transaction.isolation.mode";
    public static final String GAP_TIMEOUT_MS = "incrementing.gap.timeout.ms";
    public static final String UNMAPPABLE_COLUMNS = "unmappable.column.action";
    public static final String QUERY_RETRY_ATTEMPTS = "query.retry.attempts";
    public static final String STARTUP_POLLING_LIMIT_MS = "table.monitoring.startup.polling.limit.ms";
    /** The task-only key: the tables one task reads, as {@link TableList} writes them. */
    public static final String TASK_TABLES = "tables";

    /** Ferry's default lag behind the database clock; see the doc string of the key for why not 0. */
    public static final long DEFAULT_TIMESTAMP_DELAY_MS = 10_000L;
    /** {@code timestamp.initial} value meaning "start from the database's current time". */
    public static final long TIMESTAMP_INITIAL_CURRENT = -1L;

    private static final String MODE_GROUP = "Mode";
    private static final String CONNECTOR_GROUP = "Connector";

    public static final ConfigDef CONFIG_DEF = definition();

    public JdbcSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        List<String> problems = crossKeyProblems(props).values().stream().flatMap(List::stream).toList();
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
    }

    private static ConfigDef definition() {
        ConfigDef def = ConnectionSettings.define(new ConfigDef());
        defineTables(def);
        defineMode(def);
        defineConnector(def);
        return def;
    }

    private static void defineTables(ConfigDef def) {
        int order = 100;
        String group = ConnectionSettings.GROUP;
        def.define(TABLE_WHITELIST, Type.LIST, "", Importance.MEDIUM,
                        "Tables to copy, comma-separated (orders, public.orders or shop.public.orders). Empty copies every "
                                + "table the user can read. Cannot be combined with table.blacklist / table.exclude.list; "
                                + "table.include.list is the same setting under its newer name.",
                        group, ++order, Width.LONG, "Table include list")
                .define(TABLE_INCLUDE_LIST, Type.LIST, "", Importance.MEDIUM,
                        "Newer name of table.whitelist; set one of the two.", group, ++order, Width.LONG, "Table include list")
                .define(TABLE_BLACKLIST, Type.LIST, "", Importance.MEDIUM,
                        "Tables not to copy, comma-separated, named as in table.whitelist. Cannot be combined with an "
                                + "include list; table.exclude.list is the same setting under its newer name.",
                        group, ++order, Width.LONG, "Table exclude list")
                .define(TABLE_EXCLUDE_LIST, Type.LIST, "", Importance.MEDIUM,
                        "Newer name of table.blacklist; set one of the two.", group, ++order, Width.LONG, "Table exclude list")
                .define(TABLE_TYPES, Type.LIST, "TABLE", ConfigDef.ValidList.in(TABLE_TYPE_NAMES.toArray(String[]::new)),
                        Importance.LOW, "Kinds of table to copy, as JDBC names them: TABLE, VIEW, or both (TABLE,VIEW); "
                                + "PostgreSQL also has MATERIALIZED VIEW, FOREIGN TABLE and PARTITIONED TABLE (partitioned "
                                + "tables are copied with TABLE already, without their partitions).",
                        group, ++order, Width.SHORT, "Table types")
                .define(SCHEMA_PATTERN, Type.STRING, null, Importance.MEDIUM,
                        "SQL LIKE pattern the schema of a copied table must match (PostgreSQL schemas); unset matches any "
                                + "schema. Set it on large databases so listing tables stays cheap.",
                        group, ++order, Width.MEDIUM, "Schema pattern")
                .define(CATALOG_PATTERN, Type.STRING, null, Importance.MEDIUM,
                        "SQL LIKE pattern the catalog (database) of a copied table must match; unset matches any catalog.",
                        group, ++order, Width.MEDIUM, "Catalog pattern");
    }

    private static void defineMode(ConfigDef def) {
        int order = 0;
        def.define(MODE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                        ConfigDef.ValidString.in(Mode.names().toArray(String[]::new)), Importance.HIGH,
                        "How each poll finds rows: bulk re-reads the whole table every poll.interval.ms; incrementing reads "
                                + "rows whose incrementing.column.name is above the last one read (new rows only); timestamp "
                                + "reads rows whose timestamp.column.name moved past the last one read (new and updated rows); "
                                + "timestamp+incrementing orders by both, so rows with equal timestamps are never skipped or repeated.",
                        MODE_GROUP, ++order, Width.MEDIUM, "Table loading mode")
                .define(INCREMENTING_COLUMN, Type.STRING, "", Importance.MEDIUM,
                        "Strictly increasing integer column (incrementing and timestamp+incrementing modes). Empty picks the "
                                + "table's auto-increment column.",
                        MODE_GROUP, ++order, Width.MEDIUM, "Incrementing column name")
                .define(TIMESTAMP_COLUMNS, Type.LIST, "", Importance.MEDIUM,
                        "Timestamp columns (timestamp modes), comma-separated: a row's timestamp is the first of them that is "
                                + "not NULL (COALESCE), so updated_at,created_at covers rows never updated.",
                        MODE_GROUP, ++order, Width.MEDIUM, "Timestamp column names")
                .define(VALIDATE_NON_NULL, Type.BOOLEAN, true, Importance.LOW,
                        "Refuse to start when the incrementing column, or every timestamp column, accepts NULL: rows with a "
                                + "NULL there are never read.",
                        MODE_GROUP, ++order, Width.SHORT, "Validate non-null")
                .define(TIMESTAMP_DELAY_MS, Type.LONG, DEFAULT_TIMESTAMP_DELAY_MS, ConfigDef.Range.atLeast(0), Importance.HIGH,
                        "Timestamp modes read only rows stamped at least this long before the database's clock. A row "
                                + "becomes visible when its transaction commits, which can be well after the time stamped on "
                                + "it; a row stamped before the last row read but committed after it would otherwise be "
                                + "skipped for ever. The delay must exceed the longest time between stamping a row and "
                                + "committing it (transaction length plus clock skew of applications that stamp rows). "
                                + "Larger costs latency only. Ferry's default is 10000; 0 (Confluent's default) loses rows "
                                + "of concurrent transactions.",
                        MODE_GROUP, ++order, Width.SHORT, "Delay interval (ms)")
                .define(TIMESTAMP_INITIAL, Type.LONG, null, Importance.LOW,
                        "Timestamp (epoch milliseconds) to start from when there is no stored offset; -1 starts from the "
                                + "database's current time; unset reads every row.",
                        MODE_GROUP, ++order, Width.MEDIUM, "Initial timestamp")
                .define(GAP_TIMEOUT_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "Incrementing mode: how long a gap in the incrementing column (id 5 committed while id 4 is not yet) "
                                + "holds the stored offset below it. Rows above the gap are delivered at once; the offset waits so "
                                + "that a restart does not skip a late id 4. After this time the gap counts as a rollback or a "
                                + "deleted row. 0 turns the defence off.",
                        MODE_GROUP, ++order, Width.SHORT, "Gap timeout (ms)")
                .define(QUERY, Type.STRING, "", Importance.MEDIUM,
                        "A custom SELECT to run instead of copying tables; its rows go to the topic named by topic.prefix. "
                                + "The mode's conditions are applied to its result, so it may contain joins and a WHERE clause.",
                        MODE_GROUP, ++order, Width.LONG, "Query")
                .define(QUERY_SUFFIX, Type.STRING, "", Importance.LOW,
                        "Text appended to every query the connector runs, e.g. a locking hint.", MODE_GROUP, ++order,
                        Width.MEDIUM, "Query suffix")
                .define(QUERY_RETRY_ATTEMPTS, Type.INT, -1, ConfigDef.Range.atLeast(-1), Importance.LOW,
                        "How many times in a row a table's (or the query's) query that failed with an SQL error is run "
                                + "again before the task fails. A retry waits poll.interval.ms and opens a new connection "
                                + "when the old one broke; a query that succeeds resets the count. -1 (the default) and 0 "
                                + "retry without limit, as Confluent's connector does. Errors that retrying cannot cure fail "
                                + "the task at once: the driver's non-transient errors and the SQL states of syntax, access, "
                                + "data and missing-object errors (classes 42, 22, 0A, 28, 3D, 3F).",
                        MODE_GROUP, ++order, Width.SHORT, "Query retry attempts");
    }

    private static void defineConnector(ConfigDef def) {
        int order = 0;
        def.define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                        "Prefix of the topic names: a table's rows go to prefix + table name; a custom query's rows go to "
                                + "the prefix itself.",
                        CONNECTOR_GROUP, ++order, Width.MEDIUM, "Topic prefix")
                .define(POLL_INTERVAL_MS, Type.INT, 5000, ConfigDef.Range.atLeast(1), Importance.HIGH,
                        "Milliseconds between two queries of the same table.", CONNECTOR_GROUP, ++order, Width.SHORT,
                        "Poll interval (ms)")
                .define(BATCH_MAX_ROWS, Type.INT, 100, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "Most rows handed to the worker per poll; also the fetch size the result streams in, so a large "
                                + "table never sits in memory.",
                        CONNECTOR_GROUP, ++order, Width.SHORT, "Max rows per batch")
                .define(TABLE_POLL_INTERVAL_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "Milliseconds between two listings of the database's tables; a new or dropped table reassigns the "
                                + "tables to the tasks.",
                        CONNECTOR_GROUP, ++order, Width.SHORT, "Metadata change monitoring interval (ms)")
                .define(STARTUP_POLLING_LIMIT_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "How long the connector's start waits for the first listing of the tables. A listing that fails "
                                + "within this time (database unreachable, an include-list table missing) fails the start. "
                                + "Past it the connector starts with no tasks and creates them when the listing arrives; a "
                                + "listing that fails then is logged and tried again every table.poll.interval.ms. Not used "
                                + "with query.",
                        CONNECTOR_GROUP, ++order, Width.SHORT, "Table monitoring startup limit (ms)")
                .define(TIMESTAMP_GRANULARITY, Type.STRING, TimestampGranularity.CONNECT_LOGICAL.configName(),
                        ConfigDef.ValidString.in(TimestampGranularity.names().toArray(String[]::new)), Importance.LOW,
                        "How timestamp columns appear in records: connect_logical (Connect's Timestamp, milliseconds), "
                                + "nanos_long (nanoseconds since the epoch), nanos_string (the same as text) or "
                                + "nanos_iso_datetime_string (ISO-8601 with nanoseconds).",
                        CONNECTOR_GROUP, ++order, Width.MEDIUM, "Timestamp granularity")
                .define(NUMERIC_MAPPING, Type.STRING, "none",
                        ConfigDef.ValidString.in("none", "precision_only", "best_fit", "best_fit_eager_double"), Importance.LOW,
                        "How NUMERIC/DECIMAL columns map: none (Connect Decimal), precision_only (integers by precision), "
                                + "best_fit (the narrowest integer or float64 that holds the declared precision and scale), "
                                + "best_fit_eager_double (as best_fit, and NUMERIC without precision as float64).",
                        CONNECTOR_GROUP, ++order, Width.MEDIUM, "Numeric mapping")
                .define(NUMERIC_PRECISION_MAPPING, Type.BOOLEAN, false, Importance.LOW,
                        "Deprecated, kept for old configurations: true means numeric.mapping=precision_only when "
                                + "numeric.mapping is none.",
                        CONNECTOR_GROUP, ++order, Width.SHORT, "Map numerics by precision")
                .define(QUOTE_IDENTIFIERS, Type.STRING, "always", ConfigDef.ValidString.in("always", "never"), Importance.LOW,
                        "Whether table and column names are quoted in the queries the connector writes.", CONNECTOR_GROUP,
                        ++order, Width.SHORT, "Quote identifiers")
                .define(ISOLATION_MODE, Type.STRING, "DEFAULT", ConfigDef.ValidString.in("DEFAULT", "READ_UNCOMMITTED",
                                "READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE", "SQL_DEFAULT"), Importance.LOW,
                        "Isolation level of the connector's reads: DEFAULT and SQL_DEFAULT keep the database's own; the others "
                                + "set that level on the connection. SQLite knows only READ_UNCOMMITTED and SERIALIZABLE.",
                        CONNECTOR_GROUP, ++order, Width.MEDIUM, "Transaction isolation mode")
                .define(UNMAPPABLE_COLUMNS, Type.STRING, "fail", ConfigDef.ValidString.in("fail", "skip"), Importance.LOW,
                        "What to do with a column whose type has no Connect mapping: fail (validation and the task report "
                                + "the table, column and type) or skip (leave the column out of records, with a warning).",
                        CONNECTOR_GROUP, ++order, Width.SHORT, "Unmappable columns");
    }

    /**
     * The problems of a raw configuration that no single key's validator sees, by the key they belong to.
     * Empty when the keys agree.
     */
    public static Map<String, List<String>> crossKeyProblems(Map<String, String> props) {
        Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
        ConnectionSettings.dialectProblem(props).ifPresent(problem -> add(problems, ConnectionSettings.DIALECT, problem));
        bothSet(props, TABLE_WHITELIST, TABLE_INCLUDE_LIST, problems);
        bothSet(props, TABLE_BLACKLIST, TABLE_EXCLUDE_LIST, problems);
        boolean include = set(props, TABLE_WHITELIST) || set(props, TABLE_INCLUDE_LIST);
        boolean exclude = set(props, TABLE_BLACKLIST) || set(props, TABLE_EXCLUDE_LIST);
        if (include && exclude) {
            add(problems, set(props, TABLE_WHITELIST) ? TABLE_WHITELIST : TABLE_INCLUDE_LIST,
                    "an include list and an exclude list cannot both be set; keep one");
        }
        if (set(props, QUERY) && (include || exclude)) {
            add(problems, QUERY, "query reads one custom query; remove the table include/exclude lists or the query");
        }
        Mode mode = Mode.parse(props.get(MODE));
        if (mode != null && mode.usesTimestamp() && !set(props, TIMESTAMP_COLUMNS)) {
            add(problems, TIMESTAMP_COLUMNS, "mode " + mode.configName() + " needs timestamp.column.name");
        }
        if (mode == Mode.TIMESTAMP_INCREMENTING && !set(props, INCREMENTING_COLUMN) && set(props, QUERY)) {
            add(problems, INCREMENTING_COLUMN, "mode timestamp+incrementing with a query needs incrementing.column.name");
        }
        if (mode == Mode.INCREMENTING && !set(props, INCREMENTING_COLUMN) && set(props, QUERY)) {
            add(problems, INCREMENTING_COLUMN, "mode incrementing with a query needs incrementing.column.name "
                    + "(a query result has no auto-increment column to pick)");
        }
        return problems;
    }

    private static void bothSet(Map<String, String> props, String old, String newer, Map<String, List<String>> problems) {
        if (set(props, old) && set(props, newer)) {
            add(problems, newer, old + " and " + newer + " are the same setting; set only one");
        }
    }

    private static boolean set(Map<String, String> props, String key) {
        String value = props.get(key);
        return value != null && !value.isBlank();
    }

    private static void add(Map<String, List<String>> problems, String key, String message) {
        problems.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }

    // ---- typed values ---------------------------------------------------------------------------

    public ConnectionSettings connectionSettings() {
        return ConnectionSettings.from(this);
    }

    public Mode mode() {
        return Mode.parse(getString(MODE));
    }

    /** The custom query, or null when the connector copies tables. */
    public String query() {
        String query = getString(QUERY);
        return query == null || query.isBlank() ? null : query.strip();
    }

    public String querySuffix() {
        return getString(QUERY_SUFFIX) == null ? "" : getString(QUERY_SUFFIX).strip();
    }

    /** The incrementing column, or null to pick the table's auto-increment column. */
    public String incrementingColumn() {
        String name = getString(INCREMENTING_COLUMN);
        return name == null || name.isBlank() ? null : name.strip();
    }

    public List<String> timestampColumns() {
        return getList(TIMESTAMP_COLUMNS).stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** The include list under either of its names; empty when unset. */
    public List<String> includedTables() {
        List<String> old = getList(TABLE_WHITELIST);
        return old.isEmpty() ? getList(TABLE_INCLUDE_LIST) : old;
    }

    /** The key the include list was given under, for error messages. */
    public String includeKey() {
        return getList(TABLE_WHITELIST).isEmpty() && !getList(TABLE_INCLUDE_LIST).isEmpty() ? TABLE_INCLUDE_LIST : TABLE_WHITELIST;
    }

    public List<String> excludedTables() {
        List<String> old = getList(TABLE_BLACKLIST);
        return old.isEmpty() ? getList(TABLE_EXCLUDE_LIST) : old;
    }

    public Set<String> tableTypes() {
        Set<String> types = new TreeSet<>();
        getList(TABLE_TYPES).forEach(type -> types.add(type.strip().toUpperCase(Locale.ROOT)));
        return types;
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getInt(POLL_INTERVAL_MS));
    }

    public int batchMaxRows() {
        return getInt(BATCH_MAX_ROWS);
    }

    public Duration tablePollInterval() {
        return Duration.ofMillis(getLong(TABLE_POLL_INTERVAL_MS));
    }

    /** {@code query.retry.attempts}: retries of a failed query in a row; -1 or 0 retry without limit. */
    public int queryRetryAttempts() {
        return getInt(QUERY_RETRY_ATTEMPTS);
    }

    public Duration startupPollingLimit() {
        return Duration.ofMillis(getLong(STARTUP_POLLING_LIMIT_MS));
    }

    public Duration timestampDelay() {
        return Duration.ofMillis(getLong(TIMESTAMP_DELAY_MS));
    }

    /** {@code timestamp.initial}, or null when unset. */
    public Long timestampInitial() {
        return getLong(TIMESTAMP_INITIAL);
    }

    public Duration gapTimeout() {
        return Duration.ofMillis(getLong(GAP_TIMEOUT_MS));
    }

    public TimestampGranularity timestampGranularity() {
        return TimestampGranularity.parse(getString(TIMESTAMP_GRANULARITY));
    }

    public ReadOptions readOptions() {
        ReadOptions.NumericMapping mapping = ReadOptions.NumericMapping.of(getString(NUMERIC_MAPPING));
        if (mapping == ReadOptions.NumericMapping.NONE && getBoolean(NUMERIC_PRECISION_MAPPING)) {
            mapping = ReadOptions.NumericMapping.PRECISION_ONLY;
        }
        return new ReadOptions(connectionSettings().timeZone(), mapping);
    }

    public boolean quoteIdentifiers() {
        return "always".equals(getString(QUOTE_IDENTIFIERS));
    }

    /** The {@link java.sql.Connection} isolation level to set, or null to keep the database's own. */
    public Integer isolationLevel() {
        return switch (getString(ISOLATION_MODE)) {
            case "READ_UNCOMMITTED" -> java.sql.Connection.TRANSACTION_READ_UNCOMMITTED;
            case "READ_COMMITTED" -> java.sql.Connection.TRANSACTION_READ_COMMITTED;
            case "REPEATABLE_READ" -> java.sql.Connection.TRANSACTION_REPEATABLE_READ;
            case "SERIALIZABLE" -> java.sql.Connection.TRANSACTION_SERIALIZABLE;
            default -> null;
        };
    }

    public boolean skipUnmappableColumns() {
        return "skip".equals(getString(UNMAPPABLE_COLUMNS));
    }

    public boolean validateNonNull() {
        return getBoolean(VALIDATE_NON_NULL);
    }
}
