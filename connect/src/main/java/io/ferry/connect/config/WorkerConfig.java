package io.ferry.connect.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.metrics.MetricsSettings;
import io.ferry.connect.plugins.VersionRequirement;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.internals.BrokerSecurityConfigs;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.Range.between;
import static org.apache.kafka.common.config.ConfigDef.ValidString.in;

/**
 * A worker's settings, with Apache Kafka Connect's names, types and defaults, so an existing
 * {@code connect-standalone.properties} works unchanged. Declared once; docs, validation and errors
 * come from the definition. Ferry's own settings start with {@code ferry.}.
 */
public class WorkerConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String KEY_CONVERTER = "key.converter";
    public static final String VALUE_CONVERTER = "value.converter";
    public static final String HEADER_CONVERTER = "header.converter";
    /** The suffix of every setting that picks a plugin's version: {@code connector.plugin.version} and the rest. */
    public static final String PLUGIN_VERSION_SUFFIX = "plugin.version";
    public static final String KEY_CONVERTER_VERSION = KEY_CONVERTER + "." + PLUGIN_VERSION_SUFFIX;
    public static final String VALUE_CONVERTER_VERSION = VALUE_CONVERTER + "." + PLUGIN_VERSION_SUFFIX;
    public static final String HEADER_CONVERTER_VERSION = HEADER_CONVERTER + "." + PLUGIN_VERSION_SUFFIX;
    public static final String TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS = "task.shutdown.graceful.timeout.ms";
    public static final String OFFSET_FLUSH_INTERVAL_MS = "offset.flush.interval.ms";
    public static final String OFFSET_FLUSH_TIMEOUT_MS = "offset.flush.timeout.ms";
    public static final String LISTENERS = "listeners";
    public static final String REST_ADVERTISED_HOST_NAME = "rest.advertised.host.name";
    public static final String REST_ADVERTISED_PORT = "rest.advertised.port";
    public static final String REST_ADVERTISED_LISTENER = "rest.advertised.listener";
    /** Settings under this prefix, when there is any, replace the top-level {@code ssl.*} ones for https listeners. */
    public static final String LISTENERS_HTTPS_PREFIX = "listeners.https.";
    public static final String SSL_CLIENT_AUTH = BrokerSecurityConfigs.SSL_CLIENT_AUTH_CONFIG;
    public static final String ACCESS_CONTROL_ALLOW_ORIGIN = "access.control.allow.origin";
    public static final String ACCESS_CONTROL_ALLOW_METHODS = "access.control.allow.methods";
    public static final String PLUGIN_PATH = "plugin.path";
    public static final String REST_EXTENSION_CLASSES = "rest.extension.classes";
    public static final String PLUGIN_DISCOVERY = "plugin.discovery";
    public static final String CONFIG_PROVIDERS = "config.providers";
    public static final String CONNECTOR_CLIENT_POLICY = "connector.client.config.override.policy";
    public static final String CONNECTOR_CLIENT_ALLOWLIST = "connector.client.config.override.allowlist";
    public static final String TOPIC_CREATION_ENABLE = "topic.creation.enable";
    public static final String OFFSET_STORAGE_FILE_FILENAME = "offset.storage.file.filename";
    public static final String TOPIC_TRACKING_ENABLE = "topic.tracking.enable";
    public static final String TOPIC_TRACKING_ALLOW_RESET = "topic.tracking.allow.reset";

    /** Ferry: restart FAILED tasks by themselves, with a growing delay. */
    public static final String TASK_RESTART_ENABLE = "ferry.task.restart.enable";
    public static final String TASK_RESTART_INITIAL_DELAY_MS = "ferry.task.restart.initial.delay.ms";
    public static final String TASK_RESTART_MAX_DELAY_MS = "ferry.task.restart.max.delay.ms";
    public static final String SINK_CONVERSION_THREADS = "ferry.sink.conversion.threads";

    /** Where the REST API listens when {@code listeners} is not set. */
    public static final String LISTENERS_DEFAULT = "http://127.0.0.1:8083";

    private static final ConfigDef CONFIG = configDef();

    public WorkerConfig(Map<String, String> props) {
        this(CONFIG, props);
    }

    protected WorkerConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, props);
    }

    /** The definition of every worker setting. */
    public static ConfigDef configDef() {
        return MetricsSettings.define(sslDefinition(definition()));
    }

    /**
     * The TLS settings of the REST API, Apache's {@code ssl.*} keys: the key store and trust store,
     * protocols, cipher suites, host name verification of the client side, and {@code ssl.client.auth}
     * of https listeners. The Kafka clients of the worker read the same keys.
     */
    public static ConfigDef sslDefinition() {
        return sslDefinition(new ConfigDef());
    }

    private static ConfigDef sslDefinition(ConfigDef definition) {
        SslConfigs.addClientSslSupport(definition);
        return definition.define(SSL_CLIENT_AUTH, Type.STRING, "none",
                in("none", "requested", "required"), Importance.LOW,
                "Whether https listeners ask clients for a certificate: none, requested (asked, not needed) or required.");
    }

    private static ConfigDef definition() {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", Importance.HIGH,
                        "The Kafka cluster the worker reads and writes: host:port pairs to bootstrap from.")
                .define(KEY_CONVERTER, Type.CLASS, Importance.HIGH,
                        "The Converter of record keys between Connect data and the bytes in Kafka, unless a connector sets its own.")
                .define(VALUE_CONVERTER, Type.CLASS, Importance.HIGH,
                        "The Converter of record values between Connect data and the bytes in Kafka, unless a connector sets its own.")
                .define(HEADER_CONVERTER, Type.CLASS, SimpleHeaderConverter.class.getName(), Importance.LOW,
                        "The HeaderConverter of header values, unless a connector sets its own.")
                .define(KEY_CONVERTER_VERSION, Type.STRING, null, VersionRequirement.VALIDATOR, Importance.LOW,
                        "The version of key.converter to use, or a Maven version range; the latest installed when unset.")
                .define(VALUE_CONVERTER_VERSION, Type.STRING, null, VersionRequirement.VALIDATOR, Importance.LOW,
                        "The version of value.converter to use, or a Maven version range; the latest installed when unset.")
                .define(HEADER_CONVERTER_VERSION, Type.STRING, null, VersionRequirement.VALIDATOR, Importance.LOW,
                        "The version of header.converter to use, or a Maven version range; the latest installed when unset.")
                .define(TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS, Type.LONG, 5000L, atLeast(0), Importance.LOW,
                        "How long, in all, to wait for tasks to stop before leaving them behind.")
                .define(OFFSET_FLUSH_INTERVAL_MS, Type.LONG, 60000L, atLeast(0), Importance.LOW,
                        "How often to commit the offsets of source and sink tasks.")
                .define(OFFSET_FLUSH_TIMEOUT_MS, Type.LONG, 5000L, atLeast(0), Importance.LOW,
                        "How long a source task's offset commit may wait for its records to be acknowledged before it is tried again later.")
                .define(LISTENERS, Type.LIST, LISTENERS_DEFAULT, Importance.LOW,
                        "URIs the REST API listens on, http or https, e.g. http://0.0.0.0:8083,https://0.0.0.0:8443. "
                                + "https listeners take their TLS settings from listeners.https.ssl.* when any is set, else from ssl.*.")
                .define(REST_ADVERTISED_HOST_NAME, Type.STRING, null, Importance.LOW,
                        "The host name given to other workers and shown in statuses.")
                .define(REST_ADVERTISED_PORT, Type.INT, null, Importance.LOW,
                        "The port given to other workers and shown in statuses.")
                .define(REST_ADVERTISED_LISTENER, Type.STRING, null, Importance.LOW,
                        "The protocol (http or https) of the listener given to other workers; by default http when there is "
                                + "an http listener, else https.")
                .define(ACCESS_CONTROL_ALLOW_ORIGIN, Type.STRING, "", Importance.LOW,
                        "Value of the Access-Control-Allow-Origin header of REST answers; empty for none.")
                .define(ACCESS_CONTROL_ALLOW_METHODS, Type.STRING, "", Importance.LOW,
                        "Value of the Access-Control-Allow-Methods header of REST answers; empty for GET, POST and HEAD.")
                .define(REST_EXTENSION_CLASSES, Type.LIST, "", Importance.LOW,
                        "ConnectRestExtension classes (or aliases) registered with the REST API in this order, e.g. "
                                + "Apache's BasicAuthSecurityRestExtension; their request and response filters run on every request, and the "
                                + "JAX-RS resources they register are served where Ferry's own routes do not answer.")
                .define(PLUGIN_PATH, Type.LIST, null, Importance.LOW,
                        "Directories holding plugins: folders of jars, uber-jars, or folders of classes, each plugin isolated.")
                .define(PLUGIN_DISCOVERY, Type.STRING, "hybrid_warn",
                        in("only_scan", "hybrid_warn", "hybrid_fail", "service_load"), Importance.LOW,
                        "How plugins are found: by scanning class files, by service manifests, or both.")
                .define(CONFIG_PROVIDERS, Type.LIST, List.of(), Importance.LOW,
                        "Aliases of ConfigProvider classes that resolve ${alias:path:key} references in connector configs.")
                .define(CONNECTOR_CLIENT_POLICY, Type.STRING, "All", Importance.MEDIUM,
                        "Which producer.override.*, consumer.override.* and admin.override.* settings connectors may give: "
                                + "All, None, Principal, Allowlist (those of " + CONNECTOR_CLIENT_ALLOWLIST + "), "
                                + "or a ConnectorClientConfigOverridePolicy class.")
                .define(CONNECTOR_CLIENT_ALLOWLIST, Type.LIST, List.of(), ConfigDef.ValidList.anyNonDuplicateValues(true, false),
                        Importance.MEDIUM, "With the Allowlist policy: the client settings (linger.ms, max.poll.records...) "
                                + "connectors may override; none when empty.")
                .define(TOPIC_CREATION_ENABLE, Type.BOOLEAN, true, Importance.LOW,
                        "Whether source connectors may have their topics created with topic.creation.* settings.")
                .define(TOPIC_TRACKING_ENABLE, Type.BOOLEAN, true, Importance.LOW,
                        "Whether the topics each connector uses are tracked and shown by GET /connectors/{name}/topics.")
                .define(TOPIC_TRACKING_ALLOW_RESET, Type.BOOLEAN, true, Importance.LOW,
                        "Whether PUT /connectors/{name}/topics/reset may clear a connector's tracked topics.")
                .define(OFFSET_STORAGE_FILE_FILENAME, Type.STRING, null, Importance.HIGH,
                        "Standalone: the file source offsets are kept in.")
                .define(TASK_RESTART_ENABLE, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Restart FAILED connectors and tasks by themselves, with a delay that doubles each time, "
                                + "and say in their status why they failed and when they will be tried again.")
                .define(TASK_RESTART_INITIAL_DELAY_MS, Type.LONG, 1000L, atLeast(1), Importance.LOW,
                        "The delay before the first automatic restart.")
                .define(TASK_RESTART_MAX_DELAY_MS, Type.LONG, 300_000L, atLeast(1), Importance.LOW,
                        "The longest delay between automatic restarts.")
                .define(SINK_CONVERSION_THREADS, Type.INT, 2, between(1, 16), Importance.LOW,
                        "Threads that convert a sink task's next batch while the task puts the current one. "
                                + "A large batch is cut into consecutive slices, one per thread, each thread with its own "
                                + "key, value and header converters, configured alike; the records are put back in "
                                + "consumer order and then go through the connector's one chain of transformations "
                                + "on one thread. 1 converts on a single thread with a single set of converters.");
    }

    /** The settings under a prefix, without it: {@code producer.}, {@code consumer.}, {@code admin.}. */
    public Map<String, Object> prefixed(String prefix) {
        Map<String, Object> result = new HashMap<>();
        originals().forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }

    /** Settings every Kafka client of the worker gets: bootstrap servers, security and so on. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> result = new HashMap<>();
        result.put(BOOTSTRAP_SERVERS, String.join(",", getList(BOOTSTRAP_SERVERS)));
        originals().forEach((key, value) -> {
            if (isClientSetting(key)) {
                result.put(key, value);
            }
        });
        return result;
    }

    private static boolean isClientSetting(String key) {
        return key.startsWith("security.") || key.startsWith("ssl.") || key.startsWith("sasl.")
                || key.equals("client.dns.lookup") || key.equals("request.timeout.ms") || key.equals("retry.backoff.ms");
    }
}
