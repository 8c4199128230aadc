package io.ferry.connect.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.ValidString.in;

/**
 * The settings of a worker of a distributed Connect cluster: the standalone worker's, plus Apache
 * Kafka Connect's distributed settings with their names, types and defaults (so an existing
 * {@code connect-distributed.properties} works unchanged), plus Ferry's. Cross-setting rules (the
 * three internal topics must differ) are checked here and name the settings.
 */
public final class DistributedWorkerConfig extends WorkerConfig {
    public static final String GROUP_ID = "group.id";
    public static final String CONFIG_TOPIC = "config.storage.topic";
    public static final String CONFIG_TOPIC_REPLICATION_FACTOR = "config.storage.replication.factor";
    public static final String OFFSET_TOPIC = "offset.storage.topic";
    public static final String OFFSET_TOPIC_PARTITIONS = "offset.storage.partitions";
    public static final String OFFSET_TOPIC_REPLICATION_FACTOR = "offset.storage.replication.factor";
    public static final String STATUS_TOPIC = "status.storage.topic";
    public static final String STATUS_TOPIC_PARTITIONS = "status.storage.partitions";
    public static final String STATUS_TOPIC_REPLICATION_FACTOR = "status.storage.replication.factor";
    public static final String SESSION_TIMEOUT_MS = "session.timeout.ms";
    public static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    public static final String REBALANCE_TIMEOUT_MS = "rebalance.timeout.ms";
    public static final String WORKER_SYNC_TIMEOUT_MS = "worker.sync.timeout.ms";
    public static final String WORKER_UNSYNC_BACKOFF_MS = "worker.unsync.backoff.ms";
    public static final String SCHEDULED_REBALANCE_MAX_DELAY_MS = "scheduled.rebalance.max.delay.ms";
    public static final String CONNECT_PROTOCOL = "connect.protocol";
    public static final String EXACTLY_ONCE_SOURCE_SUPPORT = "exactly.once.source.support";
    public static final String INTER_WORKER_KEY_GENERATION_ALGORITHM = "inter.worker.key.generation.algorithm";
    public static final String INTER_WORKER_KEY_SIZE = "inter.worker.key.size";
    public static final String INTER_WORKER_KEY_TTL_MS = "inter.worker.key.ttl.ms";
    public static final String INTER_WORKER_SIGNATURE_ALGORITHM = "inter.worker.signature.algorithm";
    public static final String INTER_WORKER_VERIFICATION_ALGORITHMS = "inter.worker.verification.algorithms";

    /** Ferry: the compacted topic, shared by every group, whose partition 0 the group gives its leader. */
    public static final String MEMBERSHIP_TOPIC = "ferry.membership.topic";
    /** Ferry: this worker's id in the group and in statuses; the advertised host:port when unset. */
    public static final String WORKER_ID = "ferry.worker.id";

    /** How far {@code exactly.once.source.support} goes, as Apache Kafka Connect names it (KIP-618). */
    public enum ExactlyOnceSupport {
        DISABLED, PREPARING, ENABLED;

        /** Whether source tasks run with transactions. */
        public boolean tasksUseTransactions() {
            return this == ENABLED;
        }
    }

    private static final ConfigDef CONFIG = configDef();

    public DistributedWorkerConfig(Map<String, String> props) {
        super(CONFIG, props);
        requireDistinctTopics();
        if (getInt(HEARTBEAT_INTERVAL_MS) >= getInt(SESSION_TIMEOUT_MS)) {
            throw new ConfigException(HEARTBEAT_INTERVAL_MS, getInt(HEARTBEAT_INTERVAL_MS),
                    "must be lower than " + SESSION_TIMEOUT_MS + " (" + getInt(SESSION_TIMEOUT_MS) + ")");
        }
    }

