package io.ferry.connect.storage.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.storage.kafka.ConfigRecord.ClusterOwner;
import io.ferry.connect.storage.kafka.ConfigRecord.ConnectorConfig;
import io.ferry.connect.storage.kafka.ConfigRecord.Restart;
import io.ferry.connect.storage.kafka.ConfigRecord.TargetStateChange;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskCommit;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskConfig;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskCountRecord;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskRestart;
import io.ferry.kafka.support.admin.TopicProvisioner;
import io.ferry.kafka.support.admin.TopicRequirements;
import io.ferry.kafka.support.tailer.CompactedTopicTailer;
import io.ferry.kafka.support.tailer.TailedRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connector configs, task configs, target states and restart requests of a distributed Connect
 * cluster, kept in its config topic ({@code config.storage.topic}) in Apache Kafka Connect's format.
 *
 * <p>The topic must be compacted and have exactly one partition (one order for every change); it is
 * created so when missing, with {@code config.storage.replication.factor}.
 *
 * <p>Reading: one tailer thread applies every record, in order, to the state {@link #snapshot()}
 * returns, then tells the {@link Listener}. Writing: each {@code put…} method writes through the
 * {@link ConfigWriter} given at construction (the leader's fenced, transactional writer in a
 * cluster) and returns once this store has read its own records back, so a snapshot taken after it
 * shows the change. Consumers read with {@code isolation.level=read_committed}: records of an aborted
 * leader transaction are never applied.
 *
 * <p>The listener hears only of records written after {@link #start} began (the store notes where the
 * topic ended before it reads it): records already in the topic, older restart requests above all,
 * are part of the first snapshot but are not announced as new. Changes written while {@code start}
 * runs are announced on the calling thread just before {@code start} returns; all later ones on the
 * tailer thread.
 *
 * <p>Cluster ownership: the record {@code ferry-cluster} &rarr; {@code {"group.id": "<id>"}} names the
 * Connect cluster the topic belongs to. {@code start} refuses a topic owned by another group.id — two
 * clusters sharing a config topic would each run the other's connectors — and claims a topic nobody
 * owns. When two clusters claim a new topic at once, the claim read first wins and the other cluster
 * refuses to start; the winner writes its claim again when it sees the other, so the surviving record
 * after compaction is its own. Apache's workers log this key as unknown and skip it.
 */
public final class KafkaConfigStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaConfigStore.class);
    private static final Duration READ_BACK_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Where the store lives and who it belongs to.
     *
     * @param topic             {@code config.storage.topic}
     * @param replicationFactor {@code config.storage.replication.factor}, for creating the topic; -1 for the broker's default
     * @param clientConfig      settings every client gets: {@code bootstrap.servers}, security
     * @param clientIdPrefix    prefix of the clients' {@code client.id}
     * @param groupId           {@code group.id}: the cluster this worker belongs to
     */
    public record Settings(String topic, short replicationFactor, Map<String, Object> clientConfig, String clientIdPrefix,
                           String groupId) {

        public Settings {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
            clientConfig = Map.copyOf(clientConfig);
        }

        public static Settings from(DistributedWorkerConfig config) {
            return new Settings(config.getString(DistributedWorkerConfig.CONFIG_TOPIC),
                    config.getShort(DistributedWorkerConfig.CONFIG_TOPIC_REPLICATION_FACTOR), config.clientConfig(),
                    "ferry-" + config.groupId() + "-configs", config.groupId());
        }
    }

    /**
     * Hears of changes to the topic. Called after the snapshot includes the change, on the tailer
     * thread (see the class comment for changes read during {@code start}); must not block.
     */
    public interface Listener {
        void onConnectorConfigUpdate(String connector);

        void onConnectorConfigRemove(String connector);

        /** The target state of an existing connector changed. */
        void onTargetStateChange(String connector);

        /** A commit was read: the connector's committed task configs may have changed, or it became inconsistent. */
        void onTaskConfigUpdate(String connector);

        void onRestartRequest(RestartRequest request);

        void onTaskRestartRequest(TaskId task);
    }

    /**
     * Writes records to the config topic. Blocks until they are written — committed, for a
     * transactional writer; all or nothing.
     *
     * @return where the last record was written
     * @throws ConnectException when they could not be written (a fenced-out leader, for instance)
     */
    @FunctionalInterface
    public interface ConfigWriter {
        RecordMetadata write(List<ProducerRecord<String, byte[]>> records);
    }

    private final Settings settings;
    private final ConfigWriter writer;
    private final Listener listener;
    private final KafkaConfigCodec codec;
    private final ConfigState state = new ConfigState();
    private final CompactedTopicTailer<String, byte[]> tailer;
    private final StartupAnnouncements announcements = new StartupAnnouncements();
    private final TopicRequirements topic;

    public KafkaConfigStore(Settings settings, ConfigWriter writer, Listener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.codec = new KafkaConfigCodec(settings.topic());
        this.topic = TopicRequirements.compacted(settings.topic())
                .purpose("connector configurations (" + DistributedWorkerConfig.CONFIG_TOPIC + ")")
                .exactPartitions(1)
                .replicationFactor(settings.replicationFactor())
                .build();
        this.tailer = CompactedTopicTailer.builder(topic, Serdes.String(), Serdes.ByteArray())
                .clientConfig(settings.clientConfig())
                .clientId(settings.clientIdPrefix())
                .handler(this::apply)
                .build();
    }

    /**
     * A writer that sends with a plain producer, in order, and waits for every acknowledgement: for a
     * single writer and tests. Not atomic: a failure may leave the first records written.
     */
    public static ConfigWriter producerWriter(KafkaProducer<String, byte[]> producer) {
        return records -> {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            try {
                records.forEach(record -> sent.add(producer.send(record)));
                RecordMetadata last = null;
                for (Future<RecordMetadata> ack : sent) {
                    last = ack.get(READ_BACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
                return last;
            } catch (ExecutionException e) {
                throw new ConnectException("could not write to the config topic: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException | RuntimeException e) {
                throw new ConnectException("could not write to the config topic: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("interrupted while writing to the config topic", e);
            }
        };
    }

    /**
     * Ensures the topic, reads it to its end and checks (or claims) that it belongs to this
     * worker's group.id.
     *
     * @throws io.ferry.kafka.support.admin.TopicMisconfiguredException when the topic has more than
     *         one partition or is not compacted (the message names {@code config.storage.topic})
     * @throws ConfigException when the topic belongs to another Connect cluster
     */
    public void start(Duration timeout) {
        announcements.announceFrom(endOffset(timeout));
        tailer.start(timeout);
        try {
            checkClusterOwner();
        } catch (RuntimeException e) {
            tailer.close();
            throw e;
        }
        announcements.release(listener);
        log.info("Config store on {} started at offset {}", settings.topic(), position());
    }

    /** Where the topic ends before reading starts: records from there on are new to the listener. */
    private long endOffset(Duration timeout) {
        Map<String, Object> adminConfig = new HashMap<>(settings.clientConfig());
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.clientIdPrefix() + "-admin");
        try (Admin admin = Admin.create(adminConfig)) {
            TopicPartition partition = new TopicProvisioner(admin, timeout).ensure(topic).get(0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (ExecutionException e) {
            throw new ConnectException("could not find the end of the config topic " + settings.topic() + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("could not find the end of the config topic " + settings.topic() + " within "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while starting the config store", e);
        }
    }

    private void checkClusterOwner() {
        String owner = state.firstClusterOwner();
        if (owner == null) {
            log.info("Claiming config topic {} for the Connect cluster with group.id '{}'", settings.topic(), settings.groupId());
            ClusterOwner claim = new ClusterOwner(settings.groupId());
            awaitApplied(tailer.sendAndAwait(claim.key(), codec.encodeValue(claim)));
            owner = state.firstClusterOwner();
        }
        if (!settings.groupId().equals(owner)) {
            throw new ConfigException("Topic '" + settings.topic() + "' given in " + DistributedWorkerConfig.CONFIG_TOPIC
                    + " holds the connectors of the Connect cluster with " + DistributedWorkerConfig.GROUP_ID + " '" + owner
                    + "', not of this worker's " + DistributedWorkerConfig.GROUP_ID + " '" + settings.groupId()
                    + "'. Two clusters sharing one config topic would run each other's connectors: give each cluster its own "
                    + DistributedWorkerConfig.CONFIG_TOPIC + ", or set " + DistributedWorkerConfig.GROUP_ID + " to '" + owner
                    + "' to join that cluster.");
        }
        if (!settings.groupId().equals(state.latestClusterOwner())) {
            reclaim();
            awaitApplied(tailer.readToEnd());
        }
    }

    private void reclaim() {
        log.warn("Another Connect cluster claimed config topic {}, which belongs to group.id '{}'; claiming it again",
                settings.topic(), settings.groupId());
        ClusterOwner claim = new ClusterOwner(settings.groupId());
        tailer.send(claim.key(), codec.encodeValue(claim));
    }

    private void apply(TailedRecord<String, byte[]> record) {
        ConfigRecord decoded = codec.decode(record.key(), record.value());
        List<Consumer<Listener>> changes = state.apply(decoded, record.offset());
        if (decoded instanceof ClusterOwner owner && !owner.groupId().equals(settings.groupId())
                && settings.groupId().equals(state.firstClusterOwner()) && announcements.released()) {
            reclaim();
        }
        if (decoded instanceof ConfigRecord.Ignored ignored && ignored.key() != null) {
            log.debug("Skipping config topic record {}: not used by Ferry", ignored.key());
        }
        announcements.announce(record.offset(), changes, listener);
    }

    /** The config topic as read so far. */
    public ClusterConfigSnapshot snapshot() {
        return state.snapshot();
    }

    /** One past the offset of the last record applied (the {@link ClusterConfigSnapshot#offset} of a snapshot taken now). */
    public long position() {
        return state.offset();
    }

    /** Completes with {@link #position()} once every record written before this call has been applied. */
    public CompletableFuture<Long> readToEnd() {
        return tailer.readToEnd().thenApply(ignored -> position());
    }

    /**
     * Writes a connector's config; with {@code targetStateIfNew} also its target state, written
     * first, as Apache does (for a connector created paused or stopped).
     *
     * @param targetStateIfNew null to leave the target state as it is
     */
    public void putConnectorConfig(String connector, Map<String, String> config, TargetState targetStateIfNew) {
        List<ConfigRecord> records = new ArrayList<>();
        if (targetStateIfNew != null) {
            records.add(new TargetStateChange(connector, targetStateIfNew));
        }
        records.add(new ConnectorConfig(connector, Objects.requireNonNull(config, "config")));
        write(records);
    }

    /** Deletes a connector: tombstones for its config and target state, as Apache writes them. */
    public void removeConnector(String connector) {
        write(List.of(new ConnectorConfig(connector, null), new TargetStateChange(connector, null)));
    }

    public void putTargetState(String connector, TargetState state) {
        write(List.of(new TargetStateChange(connector, Objects.requireNonNull(state, "state"))));
    }

    /** Writes task configs {@code task-<connector>-<i>}, then the {@code commit-<connector>} that makes them apply. */
    public void putTaskConfigs(String connector, List<Map<String, String>> configs) {
        List<ConfigRecord> records = new ArrayList<>();
        for (int task = 0; task < configs.size(); task++) {
            records.add(new TaskConfig(new TaskId(connector, task), configs.get(task)));
        }
        records.add(new TaskCommit(connector, configs.size()));
        write(records);
    }

    public void putRestartRequest(RestartRequest request) {
        write(List.of(new Restart(request)));
    }

    /**
     * Asks for one task's restart. Ferry's own record ({@code ferry-restart-task-<connector>-<n>},
     * value {@code {}}): Apache has no such record (it restarts a single task over its internal REST
     * API) and its workers skip it.
     */
    public void putTaskRestartRequest(TaskId task) {
        write(List.of(new TaskRestart(task)));
    }

    /** Writes the {@code tasks-fencing-<connector>} record of exactly-once zombie fencing. */
    public void putTaskCountRecord(String connector, int taskCount) {
        write(List.of(new TaskCountRecord(connector, taskCount)));
    }

    private void write(List<ConfigRecord> records) {
        List<ProducerRecord<String, byte[]>> encoded = records.stream()
                .map(record -> new ProducerRecord<>(settings.topic(), record.key(), codec.encodeValue(record)))
                .toList();
        RecordMetadata last = writer.write(encoded);
        // Not readToEnd(): a read_committed reader's end is the last stable offset, which passes a
        // committed transaction only once the broker has written its commit marker — after the
        // commit returned. Waiting for the last record itself cannot finish before it is visible.
        awaitApplied(tailer.awaitApplied(last.partition(), last.offset()));
    }

    private void awaitApplied(CompletableFuture<?> applied) {
        try {
            applied.get(READ_BACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectException("could not read the config topic " + settings.topic() + " back: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("could not read the config topic " + settings.topic() + " back within "
                    + READ_BACK_TIMEOUT.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while reading the config topic " + settings.topic(), e);
        }
    }

    /** Stops reading. Idempotent. The writer is the caller's to close. */
    @Override
    public void close() {
        tailer.close();
    }

    /**
     * Decides what the listener hears while {@code start} runs: changes already in the topic when it
     * began are not announced; changes written since are held until the catch-up, then announced in order.
     */
    private static final class StartupAnnouncements {
        private final List<Consumer<Listener>> held = new ArrayList<>();
        private long announceFrom = Long.MAX_VALUE;
        private boolean released;

        synchronized void announceFrom(long offset) {
            announceFrom = offset;
        }

        synchronized void announce(long offset, List<Consumer<Listener>> changes, Listener listener) {
            if (released) {
                changes.forEach(change -> change.accept(listener));
            } else if (offset >= announceFrom) {
                held.addAll(changes);
            }
        }

        synchronized void release(Listener listener) {
            held.forEach(change -> change.accept(listener));
            held.clear();
            released = true;
        }

        synchronized boolean released() {
            return released;
        }
    }
}
