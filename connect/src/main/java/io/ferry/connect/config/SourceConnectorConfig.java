package io.ferry.connect.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceTask;

/**
 * A source connector's settings: how its topics are created (KIP-158) and, beyond Apache, where
 * records go that cannot be converted, transformed or produced when errors are tolerated.
 */
public class SourceConnectorConfig extends ConnectorConfig {
    public static final String TOPIC_CREATION_GROUP = "Topic Creation";
    public static final String TOPIC_CREATION_PREFIX = "topic.creation.";
    public static final String TOPIC_CREATION_GROUPS = "topic.creation.groups";
    public static final String DEFAULT_GROUP = "default";
    public static final String INCLUDE = "include";
    public static final String EXCLUDE = "exclude";
    public static final String REPLICATION_FACTOR = "replication.factor";
    public static final String PARTITIONS = "partitions";
    public static final String EXACTLY_ONCE_SUPPORT = "exactly.once.support";
    public static final String TRANSACTION_BOUNDARY = "transaction.boundary";
    public static final String TRANSACTION_BOUNDARY_INTERVAL_MS = "transaction.boundary.interval.ms";
    public static final String OFFSETS_TOPIC = "offsets.storage.topic";
    public static final String EXACTLY_ONCE_GROUP = "Exactly Once Support";
    public static final String OFFSETS_TOPIC_GROUP = "offsets.topic";
    public static final String DLQ_TOPIC_NAME = SinkConnectorConfig.DLQ_TOPIC_NAME;
    public static final String DLQ_TOPIC_REPLICATION_FACTOR = SinkConnectorConfig.DLQ_TOPIC_REPLICATION_FACTOR;
    public static final String DLQ_CONTEXT_HEADERS_ENABLE = SinkConnectorConfig.DLQ_CONTEXT_HEADERS_ENABLE;

    public SourceConnectorConfig(Map<String, String> props) {
        super(configDef(), props);
    }

    public static ConfigDef configDef() {
        int group = 0;
        int errors = 100;
        return ConnectorConfig.configDef()
                .define(TOPIC_CREATION_GROUPS, Type.LIST, List.of(), Importance.LOW,
                        "Groups of topic settings besides 'default', each matching topics with its include and exclude patterns.",
                        TOPIC_CREATION_GROUP, ++group, Width.LONG, "Topic Creation Groups")
                .define(TOPIC_CREATION_PREFIX + DEFAULT_GROUP + "." + REPLICATION_FACTOR, Type.SHORT, null, Importance.LOW,
                        "Replication factor of topics the connector creates (-1: the broker's default). Setting it turns creation on.",
                        TOPIC_CREATION_GROUP, ++group, Width.SHORT, "Default replication factor")
                .define(TOPIC_CREATION_PREFIX + DEFAULT_GROUP + "." + PARTITIONS, Type.INT, null, Importance.LOW,
                        "Partitions of topics the connector creates (-1: the broker's default).",
                        TOPIC_CREATION_GROUP, ++group, Width.SHORT, "Default partitions")
                .define(EXACTLY_ONCE_SUPPORT, Type.STRING, "requested", ConfigDef.CaseInsensitiveValidString.in("requested", "required"),
                        Importance.MEDIUM, "requested or required. With 'required', creating or validating the connector on a "
                                + "distributed worker first asks the connector (SourceConnector.exactlyOnceSupport) whether it can give "
                                + "exactly-once delivery with this config, and fails unless it answers SUPPORTED and the worker has "
                                + "exactly.once.source.support=enabled. Use 'requested' for a connector whose documentation promises "
                                + "exactly-once delivery without answering that question.",
                        EXACTLY_ONCE_GROUP, 1, Width.SHORT, "Exactly once support")
                .define(TRANSACTION_BOUNDARY, Type.STRING, "poll", ConfigDef.CaseInsensitiveValidString.in("poll", "interval", "connector"),
                        Importance.MEDIUM, "poll, interval or connector: where an exactly-once task's transactions end. 'poll' "
                                + "commits one transaction per non-empty batch the task's poll() returns; 'interval' commits every "
                                + TRANSACTION_BOUNDARY_INTERVAL_MS + "; 'connector' lets the task commit or abort through its "
                                + "TransactionContext, and needs a connector whose canDefineTransactionBoundaries answers SUPPORTED.",
                        EXACTLY_ONCE_GROUP, 2, Width.SHORT, "Transaction Boundary")
                .define(TRANSACTION_BOUNDARY_INTERVAL_MS, Type.LONG, null, ConfigDef.LambdaValidator.with((name, value) -> {
                            if (value != null && (Long) value < 0) {
                                throw new ConfigException(name, value, "Value must be at least 0");
                            }
                        }, () -> "[0,...]"), Importance.LOW, "With " + TRANSACTION_BOUNDARY + "=interval, how often the tasks commit their transactions, "
                                + "in milliseconds; unset, the worker's " + WorkerConfig.OFFSET_FLUSH_INTERVAL_MS + ". Ignored with other "
                                + "boundaries.",
                        EXACTLY_ONCE_GROUP, 3, Width.SHORT, "Transaction boundary interval")
                .define(OFFSETS_TOPIC, Type.STRING, null, new ConfigDef.NonEmptyString(), Importance.LOW,
                        "A topic of this connector's own for its offsets (Apache Kafka Connect, distributed mode). Ferry keeps every "
                                + "connector's offsets in the worker's " + DistributedWorkerConfig.OFFSET_TOPIC + ": only that topic, or "
                                + "no value, is accepted. Ignored by standalone workers.",
                        OFFSETS_TOPIC_GROUP, 1, Width.LONG, "Offsets topic")
                .define(DLQ_TOPIC_NAME, Type.STRING, "", Importance.MEDIUM,
                        "Ferry: the topic records that fail conversion, transformation or producing go to (with errors.tolerance=all).",
                        ERROR_GROUP, ++errors, Width.MEDIUM, "Dead Letter Queue Topic Name")
                .define(DLQ_TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 3, Importance.MEDIUM,
                        "Replication factor of the dead letter queue topic when it is created.",
                        ERROR_GROUP, ++errors, Width.MEDIUM, "Dead Letter Queue Topic Replication Factor")
                .define(DLQ_CONTEXT_HEADERS_ENABLE, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Add headers to dead letter queue records saying what failed.",
                        ERROR_GROUP, ++errors, Width.MEDIUM, "Enable Error Context Headers");
    }

