package io.ferry.connect.worker.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.ferry.connect.model.TaskId;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FenceProducersOptions;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fences the producers of an exactly-once source connector's earlier tasks ("zombies"), as the
 * leader must before new task configs of the connector take effect (KIP-618): each transactional id
 * the tasks {@code 0..n-1} used gets a new epoch, so a task instance still running somewhere with
 * an older one can neither write nor commit again, and its open transaction is aborted.
 *
 * <p>{@code n} is the number of tasks the connector had in any generation whose tasks may still
 * run — the most tasks it had since it was last fenced. Blocks; thread-safe; the {@link Admin} is
 * the caller's.
 */
public final class ZombieFencing {
    private static final Logger log = LoggerFactory.getLogger(ZombieFencing.class);

    private final Admin admin;
    private final Function<TaskId, String> transactionalIds;
    private final Duration timeout;

    /**
     * @param transactionalIds the transactional id of a task, as its producer has it
     *                         ({@link io.ferry.connect.worker.ExactlyOnceSources#transactionalIds()})
     */
    public ZombieFencing(Admin admin, Function<TaskId, String> transactionalIds, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.transactionalIds = Objects.requireNonNull(transactionalIds, "transactionalIds");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The transactional ids of tasks {@code 0..taskCount-1} of the connector. */
    public List<String> transactionalIds(String connector, int taskCount) {
        List<String> ids = new ArrayList<>();
        for (int task = 0; task < taskCount; task++) {
            ids.add(transactionalIds.apply(new TaskId(connector, task)));
        }
        return ids;
    }

    /**
     * Fences the producers of tasks {@code 0..taskCount-1} and returns once every one is fenced.
     *
     * @throws ConnectException naming the connector when a producer could not be fenced in time
     */
    public void fence(String connector, int taskCount) {
        fence(connector, 0, taskCount);
    }

    /**
     * Fences the producers of tasks {@code fromTask..toTask-1} only: those of a generation that will not
     * start again (the tasks below {@code fromTask} fence their own predecessors when they start).
     *
     * @throws ConnectException naming the connector when a producer could not be fenced in time
     */
    public void fence(String connector, int fromTask, int toTask) {
        if (toTask <= fromTask) {
            return;
        }
        List<String> ids = transactionalIds(connector, toTask).subList(fromTask, toTask);
        int taskCount = ids.size();
        try {
            admin.fenceProducers(ids, new FenceProducersOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Fenced out the producers of {} earlier tasks of connector {}", taskCount, connector);
        } catch (ExecutionException e) {
            throw new ConnectException("Could not fence out the earlier tasks of connector " + connector + " (transactional ids "
                    + ids + "): " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("Could not fence out the earlier tasks of connector " + connector + " within "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while fencing out the earlier tasks of connector " + connector, e);
        }
    }
}
