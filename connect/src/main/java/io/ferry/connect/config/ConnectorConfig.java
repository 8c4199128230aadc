package io.ferry.connect.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.ferry.connect.plugins.VersionRequirement;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import static org.apache.kafka.common.config.ConfigDef.NonEmptyStringWithoutControlChars.nonEmptyStringWithoutControlChars;
import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.ValidString.in;

/**
 * The settings every connector has, with Apache Kafka Connect's names, groups, types and defaults;
 * {@link SourceConnectorConfig} and {@link SinkConnectorConfig} add their kind's. The settings of
 * each SMT and predicate ({@code transforms.<alias>.*}, {@code predicates.<alias>.*}) are added by
 * {@link EnrichedConnectorConfig} from the plugins themselves.
 */
public class ConnectorConfig extends AbstractConfig {
    public static final String COMMON_GROUP = "Common";
    public static final String TRANSFORMS_GROUP = "Transforms";
    public static final String PREDICATES_GROUP = "Predicates";
    public static final String ERROR_GROUP = "Error Handling";

    public static final String NAME = "name";
    public static final String CONNECTOR_CLASS = "connector.class";
    public static final String CONNECTOR_VERSION = "connector." + WorkerConfig.PLUGIN_VERSION_SUFFIX;
    public static final String TASKS_MAX = "tasks.max";
    public static final String TASKS_MAX_ENFORCE = "tasks.max.enforce";
    public static final String KEY_CONVERTER = "key.converter";
    public static final String VALUE_CONVERTER = "value.converter";
    public static final String HEADER_CONVERTER = "header.converter";
    public static final String KEY_CONVERTER_VERSION = WorkerConfig.KEY_CONVERTER_VERSION;
    public static final String VALUE_CONVERTER_VERSION = WorkerConfig.VALUE_CONVERTER_VERSION;
    public static final String HEADER_CONVERTER_VERSION = WorkerConfig.HEADER_CONVERTER_VERSION;
    public static final String TRANSFORMS = "transforms";
    public static final String PREDICATES = "predicates";
    public static final String CONFIG_RELOAD_ACTION = "config.action.reload";
    public static final String ERRORS_RETRY_TIMEOUT = "errors.retry.timeout";
    public static final String ERRORS_RETRY_MAX_DELAY = "errors.retry.delay.max.ms";
    public static final String ERRORS_TOLERANCE = "errors.tolerance";
    public static final String ERRORS_LOG_ENABLE = "errors.log.enable";
    public static final String ERRORS_LOG_INCLUDE_MESSAGES = "errors.log.include.messages";

    public static final String PRODUCER_OVERRIDES_PREFIX = "producer.override.";
    public static final String CONSUMER_OVERRIDES_PREFIX = "consumer.override.";
    public static final String ADMIN_OVERRIDES_PREFIX = "admin.override.";

    /** The documentation of {@code connector.plugin.version}. */
    public static final String VERSION_DOC = "Version of the %s: a version (1.0, exactly that one), a Maven version "
            + "range ([1.0,2.0), the highest installed in it) or 'latest'; the latest installed when unset.";

    /** The documentation of the {@code *.plugin.version} of an SMT or predicate the connector names. */
    public static final String PLUGIN_VERSION_DOC = "Version of the %s: a version (1.0, exactly that one), a Maven version "
            + "range ([1.0,2.0), the highest installed in it) or 'latest'; unset or 'latest', the copy packaged in the "
            + "connector's plugin folder if there is one, else the latest installed.";

    /**
     * The documentation of a converter's {@code *.plugin.version} in a connector's config: unlike an SMT's, 'latest' is
     * the latest installed, not the packaged copy ({@link io.ferry.connect.plugins.Plugins#converterOwner}).
     */
    public static final String CONVERTER_VERSION_DOC = "Version of the %s: a version (1.0, exactly that one), a Maven version "
            + "range ([1.0,2.0), the highest installed in it) or 'latest' (the latest installed); unset, the copy packaged in "
            + "the connector's plugin folder if there is one, else the latest installed.";

    public ConnectorConfig(Map<String, String> props) {
        this(configDef(), props);
    }

