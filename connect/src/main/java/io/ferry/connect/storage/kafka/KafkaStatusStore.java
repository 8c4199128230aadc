package io.ferry.connect.storage.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntSupplier;

import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.model.State;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.storage.StatusStore;
import io.ferry.connect.storage.kafka.KafkaStatusCodec.Status;
import io.ferry.connect.storage.kafka.KafkaStatusCodec.TopicUse;
import io.ferry.kafka.support.admin.TopicRequirements;
import io.ferry.kafka.support.tailer.CompactedTopicTailer;
import io.ferry.kafka.support.tailer.TailedRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The states of a distributed cluster's connectors and tasks, and the topics each connector used,
 * kept in its status topic ({@code status.storage.topic}) in Apache Kafka Connect's format.
 *
 * <p>The topic must be compacted; it is created when missing with {@code status.storage.partitions}
 * (-1, the broker's default, creates one partition) and {@code status.storage.replication.factor}.
 *
 * <p>{@code put…}, {@code remove…} and topic changes update this worker's view at once and send the
 * record in the background: they never wait for Kafka. A send that fails on a retriable error is sent
 * again (up to {@value #MAX_SEND_ATTEMPTS} times, and only while no newer status for the same key was
 * put); one that still fails is logged and dropped, as Apache's store does — the next status change
 * writes the key again. Records of other workers update the view as the tailer reads them; while a
 * write of this worker for the same key is in flight, the later of the two in the topic wins.
 *
 * <p>Apache's generation rule: an UNASSIGNED or FAILED status — what a worker writes as it lets go of
 * a connector or task, or loses it — is not written over a status of another worker from a newer
 * group generation, since that worker owns it now. Other states are always written, so that a cluster
 * whose group was recreated (generations start again) can report at all.
 *
 * <p>Ferry's automatic restart plan ({@link StateInfo#retry()}) travels in two extra fields Apache
 * ignores, {@code ferry.retry.at} and {@code ferry.retry.attempt}.
 *
 * <p>Thread-safe.
 */
public final class KafkaStatusStore implements StatusStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaStatusStore.class);
    static final int MAX_SEND_ATTEMPTS = 5;

    /**
     * Where the store lives and who writes to it.
     *
     * @param topic             {@code status.storage.topic}
     * @param partitions        {@code status.storage.partitions}, for creating the topic
     * @param replicationFactor {@code status.storage.replication.factor}, for creating the topic; -1 for the broker's default
     * @param clientConfig      settings every client gets: {@code bootstrap.servers}, security
     * @param clientIdPrefix    prefix of the clients' {@code client.id}
     * @param workerId          this worker's id, as its statuses name it
     * @param generation        this worker's current group generation, asked at every write
     * @param clock             time of the topic records ({@code discoverTimestamp})
     */
    public record Settings(String topic, int partitions, short replicationFactor, Map<String, Object> clientConfig,
                           String clientIdPrefix, String workerId, IntSupplier generation, Clock clock) {

        public Settings {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
            Objects.requireNonNull(workerId, "workerId");
            Objects.requireNonNull(generation, "generation");
            Objects.requireNonNull(clock, "clock");
            clientConfig = Map.copyOf(clientConfig);
        }

        public static Settings from(DistributedWorkerConfig config, String workerId, IntSupplier generation) {
            return new Settings(config.getString(DistributedWorkerConfig.STATUS_TOPIC),
                    config.getInt(DistributedWorkerConfig.STATUS_TOPIC_PARTITIONS),
                    config.getShort(DistributedWorkerConfig.STATUS_TOPIC_REPLICATION_FACTOR), config.clientConfig(),
                    "ferry-" + config.groupId() + "-statuses", workerId, generation, Clock.systemUTC());
        }
    }

    private final Settings settings;
    private final KafkaStatusCodec codec;
    private final CompactedTopicTailer<String, byte[]> tailer;
    private final StatusView view = new StatusView();
    private volatile boolean closed;

    public KafkaStatusStore(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.codec = new KafkaStatusCodec(settings.topic());
        TopicRequirements topic = TopicRequirements.compacted(settings.topic())
                .purpose("connector and task statuses (" + DistributedWorkerConfig.STATUS_TOPIC + ")")
                .partitionsForCreation(Math.max(1, settings.partitions()))
                .replicationFactor(settings.replicationFactor())
                .build();
        this.tailer = InternalTopics.tailer(topic, settings.clientConfig(), settings.clientIdPrefix(), this::apply);
    }

    /**
     * Ensures the topic and reads it to its end.
     *
     * @throws io.ferry.kafka.support.admin.TopicMisconfiguredException when the topic is not
     *         compacted (the message names {@code status.storage.topic})
     */
    public void start(Duration timeout) {
        tailer.start(timeout);
    }

    /** Completes once every record written before this call has been read into this worker's view. */
    public CompletableFuture<Void> readToEnd() {
        return tailer.readToEnd();
    }

    @Override
    public void put(String connector, StateInfo state) {
        putStatus(new StatusKey.OfConnector(connector), state);
    }

    @Override
    public void put(TaskId task, StateInfo state) {
        putStatus(new StatusKey.OfTask(task), state);
    }

    private void putStatus(StatusKey key, StateInfo state) {
        if (state.state() == State.DESTROYED) {
            // Apache writes a deleted connector's or task's status as a tombstone.
            write(key, null, false);
        } else {
            boolean guarded = state.state() == State.UNASSIGNED || state.state() == State.FAILED;
            write(key, new Status(state, settings.generation().getAsInt()), guarded);
        }
    }

    @Override
    public StateInfo get(String connector) {
        return stateOf(new StatusKey.OfConnector(connector));
    }

    @Override
    public StateInfo get(TaskId task) {
        return stateOf(new StatusKey.OfTask(task));
    }

    private StateInfo stateOf(StatusKey key) {
        return view.get(key) instanceof Status status ? status.state() : null;
    }

    @Override
    public Map<Integer, StateInfo> tasks(String connector) {
        Map<Integer, StateInfo> states = new TreeMap<>();
        view.matching(key -> key instanceof StatusKey.OfTask task && task.task().connector().equals(connector))
                .forEach((key, value) -> states.put(((StatusKey.OfTask) key).task().task(), ((Status) value).state()));
        return states;
    }

    @Override
    public void removeTask(TaskId task) {
        write(new StatusKey.OfTask(task), null, false);
    }

    /** Writes tombstones for the connector's status, its tasks' and its topics'. */
    @Override
    public void remove(String connector) {
        Set<StatusKey> keys = new LinkedHashSet<>(view.matching(key -> connectorOf(key).equals(connector)).keySet());
        keys.add(new StatusKey.OfConnector(connector));
        keys.forEach(key -> write(key, null, false));
    }

    /** Records that the connector used the topic, once: Apache's record names task 0 and the time it was first seen here. */
    @Override
    public void addTopic(String connector, String topic) {
        StatusKey key = new StatusKey.OfTopic(connector, topic);
        if (view.get(key) == null) {
            write(key, new TopicUse(topic, connector, 0, settings.clock().millis()), false);
        }
    }

    @Override
    public SortedSet<String> topics(String connector) {
        SortedSet<String> topics = new TreeSet<>();
        view.matching(key -> key instanceof StatusKey.OfTopic use && use.connector().equals(connector))
                .keySet().forEach(key -> topics.add(((StatusKey.OfTopic) key).topic()));
        return topics;
    }

    @Override
    public void resetTopics(String connector) {
        topics(connector).forEach(topic -> write(new StatusKey.OfTopic(connector, topic), null, false));
    }

    private static String connectorOf(StatusKey key) {
        if (key instanceof StatusKey.OfConnector c) {
            return c.connector();
        }
        if (key instanceof StatusKey.OfTask t) {
            return t.task().connector();
        }
        return ((StatusKey.OfTopic) key).connector();
    }

    /** Updates the view, then sends; {@code value} null writes a tombstone. */
    private void write(StatusKey key, Object value, boolean guarded) {
        int sequence = view.write(key, value, guarded);
        if (sequence < 0) {
            log.debug("Not writing {} over {}: another worker owns it in a newer generation", value, key.key());
            return;
        }
        byte[] bytes = value == null ? null
                : value instanceof Status status ? codec.encodeStatus(status) : codec.encodeTopicUse((TopicUse) value);
        send(key, bytes, sequence, 1);
    }

    private void send(StatusKey key, byte[] value, int sequence, int attempt) {
        CompletableFuture<RecordMetadata> sent;
        try {
            sent = tailer.send(key.key(), value);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((metadata, error) -> {
            if (error == null) {
                view.sent(key, metadata.offset());
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            boolean superseded = !view.isLatest(key, sequence);
            if (cause instanceof RetriableException && attempt < MAX_SEND_ATTEMPTS && !superseded && !closed) {
                log.debug("Writing status {} failed ({}); trying again", key.key(), cause.getMessage());
                send(key, value, sequence, attempt + 1);
                return;
            }
            if (!superseded && !closed) {
                log.warn("Dropping status update {} after {} attempt(s): {}", key.key(), attempt, cause.getMessage());
            }
            view.sent(key, -1);
        });
    }

    private void apply(TailedRecord<String, byte[]> record) {
        StatusKey key = codec.parseKey(record.key());
        if (key == null) {
            log.warn("Skipping status topic record with key {}: not a status key", record.key());
            return;
        }
        Object value = record.value() == null ? null
                : key instanceof StatusKey.OfTopic ? codec.decodeTopicUse(record.key(), record.value())
                : codec.decodeStatus(record.key(), record.value());
        view.read(key, record.offset(), value);
    }

    /**
     * Waits until every status put so far has been written (acknowledged by Kafka) or dropped.
     *
     * @return false when some were still in flight after {@code timeout}
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        return view.awaitWritten(timeout);
    }

    /** Flushes what was sent and stops reading. Idempotent. */
    @Override
    public void close() {
        closed = true;
        tailer.close();
    }
}
