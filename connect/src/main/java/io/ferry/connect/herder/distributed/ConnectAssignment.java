package io.ferry.connect.herder.distributed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.connect.model.TaskId;

/**
 * What one worker is given in one generation of the group: the connectors and tasks it runs, the
 * config topic offset the plan was made at (the worker reads at least that far before it starts
 * anything), whether it must join again once it stopped what was taken from it (the second round
 * of a move), and, instead of work, an error that keeps it from taking part.
 *
 * @param configOffset the position in the config topic the plan was computed from
 * @param workDigest   {@link ClusterWork#digest()} of the work the plan shares out
 * @param connectors   the connectors this worker runs
 * @param tasks        the tasks this worker runs
 * @param rejoin       whether work was taken from this worker to be given to another: join again once it stopped
 * @param replanAtMs   when work of a departed worker, held back for {@code scheduled.rebalance.max.delay.ms},
 *                     is to be given out: the leader asks for a new plan then (epoch ms; 0 when nothing is held)
 * @param error        why this worker gets nothing; null when it takes part
 */
public record ConnectAssignment(long configOffset, long workDigest, SortedSet<String> connectors, SortedSet<TaskId> tasks, boolean rejoin,
        long replanAtMs, Error error) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int VERSION = 1;

    /** Why a worker gets no work in a plan. */
    public record Error(Kind kind, String message) {
    }

    /** The kinds of {@link Error}. */
    public enum Kind {
        /** The worker that computed the plan had not read the config topic as far as some other worker: plan again. */
        CONFIG_BEHIND,
        /** The worker's settings clash with the group's: it must not take part. */
        SETTINGS_CLASH
    }

    public static final ConnectAssignment NONE = new ConnectAssignment(-1, 0, new TreeSet<>(), new TreeSet<>(), false, 0, null);

    public ConnectAssignment {
        connectors = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(connectors));
        tasks = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tasks));
    }

    static ConnectAssignment failed(long configOffset, Kind kind, String message) {
        return new ConnectAssignment(configOffset, 0, new TreeSet<>(), new TreeSet<>(), false, 0, new Error(kind, message));
    }

    public boolean failed() {
        return error != null;
    }

    byte[] encode() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("version", VERSION);
        node.put("config_offset", configOffset);
        node.put("work_digest", workDigest);
        ArrayNode connectorList = node.putArray("connectors");
        connectors.forEach(connectorList::add);
        ArrayNode taskList = node.putArray("tasks");
        for (TaskId task : tasks) {
            taskList.addObject().put("connector", task.connector()).put("task", task.task());
        }
        node.put("rejoin", rejoin);
        if (replanAtMs > 0) {
            node.put("replan_at_ms", replanAtMs);
        }
        if (error != null) {
            node.putObject("error").put("kind", error.kind().name()).put("message", error.message());
        }
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an assignment", e);
        }
    }

    /** @return {@link #NONE} for empty bytes (a worker without a plan yet) */
    static ConnectAssignment decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return NONE;
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            SortedSet<String> connectors = new TreeSet<>();
            node.path("connectors").forEach(c -> connectors.add(c.asText()));
            SortedSet<TaskId> tasks = new TreeSet<>();
            node.path("tasks").forEach(t -> tasks.add(new TaskId(t.path("connector").asText(), t.path("task").asInt())));
            JsonNode error = node.path("error");
            Error failure = error.isObject() ? new Error(Kind.valueOf(error.path("kind").asText()), error.path("message").asText()) : null;
            return new ConnectAssignment(node.path("config_offset").asLong(-1), node.path("work_digest").asLong(), connectors, tasks, node.path("rejoin").asBoolean(),
                    node.path("replan_at_ms").asLong(0), failure);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a Connect assignment: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        if (error != null) {
            return error.kind() + ": " + error.message();
        }
        List<String> parts = new ArrayList<>();
        parts.add("connectors " + connectors);
        parts.add("tasks " + tasks);
        return "at config offset " + configOffset + ": " + String.join(", ", parts) + (rejoin ? ", rejoin after revoking" : "")
                + (replanAtMs > 0 ? ", held work given out at " + java.time.Instant.ofEpochMilli(replanAtMs) : "");
    }
}
