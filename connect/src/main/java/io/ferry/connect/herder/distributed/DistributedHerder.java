package io.ferry.connect.herder.distributed;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.herder.ActiveTopics;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.herder.ConfigKeyInfo;
import io.ferry.connect.herder.ConfigMasking;
import io.ferry.connect.herder.ConflictException;
import io.ferry.connect.herder.ConnectorInfo;
import io.ferry.connect.herder.ConnectorOffsets;
import io.ferry.connect.herder.ConnectorOffsetsManager;
import io.ferry.connect.herder.ConnectorStatus;
import io.ferry.connect.herder.Created;
import io.ferry.connect.herder.Herder;
import io.ferry.connect.herder.HerderRules;
import io.ferry.connect.herder.OwnerThread;
import io.ferry.connect.herder.NotLeaderException;
import io.ferry.connect.herder.OffsetsAltered;
import io.ferry.connect.herder.RestartSelection;
import io.ferry.connect.herder.ServerInfo;
import io.ferry.connect.herder.TaskConfig;
import io.ferry.connect.herder.TaskStatus;
import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.plugins.PluginDesc;
import io.ferry.connect.storage.StatusStore;
import io.ferry.connect.storage.kafka.ClusterConfigSnapshot;
import io.ferry.connect.storage.kafka.KafkaConfigStore;
import io.ferry.connect.storage.kafka.RestartRequest;
import io.ferry.connect.validation.ConnectorConfigValidator;
import io.ferry.connect.worker.Worker;
import io.ferry.connect.worker.source.ZombieFencing;
import io.ferry.kafka.support.membership.GroupMember;
import io.ferry.kafka.support.membership.LeaderFencedProducer;
import io.ferry.kafka.support.membership.MemberIdentity;
import io.ferry.kafka.support.membership.MembershipSettings;
import io.ferry.kafka.support.membership.MembershipView;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The herder of one worker of a distributed Connect cluster. Answers the REST API for the whole
 * cluster: reads from this worker's copy of the config and status topics; changes through the
 * leader, which is the one writer of the config topic ({@link NotLeaderException} sends the request
 * there). Runs what the group's plan gives this worker ({@link AssignedWork}).
 *
 * <p>Every decision is taken on one owner thread ({@code distributed-herder}): REST requests,
 * new plans of the group, and changes read from the config topic arrive there as tasks, in order.
 */
