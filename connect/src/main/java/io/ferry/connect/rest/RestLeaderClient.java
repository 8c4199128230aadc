package io.ferry.connect.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.ferry.connect.herder.distributed.LeaderClient;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Sends task configs to the leader's {@code POST /connectors/{name}/tasks}, marked
 * {@code forward=false} so that a worker that is no longer the leader refuses instead of passing
 * them on.
 */
public final class RestLeaderClient implements LeaderClient {
    private final WorkerHttpClient client;
    private final Duration timeout;

    public RestLeaderClient(WorkerHttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<Void> putTaskConfigs(String leaderUrl, String connector, List<Map<String, String>> taskConfigs) {
        byte[] body;
        try {
            body = ConnectorJson.MAPPER.writeValueAsBytes(taskConfigs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = leaderUrl.endsWith("/") ? leaderUrl.substring(0, leaderUrl.length() - 1) : leaderUrl;
        URI target = URI.create(base + "/connectors/" + Replies.encodePath(connector) + "/tasks?" + LeaderForwarding.FORWARD + "=false");
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout).header("Content-Type", Replies.JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpClient http;
        try {
            http = client.forUrl(target);
        } catch (RuntimeException e) {
            // Unusable ssl.* settings: the caller learns of failures only through the future, then logs and retries.
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).thenApply(answer -> {
            if (answer.statusCode() / 100 != 2) {
                throw new ConnectException("The leader at " + leaderUrl + " refused the task configs of " + connector + ": HTTP "
                        + answer.statusCode() + " " + answer.body());
            }
            return null;
        });
    }
}
