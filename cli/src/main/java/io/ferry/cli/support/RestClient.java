package io.ferry.cli.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON-over-HTTP client for the REST APIs the client commands talk to (Kafka Connect's and the
 * schema registry's, which answer errors as {@code {"error_code", "message"}}). Failures become a
 * {@link CliException}: a 404 exits {@link ExitCodes#NEGATIVE}, any other error answer and an
 * unreachable server exit {@link ExitCodes#SERVER}, with the server's error code and message.
 * Blocking; safe for use by several threads.
 */
public final class RestClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(100);

    private final URI base;
    private final String mediaType;
    private final HttpClient http;

    /**
     * @param baseUrl the server, for example {@code http://127.0.0.1:8083}
     * @param mediaType the {@code Accept} and {@code Content-Type} of requests
     * @throws CliException (bad input) when the URL is not an http(s) URL
     */
    public RestClient(String baseUrl, String mediaType) {
        this.base = parse(baseUrl);
        this.mediaType = mediaType;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** One path segment, percent-encoded: a connector or subject name may hold any character. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** GET; the answer's JSON. */
    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** GET; empty when the server answers 404. */
    public Optional<JsonNode> find(String path) {
        try {
            return Optional.of(get(path));
        } catch (ServerAnswer answer) {
            if (answer.status() == 404) {
                return Optional.empty();
            }
            throw answer;
        }
    }

    /**
     * Sends a request and returns the answer's JSON, a {@code NullNode} for an empty body.
     *
     * @param body the JSON to send, or {@code null} for none
     */
    public JsonNode send(String method, String path, JsonNode body) {
        URI uri = base.resolve(base.getPath().replaceAll("/+$", "") + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", mediaType);
        if (body != null) {
            request.header("Content-Type", mediaType).method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new CliException("cannot reach " + base + ": connection refused", ExitCodes.SERVER, e);
        } catch (IOException e) {
            throw new CliException("cannot reach " + base + ": " + e, ExitCodes.SERVER, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while waiting for " + base, ExitCodes.SERVER, e);
        }
        JsonNode answer = parseBody(method, uri, response);
        if (response.statusCode() >= 300) {
            throw ServerAnswer.of(response.statusCode(), answer);
        }
        return answer;
    }

    private static JsonNode parseBody(String method, URI uri, HttpResponse<String> response) {
        String text = response.body();
        if (text == null || text.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (response.statusCode() >= 300) {
                return JSON.createObjectNode().put("error_code", response.statusCode()).put("message", text.strip());
            }
            throw new CliException(method + " " + uri + " answered " + response.statusCode() + " with a body that is not JSON",
                    ExitCodes.SERVER, e);
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an http:// URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid --url '" + url + "': " + e.getMessage(), ExitCodes.BAD_INPUT, e);
        }
    }

    /** The server answered with an error status; its message carries the server's error code and message. */
    public static final class ServerAnswer extends CliException {
        private static final long serialVersionUID = 1L;

        private final int status;

        private ServerAnswer(String message, int status) {
            super(message, status == 404 ? ExitCodes.NEGATIVE : ExitCodes.SERVER, null);
            this.status = status;
        }

        static ServerAnswer of(int status, JsonNode body) {
            String message = body.path("message").asText("");
            String code = body.has("error_code") ? body.path("error_code").asText() : String.valueOf(status);
            return new ServerAnswer((message.isEmpty() ? "HTTP " + status : message) + " (error_code " + code + ")", status);
        }

        /** The HTTP status. */
        public int status() {
            return status;
        }
    }
}
