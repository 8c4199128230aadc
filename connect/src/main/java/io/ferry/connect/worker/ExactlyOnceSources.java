package io.ferry.connect.worker;

import java.util.Objects;
import java.util.function.Function;

import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.model.TaskId;

/**
 * Whether this worker runs source tasks with exactly-once delivery (KIP-618), and the
 * transactional id each task's producer gets. With it on, the worker's offset store must be an
 * {@link io.ferry.connect.storage.OffsetTopic}: tasks write their offsets into that topic in their
 * transactions.
 *
 * @param enabled          whether source tasks use transactions
 * @param transactionalIds a task's transactional id; must be the same for the task on every worker of the cluster
 * @param startCheck       asked just before and just after a task's producer fences its predecessors
 *                         ({@code initTransactions()}): whether the task may still start here
 */
public record ExactlyOnceSources(boolean enabled, Function<TaskId, String> transactionalIds, StartCheck startCheck) {

    /**
     * Whether a task may still start: the herder's view of its generation and assignment. A task that
     * starts late, after a newer generation of its connector's tasks, would otherwise fence out the
     * current instance with its {@code initTransactions()}.
     */
    @FunctionalInterface
    public interface StartCheck {
        /**
         * Returns when the task may start; called on the task's thread.
         *
         * @throws org.apache.kafka.connect.errors.ConnectException saying why it may not: the task fails with it
         */
        void verify(TaskId id);
    }

    public ExactlyOnceSources {
        Objects.requireNonNull(transactionalIds, "transactionalIds");
        Objects.requireNonNull(startCheck, "startCheck");
    }

    /** Without a start check: every task the herder starts may fence its predecessors. */
    public ExactlyOnceSources(boolean enabled, Function<TaskId, String> transactionalIds) {
        this(enabled, transactionalIds, id -> { });
    }

    /** The same, with the herder's check of whether a task may still start. */
    public ExactlyOnceSources withStartCheck(StartCheck check) {
        return new ExactlyOnceSources(enabled, transactionalIds, check);
    }

    /** Source tasks commit offsets periodically, without transactions (standalone workers; the default). */
    public static ExactlyOnceSources disabled() {
        return new ExactlyOnceSources(false, id -> {
            throw new IllegalStateException("exactly-once delivery is off: task " + id + " has no transactional id");
        });
    }

    /**
     * As the distributed worker's {@code exactly.once.source.support} says (only {@code enabled}
     * turns transactions on), with Apache Kafka Connect's transactional ids
     * ({@code <group.id>-<connector>-<task>}), so tasks keep fencing across a move between the runtimes.
     */
    public static ExactlyOnceSources from(DistributedWorkerConfig config) {
        return new ExactlyOnceSources(config.exactlyOnceSourceSupport().tasksUseTransactions(),
                id -> config.taskTransactionalId(id.connector(), id.task()));
    }

    public String transactionalId(TaskId id) {
        return transactionalIds.apply(id);
    }
}
