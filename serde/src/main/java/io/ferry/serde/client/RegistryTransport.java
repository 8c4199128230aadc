package io.ferry.serde.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to the registry nodes: one node at a time, failing over to the next when a node cannot be
 * reached or answers 408, 429 or 5xx; after a round over every node it waits (exponential backoff with
 * jitter) and tries again, up to the configured retries. Any other answer is final. Thread-safe.
 */
final class RegistryTransport {
    private static final Logger log = LoggerFactory.getLogger(RegistryTransport.class);
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, "
            + "application/json; qs=0.5";

    /** Waits between rounds; replaced in tests to control time. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RegistryClientConfig config;
    private final UrlFailover urls;
    private final HttpClient http;
    private final Sleeper sleeper;

    RegistryTransport(RegistryClientConfig config, Sleeper sleeper) {
        this.config = config;
        this.urls = new UrlFailover(config.urls());
        this.sleeper = sleeper;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.urls().stream().anyMatch(url -> url.getScheme().equalsIgnoreCase("https"))) {
            builder.sslContext(TlsContexts.create(config.tls()));
        }
        this.http = builder.build();
    }

    RegistryTransport(RegistryClientConfig config) {
        this(config, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * Sends one request and returns the answer's JSON body.
     *
     * @param pathAndQuery for example {@code /subjects/orders-value/versions?normalize=false}
     * @param body         the request body, or {@code null} for none
     * @throws RegistryClientException with the registry's status and error code, or {@link RegistryClientException#NO_RESPONSE}
     */
    JsonNode send(String method, String pathAndQuery, byte[] body) {
        RegistryClientException last = null;
        for (int round = 0; round <= config.retry().maxRetries(); round++) {
            if (round > 0) {
                pause(round, last);
            }
            for (int i = 0; i < urls.size(); i++) {
                URI node = urls.current();
                try {
                    return sendOnce(node, method, pathAndQuery, body);
                } catch (RegistryClientException e) {
                    if (!e.isRetriable()) {
                        throw e;
                    }
                    last = e;
                    log.debug("Registry request {} {} to {} failed: {}", method, pathAndQuery, node, e.getMessage());
                    urls.failed(node);
                }
            }
        }
        throw last;
    }

    private void pause(int retry, RegistryClientException cause) {
        Duration wait = config.retry().waitBefore(retry, ThreadLocalRandom.current()::nextDouble);
        log.info("Registry request failed ({}); retry {} of {} in {} ms", cause.getMessage(), retry, config.retry().maxRetries(),
                wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryClientException("interrupted while waiting to retry a registry request", e);
        }
    }

    private JsonNode sendOnce(URI node, String method, String pathAndQuery, byte[] body) {
        URI uri = URI.create(node + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("Accept", ACCEPT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        config.credentials().ifPresent(credentials -> request.header("Authorization", credentials.header()));
        config.requestHeaders().forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RegistryClientException("cannot reach the registry at " + node + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryClientException("interrupted during a registry request to " + node, e);
        }
        return answer(response, method + " " + uri);
    }

    private static JsonNode answer(HttpResponse<byte[]> response, String request) {
        int status = response.statusCode();
        JsonNode json;
        try {
            json = response.body().length == 0 ? RegistryJson.MAPPER.nullNode() : RegistryJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            if (status / 100 == 2) {
                throw new RegistryClientException(status, RegistryClientException.UNREADABLE_ERROR_BODY,
                        "unreadable answer: " + abbreviate(text), request);
            }
            throw new RegistryClientException(status, RegistryClientException.UNREADABLE_ERROR_BODY, abbreviate(text), request);
        }
        if (status / 100 == 2) {
            return json;
        }
        int code = json.path("error_code").asInt(status);
        String message = json.path("message").asText("HTTP " + status);
        throw new RegistryClientException(status, code, message, request);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
