package io.ferry.connect.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.ferry.connect.herder.NotLeaderException;
import io.javalin.http.Context;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request that needs the cluster's leader on to it, as Apache Kafka Connect's workers do,
 * and answers with the leader's answer. The forwarded request carries {@code forward=false}: a
 * worker that receives it and is not the leader either (the leadership moved meanwhile) answers
 * 409 instead of forwarding again, so a request never travels in circles. The caller's {@code
 * Authorization} header goes with the request, so that a leader secured by a REST extension (basic
 * authentication) accepts what this worker accepted.
 */
final class LeaderForwarding {
    private static final Logger log = LoggerFactory.getLogger(LeaderForwarding.class);
    static final String FORWARD = "forward";
    static final String CONFLICT = "Cannot complete request because of a conflicting operation (e.g. worker rebalance)";

    private final WorkerHttpClient client;
    private final Duration timeout;
    private final Runnable catchUp;

    /**
     * @param catchUp run after the leader answered, so that this worker's next reads see the change
     */
    LeaderForwarding(WorkerHttpClient client, Duration timeout, Runnable catchUp) {
        this.client = client;
        this.timeout = timeout;
        this.catchUp = catchUp;
    }

    void forward(Context ctx, NotLeaderException notLeader) {
        if ("false".equals(ctx.queryParam(FORWARD))) {
            Replies.error(ctx, 409, CONFLICT);
            return;
        }
        URI target = target(notLeader.leaderUrl(), ctx);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .method(ctx.method().name(), HttpRequest.BodyPublishers.ofByteArray(ctx.bodyAsBytes()));
        String contentType = ctx.header("Content-Type");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json");
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpClient http;
        try {
            http = client.forUrl(target);
        } catch (ConfigException e) {
            // Thrown from an exception handler it would reach the client as a bare "Server Error".
            log.error("Could not forward {} {} to the leader at {}: {}", ctx.method(), ctx.path(), target, e.getMessage());
            Replies.error(ctx, 500, "Cannot forward the request to the leader at " + notLeader.leaderUrl() + ": " + e.getMessage());
            return;
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            log.debug("Forwarded {} {} to the leader at {}: {}", ctx.method(), ctx.path(), target, answer.statusCode());
            if (answer.statusCode() / 100 == 2) {
                catchUp.run();
            }
            ctx.status(answer.statusCode());
            answer.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
            answer.headers().firstValue("Location").ifPresent(location -> ctx.header("Location", location));
            ctx.result(answer.body());
        } catch (IOException e) {
            log.warn("Could not forward {} {} to the leader at {}: {}", ctx.method(), ctx.path(), target, e.toString());
            Replies.error(ctx, 409, "Cannot complete request because the leader at " + notLeader.leaderUrl()
                    + " could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Replies.error(ctx, 500, "Request interrupted");
        }
    }

    private static URI target(String leaderUrl, Context ctx) {
        String base = leaderUrl.endsWith("/") ? leaderUrl.substring(0, leaderUrl.length() - 1) : leaderUrl;
        String query = ctx.queryString();
        String forward = FORWARD + "=false";
        return URI.create(base + ctx.req().getRequestURI() + "?" + (query == null || query.isEmpty() ? forward : query + "&" + forward));
    }
}
