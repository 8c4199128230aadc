package io.ferry.kafka.support.membership;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.ferry.kafka.support.admin.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a Kafka consumer group used for coordination: members announce
 * {@link MemberMetadata} when they join, one of them computes a plan with the
 * {@link MembershipPlanner}, and every member receives it as a {@link MembershipView}. Kafka's
 * group coordinator decides who is a member (joins, leaves, missed heartbeats); Ferry adds
 * nothing to that.
 *
 * <p>Lifecycle: {@link #start} makes sure the coordination topic exists and starts joining,
 * without waiting for the first plan ({@link #awaitView} waits). {@link #close} leaves the group,
 * so the others plan again at once instead of waiting a session timeout. A member is started once.
 *
 * <p>Threading: one poll thread ({@code ferry-member-<group>-<id>}) owns the Kafka consumer and
 * runs the planner; one event thread ({@code ferry-member-events-<group>-<id>}) tells listeners.
 * Every public method is safe to call from any thread.
 */
public final class GroupMember implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupMember.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final long ERROR_BACKOFF_MS = 1000;

    private enum State { NEW, STARTED, CLOSED }

    private final MembershipSettings settings;
    private final GenerationPlanner planner;
    private final TopicPartition coordinationPartition;
    private final ViewPublisher publisher;
    private final ConcurrentLinkedQueue<Consumer<KafkaConsumer<byte[], byte[]>>> requests = new ConcurrentLinkedQueue<>();

    private volatile byte[] payload;
    private volatile boolean stopping;
    private volatile GroupMembershipOperation closeOperation = GroupMembershipOperation.LEAVE_GROUP;
    private State state = State.NEW;
    /** Used on the poll thread only, except {@code wakeup()}. */
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread pollThread;
    /** The plan this member last received; read and written on the poll thread only. */
    private KnownPlan knownPlan = KnownPlan.NONE;
    /** Guards {@link #appliedGeneration}; the poll thread waits on it ({@link MembershipSettings#rejoinOnceApplied()}). */
    private final Object applied = new Object();
    private int appliedGeneration = KnownPlan.NO_GENERATION;
    /** When the last plan ({@link #knownPlan}) was received; poll thread only. */
    private long receivedAtNanos;

    /**
     * @param settings how to join
     * @param planner  computes plans when Kafka picks this member to do so; every member of a
     *                 group must use the same planner
     */
    public GroupMember(MembershipSettings settings, MembershipPlanner planner) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.planner = new GenerationPlanner(settings.groupId(), Objects.requireNonNull(planner, "planner"));
        this.coordinationPartition = new TopicPartition(settings.coordinationTopic(), 0);
        this.payload = settings.payload();
        this.publisher = new ViewPublisher(MembershipView.notMember(settings.groupId(), settings.identity(), coordinationPartition),
                "ferry-member-events-" + settings.groupId() + "-" + settings.identity().id());
    }

    /** This member's identity. */
    public MemberIdentity identity() {
        return settings.identity();
    }

    /** The group's id. */
    public String groupId() {
        return settings.groupId();
    }

    /**
     * Makes sure the coordination topic exists (creating it with one partition when missing) and
     * starts joining the group. Returns without waiting for a plan.
     *
     * @param timeout how long to wait for the cluster while checking the topic
     * @throws io.ferry.kafka.support.admin.TopicSetupException when the topic is missing and cannot be created
     * @throws IllegalStateException when started before, or closed
     */
    public synchronized void start(Duration timeout) {
        if (state != State.NEW) {
            throw new IllegalStateException("member " + identity().id() + " of group " + groupId() + " was already " + state.name().toLowerCase());
        }
        Map<String, Object> adminConfig = new HashMap<>(settings.clientConfig());
        adminConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId() + "-admin");
        try (Admin admin = Admin.create(adminConfig)) {
            new TopicProvisioner(admin, timeout).ensureExists(settings.coordinationTopic(),
                    "the coordination of group " + groupId(), settings.coordinationTopicReplication());
        }
        consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        state = State.STARTED;
        pollThread = new Thread(this::run, "ferry-member-" + groupId() + "-" + identity().id());
        pollThread.setDaemon(true);
        pollThread.start();
        log.info("Member {} of group {} started (eligible: {}, priority {}), coordinating through {}", identity(), groupId(),
                settings.eligible(), settings.priority(), coordinationPartition);
    }

    /** This member's current view; never null, and never blocks. */
    public MembershipView view() {
        return publisher.current();
    }

    /**
     * Waits until this member's view satisfies the condition, and returns that view. Views that
     * came and went meanwhile may not be tested; the condition runs on the calling thread.
     *
     * @throws TimeoutException     when no view satisfied it in time; the message shows the last view
     * @throws InterruptedException when the calling thread was interrupted
     */
    public MembershipView awaitView(Predicate<? super MembershipView> condition, Duration timeout)
            throws InterruptedException, TimeoutException {
        return publisher.await(Objects.requireNonNull(condition, "condition"), timeout);
    }

    /**
     * Adds a listener, which is first told of the current view, then of every later view until it
     * is removed or the member is closed (the last view it hears of is one without membership).
     * See {@link MembershipListener} for its thread.
     */
    public void addListener(MembershipListener listener) {
        publisher.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling the listener; views already queued for it may still arrive. */
    public void removeListener(MembershipListener listener) {
        publisher.removeListener(listener);
    }

    /**
     * Announces a new application payload: the member joins again with it, which starts a
     * rebalance of the whole group. Returns at once.
     */
    public void updatePayload(byte[] newPayload) {
        this.payload = newPayload.clone();
        request(member -> member.enforceRebalance("the application payload of " + identity().id() + " changed"));
    }

    /**
     * Tells the member that the application applied the plan of the given generation (and every
     * earlier one): with {@link MembershipSettings#rejoinOnceApplied()}, the member takes part in
     * the next rebalance only from then on. Returns at once; any thread.
     */
    public void planApplied(int generation) {
        synchronized (applied) {
            if (generation > appliedGeneration) {
                appliedGeneration = generation;
                applied.notifyAll();
            }
        }
    }

    /**
     * Leaves the group and stops. The others plan without this member as soon as the coordinator
     * hears of the leave. Idempotent; blocks up to about 10 s when the cluster does not answer.
     * May be called from a listener; listeners then hear of no later view.
     */
    @Override
    public void close() {
        close(GroupMembershipOperation.LEAVE_GROUP);
    }

    /**
     * Stops, telling the coordinator or not. {@link GroupMembershipOperation#REMAIN_IN_GROUP} stops
     * heartbeats without leaving, as a crashed process would: the others plan again only once the
     * session timed out.
     */
    synchronized void close(GroupMembershipOperation operation) {
        if (state == State.CLOSED) {
            return;
        }
        boolean started = state == State.STARTED;
        state = State.CLOSED;
        if (started) {
            closeOperation = operation;
            stopping = true;
            synchronized (applied) {
                applied.notifyAll();
            }
            consumer.wakeup();
            joinPollThread();
        }
        publisher.publish(MembershipView.notMember(groupId(), identity(), coordinationPartition));
        publisher.close();
    }

    /** Runs a task on the poll thread before its next poll (for tests that must stall it). */
    void runOnPollThread(Runnable task) {
        request(ignored -> task.run());
    }

    private void request(Consumer<KafkaConsumer<byte[], byte[]>> task) {
        requests.add(task);
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void joinPollThread() {
        try {
            pollThread.join(CLOSE_TIMEOUT.plusSeconds(5).toMillis());
            if (pollThread.isAlive()) {
                log.warn("The poll thread of member {} of group {} did not stop; interrupting it", identity().id(), groupId());
                pollThread.interrupt();
                pollThread.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(settings.coordinationTopic()), new RebalanceListener());
            while (!stopping) {
                try {
                    awaitPlanApplied();
                    runRequests();
                    consumer.poll(POLL_TIMEOUT);
                } catch (WakeupException e) {
                    // A request or close(); the loop looks at both.
                } catch (InterruptException | InterruptedException e) {
                    if (!stopping) {
                        log.warn("The poll thread of member {} of group {} was interrupted; stopping", identity().id(), groupId());
                    }
                    break;
                } catch (KafkaException e) {
                    log.warn("Member {} of group {}: polling failed, retrying in {} ms: {}", identity().id(), groupId(),
                            ERROR_BACKOFF_MS, e.getMessage());
                    pause();
                }
            }
        } catch (RuntimeException | Error e) {
            log.error("The poll thread of member {} of group {} stopped on an unexpected error", identity().id(), groupId(), e);
        } finally {
            Thread.interrupted(); // a consumer closed in an interrupted thread throws instead of leaving
            closeConsumer();
        }
    }

    /**
     * With {@link MembershipSettings#rejoinOnceApplied()}: no poll, hence no join of a next rebalance, until the
     * application applied the plan it received. Otherwise this member would announce a plan whose work it may
     * still be stopping, and the group could hand that work to another member while it still runs here.
     * Heartbeats go on meanwhile; the wait is bounded by half the rebalance timeout, well before Kafka
     * would drop a member that does not poll.
     */
    private void awaitPlanApplied() throws InterruptedException {
        if (!settings.rejoinOnceApplied()) {
            return;
        }
        int receivedGeneration = knownPlan.generation();
        long deadline = receivedAtNanos + settings.rebalanceTimeout().toNanos() / 2;
        synchronized (applied) {
            while (!stopping && appliedGeneration < receivedGeneration) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("Member {} of group {}: the plan of generation {} was not applied within {} ms; joining again anyway",
                            identity().id(), groupId(), receivedGeneration, settings.rebalanceTimeout().toMillis() / 2);
                    appliedGeneration = receivedGeneration;
                    return;
                }
                applied.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    private void runRequests() {
        Consumer<KafkaConsumer<byte[], byte[]>> task;
        while ((task = requests.poll()) != null) {
            task.accept(consumer);
        }
    }

    private void closeConsumer() {
        GroupMembershipOperation operation = closeOperation;
        try {
            consumer.close(CloseOptions.groupMembershipOperation(operation).withTimeout(CLOSE_TIMEOUT));
            log.info("Member {} {} group {}", identity().id(),
                    operation == GroupMembershipOperation.REMAIN_IN_GROUP ? "stopped without leaving" : "left", groupId());
        } catch (RuntimeException e) {
            log.warn("Member {} of group {} did not close cleanly: {}", identity().id(), groupId(), e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(ERROR_BACKOFF_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private String clientId() {
        return "ferry-member-" + groupId() + "-" + identity().id();
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(settings.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId());
        // The classic protocol: the new one (KIP-848) assigns on the broker and refuses client-side assignors.
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, GroupProtocol.CLASSIC.name().toLowerCase());
        // Dynamic membership: a member that stops is replaced by a fresh join, never impersonated.
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(MembershipAssignor.class.getName()));
        config.put(MembershipAssignor.HOST_CONFIG, new AssignorHost());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.heartbeatInterval().toMillis());
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.rebalanceTimeout().toMillis());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId());
        return config;
    }

    /** The assignor's view of this member; every call comes on the poll thread. */
    private final class AssignorHost implements MembershipAssignor.Host {
        @Override
        public MemberMetadata announcement() {
            return new MemberMetadata(identity(), settings.eligible(), settings.priority(), knownPlan, payload);
        }

        @Override
        public GenerationPlanner planner() {
            return planner;
        }

        @Override
        public TopicPartition coordinationPartition() {
            return coordinationPartition;
        }

        @Override
        public void onPlan(PlanForMember plan, ConsumerGroupMetadata metadata, boolean ownsCoordinationPartition) {
            MembershipView view = MembershipView.planned(publisher.current(), plan, metadata, ownsCoordinationPartition);
            knownPlan = new KnownPlan(metadata.generationId(), plan.leaderId(), plan.assignment());
            receivedAtNanos = System.nanoTime();
            if (!view.isMember()) {
                log.warn("Member {} is not in the plan of group {} generation {}: its announcement could not be read, or another member"
                        + " announced the same id", identity().id(), groupId(), view.generation());
            }
            log.info("Member {}: {}", identity().id(), view);
            publisher.publish(view);
        }

        @Override
        public void onUnreadablePlan(MembershipProtocolException problem, ConsumerGroupMetadata metadata) {
            log.error("Member {} of group {} cannot read the plan of generation {}, and takes no part in it: {}", identity().id(),
                    groupId(), metadata.generationId(), problem.getMessage());
            publisher.publish(MembershipView.notMember(groupId(), identity(), coordinationPartition));
        }
    }

    /** Keeps the coordination partition paused (it holds nothing to read) and notices a lost membership. */
    private final class RebalanceListener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // A rebalance starts; the current plan stays in force until the next one arrives.
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumer.pause(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Only the leader owns a partition, so only a leader hears of a lost membership here:
            // its session expired or its poll thread stalled, and the others may have elected another.
            log.warn("Member {} lost its membership of group {} (missed heartbeats or a stalled poll thread); it is not leader any more",
                    identity().id(), groupId());
            publisher.publish(MembershipView.notMember(groupId(), identity(), coordinationPartition));
        }
    }
}