    /** The definition of every distributed worker setting. */
    public static ConfigDef configDef() {
        return WorkerConfig.configDef()
                .define(GROUP_ID, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "The Connect cluster this worker belongs to: workers with the same group.id share connectors and tasks.")
                .define(CONFIG_TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "The compacted topic, with exactly one partition, that holds connector and task configs.")
                .define(CONFIG_TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 3, new PositiveOrBrokerDefault(), Importance.LOW,
                        "Replication factor of the config topic when it is created; -1 for the broker's default.")
                .define(OFFSET_TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "The compacted topic that holds source connectors' offsets, in Apache Kafka Connect's format.")
                .define(OFFSET_TOPIC_PARTITIONS, Type.INT, 25, new PositiveOrBrokerDefault(), Importance.LOW,
                        "Partitions of the offsets topic when it is created; -1 for the broker's default.")
                .define(OFFSET_TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 3, new PositiveOrBrokerDefault(), Importance.LOW,
                        "Replication factor of the offsets topic when it is created; -1 for the broker's default.")
                .define(STATUS_TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "The compacted topic that holds the states of connectors and tasks.")
                .define(STATUS_TOPIC_PARTITIONS, Type.INT, 5, new PositiveOrBrokerDefault(), Importance.LOW,
                        "Partitions of the status topic when it is created; -1 for the broker's default.")
                .define(STATUS_TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 3, new PositiveOrBrokerDefault(), Importance.LOW,
                        "Replication factor of the status topic when it is created; -1 for the broker's default.")
                .define(SESSION_TIMEOUT_MS, Type.INT, 10_000, atLeast(1), Importance.HIGH,
                        "How long a worker may go without a heartbeat before the group counts it as gone and its "
                                + "connectors and tasks are given to the others.")
                .define(HEARTBEAT_INTERVAL_MS, Type.INT, 3_000, atLeast(1), Importance.HIGH,
                        "How often a worker tells the group it is alive; also how soon it learns of a new plan.")
                .define(REBALANCE_TIMEOUT_MS, Type.INT, 60_000, atLeast(1), Importance.HIGH,
                        "How long the group waits for every worker to join a rebalance.")
                .define(WORKER_SYNC_TIMEOUT_MS, Type.INT, 3_000, atLeast(1), Importance.MEDIUM,
                        "How long a worker waits to read the config topic up to the offset of a new plan before it rejoins.")
                .define(WORKER_UNSYNC_BACKOFF_MS, Type.INT, 300_000, atLeast(0), Importance.MEDIUM,
                        "Accepted for compatibility with Apache Kafka Connect files; Ferry rejoins at once instead.")
                .define(SCHEDULED_REBALANCE_MAX_DELAY_MS, Type.INT, 0, atLeast(0), Importance.LOW,
                        "Grace given to a worker that left the group: its connectors and tasks wait this long for it to come "
                                + "back before they are given to the others. Ferry's default is 0 (moved at once); "
                                + "Apache Kafka Connect waits 300000 ms.")
                .define(CONNECT_PROTOCOL, Type.STRING, "sessioned", in("eager", "compatible", "sessioned"), Importance.LOW,
                        "Accepted for compatibility; Ferry's workers always rebalance incrementally: only what moves stops.")
                .define(EXACTLY_ONCE_SOURCE_SUPPORT, Type.STRING, "disabled", ConfigDef.CaseInsensitiveValidString.in(
                        "disabled", "preparing", "enabled"), Importance.HIGH,
                        "Whether source tasks write their records and offsets in Kafka transactions (enabled), with "
                                + "zombie fencing; 'preparing' readies a rolling upgrade to it.")
                .define(INTER_WORKER_KEY_GENERATION_ALGORITHM, Type.STRING, "HmacSHA256", Importance.LOW,
                        "Accepted for compatibility with Apache Kafka Connect files.")
                .define(INTER_WORKER_KEY_SIZE, Type.INT, null, Importance.LOW, "Accepted for compatibility with Apache Kafka Connect files.")
                .define(INTER_WORKER_KEY_TTL_MS, Type.INT, 3_600_000, atLeast(0), Importance.LOW,
                        "Accepted for compatibility with Apache Kafka Connect files.")
                .define(INTER_WORKER_SIGNATURE_ALGORITHM, Type.STRING, "HmacSHA256", Importance.LOW,
                        "Accepted for compatibility with Apache Kafka Connect files.")
                .define(INTER_WORKER_VERIFICATION_ALGORITHMS, Type.LIST, List.of("HmacSHA256"), Importance.LOW,
                        "Accepted for compatibility with Apache Kafka Connect files.")
                .define(MEMBERSHIP_TOPIC, Type.STRING, "_ferry-membership", new ConfigDef.NonEmptyString(), Importance.LOW,
                        "Ferry: the one-partition compacted topic the group coordinates through (shared by every group; "
                                + "created when missing, with the config topic's replication factor).")
                .define(WORKER_ID, Type.STRING, null, Importance.LOW,
                        "Ferry: this worker's id in the group and in statuses; its advertised host:port when unset. "
                                + "It must be unique within the group and stable across restarts.");
    }

    /** A count of at least 1, or -1 for the broker's default, as Apache's internal topic settings take. */
    private static final class PositiveOrBrokerDefault implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null && ((Number) value).intValue() < 1 && ((Number) value).intValue() != -1) {
                throw new ConfigException(name, value, "must be at least 1, or -1 for the broker's default");
            }
        }

        @Override
        public String toString() {
            return "[1,...] or -1";
        }
    }

    private void requireDistinctTopics() {
        Map<String, String> byTopic = new LinkedHashMap<>();
        for (String setting : List.of(CONFIG_TOPIC, OFFSET_TOPIC, STATUS_TOPIC)) {
            String topic = getString(setting);
            String earlier = byTopic.putIfAbsent(topic, setting);
            if (earlier != null) {
                throw new ConfigException("Topic '" + topic + "' specified via the '" + setting + "' property is the same as the one "
                        + "specified via the '" + earlier + "' property; each of the config, offset and status topics must be its own topic");
            }
        }
    }

    public String groupId() {
        return getString(GROUP_ID);
    }

    public ExactlyOnceSupport exactlyOnceSourceSupport() {
        return ExactlyOnceSupport.valueOf(getString(EXACTLY_ONCE_SOURCE_SUPPORT).toUpperCase(Locale.ROOT));
    }

    /** The transactional id of a source task's producer with exactly-once on, as Apache Kafka Connect forms it. */
    public String taskTransactionalId(String connector, int task) {
        return groupId() + "-" + connector + "-" + task;
    }
}
