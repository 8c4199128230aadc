package io.ferry.registry.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Forwards write requests to the leader over HTTP, marking them with {@code X-Forward: true} so
 * that a node which believes itself not to lead refuses them instead of forwarding again.
 */
public final class LeaderForwarder implements RequestForwarder {
    /** Marks a request a node forwarded. */
    public static final String FORWARD_HEADER = "X-Forward";

    private final Supplier<Optional<String>> leaderUrl;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param leaderUrl the current leader's base URL (e.g. {@code http://10.0.0.7:8081}), when another node leads
     * @param timeout   how long to wait for the leader's answer
     */
    public LeaderForwarder(Supplier<Optional<String>> leaderUrl, Duration timeout) {
        this.leaderUrl = leaderUrl;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<String> leaderUrl() {
        return leaderUrl.get();
    }

    @Override
    public ForwardedResponse forward(ForwardedRequest request) {
        String base = leaderUrl().orElseThrow(() -> new ForwardingException("no leader is known", null));
        URI target = URI.create(stripSlash(base) + request.pathAndQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        builder.header(FORWARD_HEADER, "true");
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ForwardedResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new ForwardingException("cannot reach the leader at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForwardingException("interrupted while forwarding to the leader at " + base, e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