public final class DistributedHerder implements Herder, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DistributedHerder.class);

    /** Makes the config store, once the herder can give it the writer and the listener. */
    @FunctionalInterface
    public interface ConfigStoreFactory {
        KafkaConfigStore create(KafkaConfigStore.ConfigWriter writer, KafkaConfigStore.Listener listener);
    }

    /**
     * What a distributed herder is made of.
     *
     * @param generation written by the herder with each plan's generation; read by the status store
     */
    public record Settings(DistributedWorkerConfig config, URI advertisedUrl, Worker worker, StatusStore statuses,
            ConfigStoreFactory configStores, ConnectorConfigValidator validator, ServerInfo serverInfo, LeaderClient leaderClient,
            AtomicInteger generation) {
    }

    private final Settings settings;
    private final DistributedWorkerConfig config;
    private final Worker worker;
    private final StatusStore statuses;
    private final ConnectorConfigValidator validator;
    private final ConfigMasking masking;
    private final ConnectorOffsetsManager offsets;
    private final OwnerThread ownerThread;
    private final ScheduledExecutorService owner;
    private final KafkaConfigStore configs;
    private final LeaderFencedProducer<String, byte[]> leaderProducer;
    /** With exactly-once sources: what the leader fences former tasks with; null otherwise. */
    private final Admin fencingAdmin;
    private final ZombieFencing zombieFencing;
    private final AssignedWork work;
    private final GroupMember member;
    private final CompletableFuture<Void> firstPlan = new CompletableFuture<>();
    private final Map<String, ConnectorType> types = new ConcurrentHashMap<>();
    /** The latest view of the group; written on the owner thread. */
    private volatile MembershipView view;
    private volatile boolean ready;
    private volatile boolean closing;
    /** Requests that wait for the group's next plan (owner thread only). */
    private final List<Runnable> afterNextPlan = new ArrayList<>();

    public DistributedHerder(Settings settings) {
        this.settings = settings;
        this.config = settings.config();
        this.worker = settings.worker();
        this.statuses = settings.statuses();
        this.validator = settings.validator();
        this.masking = new ConfigMasking(validator::passwordKeys);
        this.offsets = new ConnectorOffsetsManager(config, worker.settings().plugins(), worker.settings().offsetStore());
        this.ownerThread = new OwnerThread("distributed-herder", worker.settings().plugins().classLoader());
        this.owner = ownerThread.executor();
        this.fencingAdmin = config.exactlyOnceSourceSupport().tasksUseTransactions() ? Admin.create(config.clientConfig()) : null;
        this.zombieFencing = fencingAdmin == null ? null
                : new ZombieFencing(fencingAdmin, worker.settings().exactlyOnce().transactionalIds(), Duration.ofSeconds(30));
        this.leaderProducer = LeaderFencedProducer.builder(new StringSerializer(), new ByteArraySerializer())
                .clientConfig(config.clientConfig())
                .build();
        this.configs = settings.configStores().create(this::writeAsLeader, new ConfigChanges());
        this.work = new AssignedWork(new AssignedWork.Parts(worker, configs::snapshot, statuses, owner, this::storeTaskConfigs,
                this::askForNewPlan));
        MemberIdentity identity = new MemberIdentity(workerId(), settings.advertisedUrl().toString());
        this.member = new GroupMember(MembershipSettings.builder(config.groupId(), identity)
                .coordinationTopic(config.getString(DistributedWorkerConfig.MEMBERSHIP_TOPIC))
                .coordinationTopicReplication(config.getShort(DistributedWorkerConfig.CONFIG_TOPIC_REPLICATION_FACTOR))
                .sessionTimeout(Duration.ofMillis(config.getInt(DistributedWorkerConfig.SESSION_TIMEOUT_MS)))
                .heartbeatInterval(Duration.ofMillis(config.getInt(DistributedWorkerConfig.HEARTBEAT_INTERVAL_MS)))
                .rebalanceTimeout(Duration.ofMillis(config.getInt(DistributedWorkerConfig.REBALANCE_TIMEOUT_MS)))
                .clientConfig(config.clientConfig())
                .payload(new byte[0])
                // Revoke-then-assign holds only if a worker announces what it runs: it stopped what a plan took away.
                .rejoinOnceApplied(true)
                .build(), new ConnectAssignmentPlanner(this::clusterWork, this::catchUpAndRejoin,
                Duration.ofMillis(config.getInt(DistributedWorkerConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS)), java.time.Clock.systemUTC()));
    }

    /** The id of this worker in the group and in statuses. */
    public String workerId() {
        return worker.workerId();
    }

    /** The listener the worker reports topic use to. */
    public io.ferry.connect.worker.task.TopicUseListener topicUseListener() {
        return work.tracker();
    }

    /**
     * Reads the config topic, joins the group and waits for the first plan; the herder is ready
     * once this returns.
     *
     * @throws ConfigException when the group refuses this worker because its settings clash
     * @throws ConnectException when no plan came within the timeout
     */
    public void start(Duration timeout) {
        worker.start();
        configs.start(timeout);
        member.updatePayload(announcement());
        member.addListener(newView -> owner.execute(() -> onView(newView)));
        member.start(timeout);
        try {
            firstPlan.get(timeout.toMillis() + config.getInt(DistributedWorkerConfig.REBALANCE_TIMEOUT_MS), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new ConnectException(e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("Worker " + workerId() + " joined no plan of group " + config.groupId() + " within "
                    + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while joining group " + config.groupId(), e);
        }
        ready = true;
        log.info("Worker {} joined Connect cluster {}", workerId(), config.groupId());
    }

    private void askForNewPlan() {
        member.updatePayload(announcement());
    }

    private byte[] announcement() {
        return new WorkerAnnouncement(configs.position(), config.getString(DistributedWorkerConfig.CONFIG_TOPIC),
                config.getString(DistributedWorkerConfig.OFFSET_TOPIC), config.getString(DistributedWorkerConfig.STATUS_TOPIC)).encode();
    }

    private ClusterWork clusterWork() {
        ClusterConfigSnapshot snapshot = configs.snapshot();
        java.util.SortedSet<TaskId> tasks = new java.util.TreeSet<>();
        for (String connector : snapshot.connectorConfigs().keySet()) {
            tasks.addAll(snapshot.taskIds(connector));
        }
        return new ClusterWork(snapshot.offset(), new java.util.TreeSet<>(snapshot.connectorConfigs().keySet()), tasks);
    }

    /** Called on the member's poll thread: reading and joining again happen elsewhere. */
    private void catchUpAndRejoin(long offset) {
        configs.readToEnd().whenCompleteAsync((position, error) -> {
            if (error != null) {
                log.warn("Could not read the config topic to its end: {}", error.toString());
            }
            member.updatePayload(announcement());
        }, owner);
    }

    // ---- the group's plans (owner thread)

    /** Applies a view of the group; only then may this worker join the next rebalance (see {@code rejoinOnceApplied}). */
    private void onView(MembershipView newView) {
        try {
            applyView(newView);
        } finally {
            member.planApplied(newView.generation());
        }
    }

    private void applyView(MembershipView newView) {
        if (closing) {
            return;
        }
        if (!newView.isMember()) {
            if (view != null && view.isMember()) {
                log.warn("Worker {} is no longer in a plan of group {}: stopping its connectors and tasks until the next plan",
                        workerId(), config.groupId());
                work.apply(ConnectAssignment.NONE);
            }
            view = newView;
            return;
        }
        ConnectAssignment assignment;
        try {
            assignment = ConnectAssignment.decode(newView.assignment());
        } catch (IllegalArgumentException e) {
            log.error("Ignoring an unreadable plan: {}", e.getMessage());
            return;
        }
        view = newView;
        settings.generation().set(newView.generation());
        if (assignment.failed()) {
            onFailedPlan(assignment);
            return;
        }
        if (newView.isLeader()) {
            claimLeadership(newView);
        }
        if (!readConfigTo(assignment.configOffset())) {
            member.updatePayload(announcement());
            return;
        }
        log.info("Generation {} of group {}: leader {}, this worker runs {}", newView.generation(), config.groupId(),
                newView.leader().map(MemberIdentity::id).orElse("(none)"), assignment);
        work.apply(assignment);
        plannedDigest = assignment.workDigest();
        if (newView.isLeader() && assignment.replanAtMs() > 0) {
            long delay = Math.max(0, assignment.replanAtMs() - System.currentTimeMillis());
            int generation = newView.generation();
            owner.schedule(() -> {
                MembershipView current = view;
                if (!closing && current != null && current.isLeader() && current.generation() == generation) {
                    log.info("The grace of departed workers is over: asking for a plan that gives out their work");
                    askForNewPlan();
                }
            }, delay, TimeUnit.MILLISECONDS);
        }
        rebalanceIfLeaderAndWorkChanged();
        firstPlan.complete(null);
        List<Runnable> waiting = new ArrayList<>(afterNextPlan);
        afterNextPlan.clear();
        waiting.forEach(Runnable::run);
    }

    private void onFailedPlan(ConnectAssignment assignment) {
        switch (assignment.error().kind()) {
            case CONFIG_BEHIND -> log.debug("The group plans again: {}", assignment.error().message());
            case SETTINGS_CLASH -> {
                String message = "Worker " + workerId() + " is refused by group " + config.groupId() + ": " + assignment.error().message();
                log.error(message);
                firstPlan.completeExceptionally(new ConfigException(message));
                work.apply(ConnectAssignment.NONE);
            }
        }
    }

    private boolean readConfigTo(long offset) {
        if (configs.position() >= offset) {
            return true;
        }
        try {
            configs.readToEnd().get(config.getInt(DistributedWorkerConfig.WORKER_SYNC_TIMEOUT_MS), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Could not read the config topic to offset {} within {}: joining again", offset,
                    DistributedWorkerConfig.WORKER_SYNC_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return configs.position() >= offset;
    }

    private void claimLeadership(MembershipView leaderView) {
        try {
            leaderProducer.claim(leaderView);
        } catch (RuntimeException e) {
            log.warn("Could not claim the leader's producer for generation {}: {}", leaderView.generation(), e.toString());
        }
    }

    /** The config writer: only the leader writes, in a transaction Kafka refuses from a former leader. */
    private long writeAsLeader(List<ProducerRecord<String, byte[]>> records) {
        MembershipView current = view;
        if (current == null || !current.isLeader()) {
            throw new RebalanceInProgressException("This worker is not the leader of the Connect cluster any more");
        }
        try {
            leaderProducer.claim(current);
            List<CompletableFuture<org.apache.kafka.clients.producer.RecordMetadata>> sent = leaderProducer.runInTransaction(current,
                    sender -> records.stream().map(sender::send).toList());
            // The transaction committed, so every send completed.
            return sent.stream().mapToLong(ack -> ack.join().offset()).max().orElse(-1);
        } catch (io.ferry.kafka.support.membership.NotLeaderException e) {
            throw new RebalanceInProgressException("The leadership of this worker ended while it wrote: " + e.getMessage());
        }
    }

    // ---- leader-only requests

    /**
     * Runs a request that needs the leader. While the group rebalances (no leader known, or this
     * leader's generation ended as it wrote), the request waits for the next plan and is tried again,
     * as Apache Kafka Connect's workers hold requests during a rebalance; it fails with 409 only when no
     * plan comes within {@code rebalance.timeout.ms}.
     */
    private <T> CompletableFuture<T> asLeader(Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.getInt(DistributedWorkerConfig.REBALANCE_TIMEOUT_MS));
        owner.execute(() -> attemptAsLeader(action, result, deadline));
        return result;
    }

    private <T> void attemptAsLeader(Callable<T> action, CompletableFuture<T> result, long deadline) {
        if (result.isDone()) {
            return;
        }
        try {
            requireLeader();
            result.complete(action.call());
        } catch (RebalanceInProgressException e) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closing) {
                result.completeExceptionally(e);
                return;
            }
            log.debug("Request waits for the group's next plan: {}", e.getMessage());
            afterNextPlan.add(() -> attemptAsLeader(action, result, deadline));
            owner.schedule(() -> result.completeExceptionally(e), left, TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
    }

    private void requireLeader() {
        MembershipView current = view;
        if (!ready || current == null || !current.isMember()) {
            throw new RebalanceInProgressException("Cannot complete request momentarily due to no known leader URL, likely because a rebalance "
                    + "was underway.");
        }
        if (!current.isLeader()) {
            String url = current.leader().map(MemberIdentity::url).orElse("");
            if (url.isEmpty()) {
                throw new RebalanceInProgressException("Cannot complete request momentarily due to no known leader URL, likely because a "
                        + "rebalance was underway.");
            }
            throw new NotLeaderException("This worker is not the leader; the request goes to " + url, url);
        }
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> submitted,
            TargetState initialState, boolean allowReplace) {
        return asLeader(() -> {
            Map<String, String> stored = snapshot().connectorConfigs().get(connector);
            if (stored != null && !allowReplace) {
                throw new AlreadyExistsException("Connector " + connector + " already exists");
            }
            Map<String, String> config = new HashMap<>(masking.unmask(submitted, stored));
            config.put(ConnectorConfig.NAME, connector);
            HerderRules.requireValid(validator.validate(config));
            boolean created = stored == null;
            configs.putConnectorConfig(connector, config, created ? (initialState == null ? TargetState.STARTED : initialState) : null);
            types.remove(connector);
            log.info("{} connector {}", created ? "Created" : "Reconfigured", connector);
            return new Created<>(created, info(connector));
        });
    }

    @Override
    public CompletableFuture<ConnectorInfo> patchConnectorConfig(String connector, Map<String, String> patch) {
        return asLeader(() -> {
            Map<String, String> merged = HerderRules.patched(requireConnector(connector), patch);
            HerderRules.requireValid(validator.validate(merged));
            configs.putConnectorConfig(connector, merged, null);
            types.remove(connector);
            return info(connector);
        });
    }

    @Override
    public CompletableFuture<Void> deleteConnector(String connector) {
        return asLeader(() -> {
            requireConnector(connector);
            configs.removeConnector(connector);
            statuses.remove(connector);
            types.remove(connector);
            log.info("Deleted connector {}", connector);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> putTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        return asLeader(() -> {
            requireConnector(connector);
            storeTaskConfigsAsLeader(connector, taskConfigs);
            return null;
        });
    }

    private void storeTaskConfigsAsLeader(String connector, List<Map<String, String>> taskConfigs) {
        ClusterConfigSnapshot current = snapshot();
        if (taskConfigs.equals(current.taskConfigs().getOrDefault(connector, List.of()))) {
            return;
        }
        boolean transactional = zombieFencing != null
                && HerderRules.typeOf(worker.settings().plugins(), current.connectorConfig(connector)) == ConnectorType.SOURCE;
        if (transactional) {
            // Tasks that keep their number fence their predecessors as they start; those beyond the new count never start
            // again, so the leader fences them before the new generation takes over (KIP-618).
            int earlier = Math.max(current.taskCount(connector), current.taskCountRecords().getOrDefault(connector, 0));
            zombieFencing.fence(connector, taskConfigs.size(), earlier);
        }
        configs.putTaskConfigs(connector, taskConfigs);
        if (transactional) {
            configs.putTaskCountRecord(connector, taskConfigs.size());
        }
        log.info("Stored {} task config(s) of connector {}", taskConfigs.size(), connector);
    }

    /**
     * The exactly-once start check: a task starts only while this worker's plan gives it the task.
     *
     * @throws ConnectException when it does not
     */
    public void requireAssigned(TaskId task) {
        work.requireAssigned(task);
    }

    /** Stores the task configs a connector of this worker generated: here when leading, else at the leader. */
    private CompletableFuture<Void> storeTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        MembershipView current = view;
        if (current != null && current.isLeader()) {
            try {
                storeTaskConfigsAsLeader(connector, taskConfigs);
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        String url = current == null ? "" : current.leader().map(MemberIdentity::url).orElse("");
        if (url.isEmpty()) {
            return CompletableFuture.failedFuture(new ConflictException("no leader is known"));
        }
        return settings.leaderClient().putTaskConfigs(url, connector, taskConfigs);
    }

    @Override
    public CompletableFuture<ConnectorStatus> restartConnector(String connector, boolean includeTasks, boolean onlyFailed) {
        return asLeader(() -> {
            requireConnector(connector);
            RestartSelection selection = RestartSelection.of(connectorStatus(connector), includeTasks, onlyFailed);
            configs.putRestartRequest(new RestartRequest(connector, onlyFailed, includeTasks));
            return selection.answer();
        });
    }

    @Override
    public CompletableFuture<Void> restartTask(TaskId task) {
        return asLeader(() -> {
            requireConnector(task.connector());
            if (task.task() >= snapshot().taskCount(task.connector())) {
                throw new NotFoundException("Task " + task + " not found");
            }
            configs.putTaskRestartRequest(task);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> pauseConnector(String connector) {
        return changeTargetState(connector, TargetState.PAUSED);
    }

    @Override
    public CompletableFuture<Void> resumeConnector(String connector) {
        return changeTargetState(connector, TargetState.STARTED);
    }

    @Override
    public CompletableFuture<Void> stopConnector(String connector) {
        return changeTargetState(connector, TargetState.STOPPED);
    }

    private CompletableFuture<Void> changeTargetState(String connector, TargetState target) {
        return asLeader(() -> {
            requireConnector(connector);
            if (target == TargetState.STOPPED) {
                // As Apache Kafka Connect does: a stopped connector has no tasks, so they are revoked everywhere.
                configs.putTaskConfigs(connector, List.of());
            }
            configs.putTargetState(connector, target);
            return null;
        });
    }

    @Override
    public CompletableFuture<OffsetsAltered> alterConnectorOffsets(String connector, ConnectorOffsets change) {
        return asLeader(() -> offsets.alter(connector, worker.resolve(requireStopped(connector)), change));
    }

    @Override
    public CompletableFuture<OffsetsAltered> resetConnectorOffsets(String connector) {
        return asLeader(() -> offsets.reset(connector, worker.resolve(requireStopped(connector))));
    }

    private Map<String, String> requireStopped(String connector) {
        Map<String, String> connectorConfig = requireConnector(connector);
        if (snapshot().targetState(connector) != TargetState.STOPPED) {
            throw HerderRules.notStopped(connector);
        }
        return connectorConfig;
    }

    // ---- reads, answered from this worker's copy

    @Override
    public void catchUp() {
        List<CompletableFuture<?>> reads = new ArrayList<>();
        reads.add(configs.readToEnd());
        if (worker.settings().offsetStore() instanceof io.ferry.connect.storage.OffsetTopic offsetTopic) {
            reads.add(offsetTopic.readToEnd());
        }
        if (statuses instanceof io.ferry.connect.storage.kafka.KafkaStatusStore kafkaStatuses) {
            reads.add(kafkaStatuses.readToEnd());
        }
        try {
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .get(config.getInt(DistributedWorkerConfig.WORKER_SYNC_TIMEOUT_MS), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Could not read the internal topics to their ends: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public ServerInfo serverInfo() {
        return settings.serverInfo();
    }

    @Override
    public CompletableFuture<List<String>> connectors() {
        return onOwner(() -> new ArrayList<>(new java.util.TreeSet<>(snapshot().connectorConfigs().keySet())));
    }

    @Override
    public CompletableFuture<ConnectorInfo> connectorInfo(String connector) {
        return onOwner(() -> info(connector));
    }

    private ConnectorInfo info(String connector) {
        Map<String, String> connectorConfig = requireConnector(connector);
        return new ConnectorInfo(connector, masking.mask(connectorConfig, connectorConfig), snapshot().taskIds(connector),
                type(connector, connectorConfig));
    }

    @Override
    public CompletableFuture<Map<String, String>> connectorConfig(String connector) {
        return onOwner(() -> {
            Map<String, String> connectorConfig = requireConnector(connector);
            return masking.mask(connectorConfig, connectorConfig);
        });
    }

    @Override
    public CompletableFuture<List<TaskConfig>> taskConfigs(String connector) {
        return onOwner(() -> {
            Map<String, String> connectorConfig = requireConnector(connector);
            List<TaskConfig> tasks = new ArrayList<>();
            List<Map<String, String>> stored = snapshot().taskConfigs().getOrDefault(connector, List.of());
            for (int i = 0; i < stored.size(); i++) {
                tasks.add(new TaskConfig(new TaskId(connector, i), masking.mask(stored.get(i), connectorConfig)));
            }
            return tasks;
        });
    }

    @Override
    public ConnectorStatus connectorStatus(String connector) {
        StateInfo state = statuses.get(connector);
        Map<String, String> connectorConfig = snapshot().connectorConfigs().get(connector);
        if (state == null || connectorConfig == null) {
            throw new NotFoundException("No status found for connector " + connector);
        }
        int taskCount = snapshot().taskCount(connector);
        List<TaskStatus> tasks = new ArrayList<>();
        statuses.tasks(connector).forEach((task, taskState) -> {
            if (task < taskCount) {
                tasks.add(new TaskStatus(task, taskState));
            }
        });
        return new ConnectorStatus(connector, state, tasks, type(connector, connectorConfig));
    }

    @Override
    public TaskStatus taskStatus(TaskId task) {
        StateInfo state = statuses.get(task);
        if (state == null || task.task() >= snapshot().taskCount(task.connector())) {
            throw new NotFoundException("No status found for task " + task);
        }
        return new TaskStatus(task.task(), state);
    }

    @Override
    public ActiveTopics activeTopics(String connector) {
        requireConnector(connector);
        return new ActiveTopics(connector, statuses.topics(connector));
    }

    @Override
    public void resetActiveTopics(String connector) {
        requireConnector(connector);
        statuses.resetTopics(connector);
    }

    @Override
    public CompletableFuture<ConnectorOffsets> connectorOffsets(String connector) {
        return onOwner(() -> offsets.offsets(connector, worker.resolve(requireConnector(connector))));
    }

    @Override
    public ConfigInfos validateConnectorConfig(Map<String, String> connectorConfig) {
        return validator.validate(connectorConfig);
    }

    @Override
    public List<PluginDesc> plugins(boolean connectorsOnly) {
        return HerderRules.plugins(worker.settings().plugins(), connectorsOnly);
    }

    @Override
    public List<ConfigKeyInfo> pluginConfig(String classOrAlias, String version) {
        return validator.pluginConfig(classOrAlias, version);
    }

    private ClusterConfigSnapshot snapshot() {
        return configs.snapshot();
    }

    private Map<String, String> requireConnector(String connector) {
        Map<String, String> connectorConfig = snapshot().connectorConfigs().get(connector);
        if (connectorConfig == null) {
            throw new NotFoundException("Connector " + connector + " not found");
        }
        return connectorConfig;
    }

    private ConnectorType type(String connector, Map<String, String> connectorConfig) {
        return types.computeIfAbsent(connector, name -> HerderRules.typeOf(worker.settings().plugins(), connectorConfig));
    }

    // ---- changes read from the config topic (tailer thread → owner thread)

    /** Hands every change to the owner thread, where {@link AssignedWork} and the leader act on it. */
    private final class ConfigChanges implements KafkaConfigStore.Listener {
        @Override
        public void onConnectorConfigUpdate(String connector) {
            owner.execute(() -> {
                types.remove(connector);
                work.connectorConfigChanged(connector);
                rebalanceIfLeaderAndWorkChanged();
            });
        }

        @Override
        public void onConnectorConfigRemove(String connector) {
            owner.execute(() -> {
                types.remove(connector);
                work.connectorRemoved(connector);
                rebalanceIfLeaderAndWorkChanged();
            });
        }

        @Override
        public void onTargetStateChange(String connector) {
            owner.execute(() -> work.targetStateChanged(connector));
        }

        @Override
        public void onTaskConfigUpdate(String connector) {
            owner.execute(() -> {
                work.taskConfigsChanged(connector);
                rebalanceIfLeaderAndWorkChanged();
            });
        }

        @Override
        public void onRestartRequest(RestartRequest request) {
            owner.execute(() -> work.restart(request));
        }

        @Override
        public void onTaskRestartRequest(TaskId task) {
            owner.execute(() -> work.restartTask(task));
        }
    }

    /** The digest of the work the latest plan shared out; written on the owner thread. */
    private long plannedDigest;

    /** On the leader: when the connectors or tasks differ from those the latest plan shared out, asks for a new plan. */
    private void rebalanceIfLeaderAndWorkChanged() {
        MembershipView current = view;
        if (current == null || !current.isLeader() || closing) {
            return;
        }
        long digest = clusterWork().digest();
        if (digest == plannedDigest) {
            return;
        }
        log.info("The connectors or tasks of the cluster changed: asking the group for a new plan");
        plannedDigest = digest;
        member.updatePayload(announcement());
    }

    // ---- the owner thread

    private <T> CompletableFuture<T> onOwner(Callable<T> action) {
        return ownerThread.call(action);
    }

    /** Leaves the group (so the others take over at once), stops every connector and task, closes the stores. */
    @Override
    public void close() {
        ready = false;
        closing = true;
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> work.apply(ConnectAssignment.NONE), owner);
        try {
            stopped.get(config.getLong(DistributedWorkerConfig.TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS) + 30_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("The connectors and tasks of worker {} did not stop cleanly", workerId(), e);
        }
        member.close();
        worker.close();
        closeQuietly(configs);
        closeQuietly(leaderProducer);
        if (fencingAdmin != null) {
            closeQuietly(fencingAdmin);
        }
        owner.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Could not close {}", closeable, e);
        }
    }
}
