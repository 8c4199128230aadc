package io.ferry.connect.rest;

import io.ferry.connect.herder.ConnectorStatus;
import io.ferry.connect.herder.Herder;
import io.ferry.connect.model.TaskId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.apache.kafka.connect.errors.NotFoundException;

import static io.ferry.connect.rest.ConnectorRoutes.CONNECTOR;
import static io.ferry.connect.rest.ConnectorRoutes.name;

/**
 * A connector's state and what changes it: status, restart, pause, resume, stop, its tasks'
 * statuses and restarts, and the topics it used.
 */
final class ConnectorControlRoutes {
    private static final String TASK = CONNECTOR + "/tasks/{task}";

    private final Herder herder;
    private final Completion completion;
    private final boolean topicTracking;
    private final boolean topicTrackingReset;

    ConnectorControlRoutes(Herder herder, Completion completion, boolean topicTracking, boolean topicTrackingReset) {
        this.herder = herder;
        this.completion = completion;
        this.topicTracking = topicTracking;
        this.topicTrackingReset = topicTrackingReset;
    }

    void register(RoutesConfig routes) {
        routes.get(CONNECTOR + "/status", ctx -> Replies.json(ctx, ConnectorJson.status(herder.connectorStatus(name(ctx)))));
        routes.post(CONNECTOR + "/restart", this::restart);
        routes.put(CONNECTOR + "/pause", ctx -> {
            completion.await(herder.pauseConnector(name(ctx)));
            Replies.empty(ctx, 202);
        });
        routes.put(CONNECTOR + "/resume", ctx -> {
            completion.await(herder.resumeConnector(name(ctx)));
            Replies.empty(ctx, 202);
        });
        routes.put(CONNECTOR + "/stop", ctx -> {
            completion.await(herder.stopConnector(name(ctx)));
            Replies.empty(ctx, 204);
        });
        routes.get(TASK + "/status", ctx -> Replies.json(ctx, ConnectorJson.taskStatus(herder.taskStatus(task(ctx)))));
        routes.post(TASK + "/restart", ctx -> {
            completion.await(herder.restartTask(task(ctx)));
            Replies.empty(ctx, 204);
        });
        routes.get(CONNECTOR + "/topics", ctx -> {
            requireTracking(false);
            Replies.json(ctx, ConnectorJson.activeTopics(herder.activeTopics(name(ctx))));
        });
        routes.put(CONNECTOR + "/topics/reset", ctx -> {
            requireTracking(true);
            herder.resetActiveTopics(name(ctx));
            Replies.empty(ctx, 202);
        });
    }

    /**
     * Without {@code includeTasks} or {@code onlyFailed}: the connector alone, 204. Otherwise 202 with
     * the status, the instances being restarted shown as RESTARTING.
     */
    private void restart(Context ctx) {
        boolean includeTasks = Boolean.parseBoolean(ctx.queryParam("includeTasks"));
        boolean onlyFailed = Boolean.parseBoolean(ctx.queryParam("onlyFailed"));
        ConnectorStatus status = completion.await(herder.restartConnector(name(ctx), includeTasks, onlyFailed));
        if (!includeTasks && !onlyFailed) {
            Replies.empty(ctx, 204);
        } else {
            Replies.json(ctx, 202, ConnectorJson.status(status));
        }
    }

    /** The task in the path; a task number that is no number does not match the route (404). */
    private static TaskId task(Context ctx) {
        String connector = name(ctx);
        int task;
        try {
            task = Integer.parseInt(ctx.pathParam("task"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        if (task < 0) {
            throw new NotFoundException("No status found for task " + connector + "-" + task);
        }
        return new TaskId(connector, task);
    }

    private void requireTracking(boolean reset) {
        if (!topicTracking) {
            throw new RestException(403, "Topic tracking is disabled.");
        }
        if (reset && !topicTrackingReset) {
            throw new RestException(403, "Topic tracking reset is disabled.");
        }
    }
}