    /** Whether the connector's topics are created by Ferry: the default group has a replication factor. */
    public boolean createsTopics() {
        return getShort(TOPIC_CREATION_PREFIX + DEFAULT_GROUP + "." + REPLICATION_FACTOR) != null;
    }

    /**
     * The topic creation groups, in the order matched: the listed groups, then {@code default}.
     *
     * @throws ConfigException naming the key, when a group's settings are incomplete or invalid
     */
    public List<TopicCreationGroup> topicCreationGroups() {
        Map<String, String> props = originalsStrings();
        List<TopicCreationGroup> groups = new ArrayList<>();
        TopicCreationGroup defaults = group(DEFAULT_GROUP, props, null);
        for (String name : getList(TOPIC_CREATION_GROUPS)) {
            String trimmed = name.trim();
            if (trimmed.isEmpty() || trimmed.equals(DEFAULT_GROUP)) {
                continue;
            }
            groups.add(group(trimmed, props, defaults));
        }
        groups.add(defaults);
        return groups;
    }

    private static TopicCreationGroup group(String name, Map<String, String> props, TopicCreationGroup defaults) {
        String prefix = TOPIC_CREATION_PREFIX + name + ".";
        List<String> include = list(props.get(prefix + INCLUDE));
        List<String> exclude = list(props.get(prefix + EXCLUDE));
        if (defaults != null && include.isEmpty()) {
            throw new ConfigException(prefix + INCLUDE, props.get(prefix + INCLUDE),
                    "a topic creation group needs at least one include pattern");
        }
        short replication = defaults == null ? shortSetting(props, prefix + REPLICATION_FACTOR, (short) -1)
                : shortSetting(props, prefix + REPLICATION_FACTOR, defaults.replicationFactor());
        int partitions = defaults == null ? intSetting(props, prefix + PARTITIONS, -1)
                : intSetting(props, prefix + PARTITIONS, defaults.partitions());
        if (replication == 0 || replication < -1) {
            throw new ConfigException(prefix + REPLICATION_FACTOR, replication, "must be -1 (the broker's default) or at least 1");
        }
        if (partitions == 0 || partitions < -1) {
            throw new ConfigException(prefix + PARTITIONS, partitions, "must be -1 (the broker's default) or at least 1");
        }
        Map<String, String> topicConfigs = new LinkedHashMap<>(defaults == null ? Map.of() : defaults.topicConfigs());
        props.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                String setting = key.substring(prefix.length());
                if (!List.of(INCLUDE, EXCLUDE, REPLICATION_FACTOR, PARTITIONS).contains(setting)) {
                    topicConfigs.put(setting, value);
                }
            }
        });
        return new TopicCreationGroup(name, include.isEmpty() ? List.of(".*") : include, exclude, replication, partitions, topicConfigs);
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.trim().split("\\s*,\\s*"));
    }

    private static short shortSetting(Map<String, String> props, String key, short fallback) {
        String value = props.get(key);
        try {
            return value == null ? fallback : Short.parseShort(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "must be a number");
        }
    }

    private static int intSetting(Map<String, String> props, String key, int fallback) {
        String value = props.get(key);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "must be a number");
        }
    }

    /** Whether {@code exactly.once.support=required}: the connector must declare it can deliver exactly once. */
    public boolean exactlyOnceRequired() {
        return getString(EXACTLY_ONCE_SUPPORT).trim().equalsIgnoreCase("required");
    }

    /** Where an exactly-once task's transactions end. */
    public SourceTask.TransactionBoundary transactionBoundary() {
        return SourceTask.TransactionBoundary.fromProperty(getString(TRANSACTION_BOUNDARY).trim());
    }

    /** {@code transaction.boundary.interval.ms}, or {@code fallback} (the worker's offset flush interval) when unset. */
    public long transactionBoundaryIntervalMs(long fallback) {
        Long interval = getLong(TRANSACTION_BOUNDARY_INTERVAL_MS);
        return interval == null ? fallback : interval;
    }

    /** The connector's own offsets topic, if it names one. */
    public java.util.Optional<String> offsetsTopic() {
        String topic = getString(OFFSETS_TOPIC);
        return topic == null || topic.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(topic.trim());
    }

    public String deadLetterQueueTopic() {
        return getString(DLQ_TOPIC_NAME).trim();
    }
}