    protected ConnectorConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, props, false);
    }

    /** The common definition, which the source and sink definitions extend. */
    public static ConfigDef configDef() {
        int common = 0;
        int errors = 0;
        return new ConfigDef()
                .define(NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, nonEmptyStringWithoutControlChars(), Importance.HIGH,
                        "A name for the connector, unique among the worker's connectors.", COMMON_GROUP, ++common, Width.MEDIUM, "Connector name")
                .define(CONNECTOR_CLASS, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                        "The connector's class, or an alias: the simple class name, or that name without 'Connector' "
                                + "(FileStreamSink for org.apache.kafka.connect.file.FileStreamSinkConnector).",
                        COMMON_GROUP, ++common, Width.LONG, "Connector class")
                .define(CONNECTOR_VERSION, Type.STRING, null, VersionRequirement.VALIDATOR, Importance.MEDIUM,
                        VERSION_DOC.formatted("connector"), COMMON_GROUP, ++common, Width.MEDIUM, "Connector version")
                .define(TASKS_MAX, Type.INT, 1, atLeast(1), Importance.HIGH,
                        "The most tasks the connector may run.", COMMON_GROUP, ++common, Width.SHORT, "Tasks max")
                .define(TASKS_MAX_ENFORCE, Type.BOOLEAN, true, Importance.LOW,
                        "Whether a connector that asks for more than tasks.max tasks fails (true) or runs them anyway.",
                        COMMON_GROUP, ++common, Width.SHORT, "Enforce tasks max")
                .define(KEY_CONVERTER, Type.CLASS, null, Importance.LOW,
                        "The key Converter of this connector; the worker's when unset.", COMMON_GROUP, ++common, Width.SHORT, "Key converter class")
                .define(KEY_CONVERTER_VERSION, Type.STRING, null, VersionRequirement.VALIDATOR, Importance.LOW,
                        CONVERTER_VERSION_DOC.formatted("key converter"), COMMON_GROUP, ++common, Width.SHORT, "Key converter version")
                .define(VALUE_CONVERTER, Type.CLASS, null, Importance.LOW,
                        "The value Converter of this connector; the worker's when unset.", COMMON_GROUP, ++common, Width.SHORT,
                        "Value converter class")
                .define(VALUE_CONVERTER_VERSION, Type.STRING, null, VersionRequirement.VALIDATOR, Importance.LOW,
                        CONVERTER_VERSION_DOC.formatted("value converter"), COMMON_GROUP, ++common, Width.SHORT, "Value converter version")
                .define(HEADER_CONVERTER, Type.CLASS, null, Importance.LOW,
                        "The HeaderConverter of this connector; the worker's when unset.", COMMON_GROUP, ++common, Width.SHORT,
                        "Header converter class")
                .define(HEADER_CONVERTER_VERSION, Type.STRING, null, VersionRequirement.VALIDATOR, Importance.LOW,
                        CONVERTER_VERSION_DOC.formatted("header converter"), COMMON_GROUP, ++common, Width.SHORT, "Header converter version")
                .define(TRANSFORMS, Type.LIST, List.of(), uniqueAliases("transformation"), Importance.LOW,
                        "Aliases of the transformations applied to records, in order.", TRANSFORMS_GROUP, ++common, Width.LONG, "Transforms")
                .define(PREDICATES, Type.LIST, List.of(), uniqueAliases("predicate"), Importance.LOW,
                        "Aliases of the predicates transformations may be conditioned on.", PREDICATES_GROUP, ++common, Width.LONG, "Predicates")
                .define(CONFIG_RELOAD_ACTION, Type.STRING, "restart", in("none", "restart"), Importance.LOW,
                        "What to do when a config provider says a value changed: restart the connector, or nothing.",
                        COMMON_GROUP, ++common, Width.MEDIUM, "Reload Action")
                .define(ERRORS_RETRY_TIMEOUT, Type.LONG, 0L, Importance.MEDIUM,
                        "How long a failed operation is retried, in ms; 0 for never, -1 for ever.",
                        ERROR_GROUP, ++errors, Width.MEDIUM, "Retry Timeout for Errors")
                .define(ERRORS_RETRY_MAX_DELAY, Type.LONG, 60000L, Importance.MEDIUM,
                        "The longest wait between two retries, in ms.", ERROR_GROUP, ++errors, Width.MEDIUM,
                        "Maximum Delay Between Retries for Errors")
                .define(ERRORS_TOLERANCE, Type.STRING, "none", in("none", "all"), Importance.MEDIUM,
                        "'none': an error fails the task; 'all': a record that fails is skipped (and reported).",
                        ERROR_GROUP, ++errors, Width.SHORT, "Error Tolerance")
                .define(ERRORS_LOG_ENABLE, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Log every error with the operation and record that failed.", ERROR_GROUP, ++errors, Width.SHORT, "Log Errors")
                .define(ERRORS_LOG_INCLUDE_MESSAGES, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Include the failed record's key, value and headers in those logs.", ERROR_GROUP, ++errors, Width.SHORT,
                        "Log Error Details");
    }

    private static ConfigDef.Validator uniqueAliases(String kind) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null) {
                    throw new ConfigException(name, null, "must not be null");
                }
                List<?> aliases = (List<?>) value;
                if (aliases.size() > new HashSet<>(aliases).size()) {
                    throw new ConfigException(name, value, "Duplicate alias provided.");
                }
            }

            @Override
            public String toString() {
                return "unique " + kind + " aliases";
            }
        };
    }

    public String name() {
        return getString(NAME);
    }

    public String connectorClass() {
        return getString(CONNECTOR_CLASS);
    }

    public int tasksMax() {
        return getInt(TASKS_MAX);
    }

    public boolean toleratesAll() {
        return "all".equalsIgnoreCase(getString(ERRORS_TOLERANCE));
    }
}
