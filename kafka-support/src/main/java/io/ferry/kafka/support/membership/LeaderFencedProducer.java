package io.ferry.kafka.support.membership;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that only the group's leader may make, fenced by Kafka rather than by the member's own
 * belief. A member's view can be stale (a stalled process keeps acting on it), so a view alone
 * fences nothing; two mechanisms of the broker do:
 * <ol>
 *   <li><b>Group generation.</b> Each transaction commits an offset of the coordination partition
 *       with the view's {@link MembershipView#groupMetadata() group metadata}
 *       ({@code sendOffsetsToTransaction}) just before it commits. The group coordinator refuses
 *       it when that member is no longer in the group or the group has moved to a newer
 *       generation, and the transaction is aborted.</li>
 *   <li><b>One transactional id for the leader role.</b> Every member of the group uses the same
 *       {@code transactional.id} ({@code ferry-leader-<group>} unless set). When a new leader
 *       {@link #claim claims}, Kafka aborts whatever transaction a former leader left open (or
 *       completes one whose commit was already under way) and refuses that former leader's
 *       producer from then on. This closes the window in which a former leader passed the
 *       generation check just before the group moved on, then committed late.</li>
 * </ol>
 *
 * <p>How a leader uses it: when its view shows it became leader (a new
 * {@link MembershipView#leaderSince() term}), {@link #claim} first, then read the state it
 * writes from to its end ({@code read_committed}), then {@link #runInTransaction} for each write.
 * A {@link NotLeaderException} means the write was refused and nothing of it is visible.
 *
 * <p>Threading: thread-safe; calls are serialized (one transaction at a time). Every method
 * blocks on the cluster, up to the producer's {@code max.block.ms} per step: never call it on a
 * membership listener's thread or in a planner.
 */
public final class LeaderFencedProducer<K, V> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaderFencedProducer.class);

    private final Map<String, Object> clientConfig;
    private final Serializer<K> keys;
    private final Serializer<V> values;
    private final Optional<String> transactionalId;

    private KafkaProducer<K, V> producer;
    /** The {@link MembershipView#leaderSince()} of the term the producer was claimed in. */
    private int claimedTerm = KnownPlan.NO_GENERATION;
    /** Kafka refused this member's leadership up to this generation: views that old are stale. */
    private int refusedUpTo = KnownPlan.NO_GENERATION;
    private boolean closed;

    private LeaderFencedProducer(Builder<K, V> builder) {
        this.clientConfig = Map.copyOf(builder.clientConfig);
        this.keys = builder.keys;
        this.values = builder.values;
        this.transactionalId = builder.transactionalId;
    }

    /** Starts describing a producer of the leader role. */
    public static <K, V> Builder<K, V> builder(Serializer<K> keys, Serializer<V> values) {
        return new Builder<>(keys, values);
    }

    /**
     * Claims the leader's producer for the leadership term of the view: opens a new transactional
     * producer and initializes it, which aborts or completes any transaction a former leader left
     * open and fences that leader's producer. Returns once that is settled. Does nothing when
     * already claimed in this term.
     *
     * @throws NotLeaderException         when the view does not make this member leader, is older than
     *                                    a refusal Kafka already gave, or another claim overtook this one
     * @throws LeaderTransactionException when the cluster does not answer or refuses for another reason
     * @throws IllegalStateException      when closed
     */
    public synchronized void claim(MembershipView view) {
        requireLeader(view);
        int term = view.leaderSince().getAsInt();
        if (producer != null && claimedTerm == term) {
            return;
        }
        discardProducer();
        String id = transactionalId(view);
        KafkaProducer<K, V> fresh = new KafkaProducer<>(producerConfig(view, id), keys, values);
        try {
            fresh.initTransactions();
        } catch (RuntimeException e) {
            fresh.close(Duration.ZERO);
            if (FencingErrors.isFencing(e)) {
                throw notLeader(view, "another producer claimed the leader role meanwhile", e);
            }
            throw new LeaderTransactionException("member " + view.self().id() + " could not claim the leader producer '" + id
                    + "' of group " + view.groupId() + ": " + e.getMessage(), e, false);
        }
        producer = fresh;
        claimedTerm = term;
        log.info("Member {} claimed the leader producer '{}' of group {} in generation {} (term since generation {})",
                view.self().id(), id, view.groupId(), view.generation(), term);
    }

    /**
     * Runs one transaction as leader: begins it, runs the body, commits an offset with the view's
     * group metadata, and commits. Either all the body's records become visible to
     * {@code read_committed} readers, or none does.
     *
     * @param view the view the caller acts on; it must make this member leader, in a term already
     *             {@link #claim claimed}
     * @return what the body returned
     * @throws NotLeaderException         when the view does not make this member leader, or Kafka refused
     *                                    the transaction because the leadership it was made under is over;
     *                                    nothing was written
     * @throws LeaderTransactionException when it failed for another reason; see
     *                                    {@link LeaderTransactionException#outcomeUnknown()}
     * @throws IllegalStateException      when the term was not claimed, or closed
     * @throws RuntimeException           what the body threw; the transaction was aborted
     */
    public synchronized <T> T runInTransaction(MembershipView view, LeaderTransaction<K, V, T> body) {
        requireLeader(view);
        if (producer == null || claimedTerm != view.leaderSince().getAsInt()) {
            throw new IllegalStateException("member " + view.self().id() + " leads group " + view.groupId() + " since generation "
                    + view.leaderSince().getAsInt() + " but has not claimed the leader producer in that term: call claim(view) first,"
                    + " then read the state it writes from");
        }
        ConsumerGroupMetadata group = view.groupMetadata().orElseThrow();
        try {
            producer.beginTransaction();
        } catch (RuntimeException e) {
            throw failed(view, e, false);
        }
        ScopedSender sender = new ScopedSender();
        T result;
        try {
            result = body.run(sender);
        } catch (RuntimeException e) {
            sender.active = false;
            abortOrDiscard();
            throw e;
        }
        sender.active = false;
        try {
            // Last step before the commit, so that the generation check is as late as it can be.
            producer.sendOffsetsToTransaction(Map.of(view.coordinationPartition(),
                    new OffsetAndMetadata(0, "leader " + view.self().id() + " generation " + view.generation())), group);
        } catch (RuntimeException e) {
            throw failed(view, e, false);
        }
        try {
            producer.commitTransaction();
        } catch (RuntimeException e) {
            throw failed(view, e, true);
        }
        return result;
    }

    /** Closes the producer; an open transaction is aborted by the broker. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        discardProducer();
    }

    private void requireLeader(MembershipView view) {
        Objects.requireNonNull(view, "view");
        if (closed) {
            throw new IllegalStateException("the leader producer of member " + view.self().id() + " is closed");
        }
        if (!view.isLeader() || view.groupMetadata().isEmpty() || view.leaderSince().isEmpty()) {
            throw new NotLeaderException("member " + view.self().id() + " is not leader of group " + view.groupId() + " in its view ("
                    + view + ")", view.generation());
        }
        if (view.generation() <= refusedUpTo) {
            throw new NotLeaderException("Kafka already refused the leadership of member " + view.self().id() + " in group "
                    + view.groupId() + " at generation " + refusedUpTo + "; its view of generation " + view.generation()
                    + " is stale: wait for a newer one", view.generation());
        }
    }

    /** Cleans up after a failed step and says what it means. */
    private RuntimeException failed(MembershipView view, RuntimeException error, boolean committing) {
        FencingErrors.Kind kind = FencingErrors.kind(error);
        if (kind != FencingErrors.Kind.NONE) {
            if (kind == FencingErrors.Kind.STALE_GENERATION) {
                // The group has moved on: views up to this generation must not be acted on again.
                // The claim stays: if this member still leads in a newer generation of the same
                // term, no one else can have claimed in between.
                refusedUpTo = Math.max(refusedUpTo, view.generation());
                abortOrDiscard();
            } else {
                // Another claim came after ours; the producer is fenced for good. A member whose
                // view still makes it leader may claim again.
                discardProducer();
            }
            return notLeader(view, FencingErrors.describe(error), error);
        }
        if (committing && FencingErrors.find(error, TimeoutException.class).isPresent()) {
            discardProducer(); // the next claim settles what the broker has of this transaction
            return new LeaderTransactionException("member " + view.self().id() + " sent the commit of its transaction in group "
                    + view.groupId() + " generation " + view.generation() + " but got no answer: it may or may not be committed", error, true);
        }
        abortOrDiscard();
        return new LeaderTransactionException("the transaction of leader " + view.self().id() + " in group " + view.groupId()
                + " generation " + view.generation() + " failed and was aborted: " + error.getMessage(), error, false);
    }

    private NotLeaderException notLeader(MembershipView view, String reason, RuntimeException cause) {
        String message = "Kafka refused the transaction of member " + view.self().id() + " as leader of group " + view.groupId()
                + " generation " + view.generation() + ": " + reason + ". Nothing it wrote is visible.";
        log.warn(message);
        return new NotLeaderException(message, view.generation(), cause);
    }

    private void abortOrDiscard() {
        if (producer == null) {
            return;
        }
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            // A fenced producer cannot abort; the broker already aborted, or will on the next claim.
            log.debug("Abort failed ({}); discarding the producer", e.toString());
            discardProducer();
        }
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (KafkaException e) {
                log.debug("Closing a discarded leader producer failed: {}", e.toString());
            }
            producer = null;
            claimedTerm = KnownPlan.NO_GENERATION;
        }
    }

    private String transactionalId(MembershipView view) {
        return transactionalId.orElse("ferry-leader-" + view.groupId());
    }

    private Map<String, Object> producerConfig(MembershipView view, String id) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "ferry-leader-" + view.groupId() + "-" + view.self().id());
        return config;
    }

    /** Hands the body a sender that works only while the body runs. */
    private final class ScopedSender implements TransactionSender<K, V> {
        private volatile boolean active = true;

        @Override
        public CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record) {
            if (!active) {
                throw new IllegalStateException("the transaction this sender belongs to has ended");
            }
            CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
            try {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        acked.completeExceptionally(error);
                    } else {
                        acked.complete(metadata);
                    }
                });
            } catch (RuntimeException e) {
                acked.completeExceptionally(e);
            }
            return acked;
        }
    }

    /** Builder for {@link LeaderFencedProducer}. */
    public static final class Builder<K, V> {
        private final Serializer<K> keys;
        private final Serializer<V> values;
        private final Map<String, Object> clientConfig = new HashMap<>();
        private Optional<String> transactionalId = Optional.empty();

        private Builder(Serializer<K> keys, Serializer<V> values) {
            this.keys = Objects.requireNonNull(keys, "keys");
            this.values = Objects.requireNonNull(values, "values");
        }

        /**
         * Settings of the producer: {@code bootstrap.servers}, security, and optionally
         * {@code transaction.timeout.ms} (how long an abandoned transaction holds back
         * {@code read_committed} readers when no new leader claims) and {@code max.block.ms}.
         */
        public Builder<K, V> clientConfig(Map<String, ?> config) {
            clientConfig.putAll(config);
            return this;
        }

        /**
         * The transactional id of the leader role; default {@code ferry-leader-<group id>}. Every
         * member of the group must use the same one, and nothing else may.
         */
        public Builder<K, V> transactionalId(String id) {
            this.transactionalId = Optional.of(id);
            return this;
        }

        public LeaderFencedProducer<K, V> build() {
            if (!clientConfig.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new IllegalStateException("a leader producer needs bootstrap.servers in its client config");
            }
            return new LeaderFencedProducer<>(this);
        }
    }
}
