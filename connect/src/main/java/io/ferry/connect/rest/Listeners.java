package io.ferry.connect.rest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ferry.connect.config.WorkerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where the API listens ({@code listeners}, http and https) and the address given out to others
 * ({@code rest.advertised.host.name}, {@code rest.advertised.port}, {@code rest.advertised.listener}),
 * with Apache Kafka Connect's rules.
 */
final class Listeners {
    static final String HTTP = "http";
    static final String HTTPS = "https";

    /** One listener: {@code protocol} http or https, {@code host} empty for every interface, {@code port} 0 for a free one. */
    record Listener(String protocol, String host, int port) {
        boolean https() {
            return HTTPS.equals(protocol);
        }
    }

    /** http:// or https://, a host name, an IPv4 address, a bracketed IPv6 address or nothing, a port, an optional slash. */
    private static final Pattern LISTENER = Pattern.compile("(?i)(https?)://(\\[[0-9a-f:.%a-z]*]|[^:/\\[\\]]*):(\\d{1,5})/?");
    private static final Pattern PROTOCOL = Pattern.compile("(?i)https?://.*");

    private Listeners() {
    }

    /**
     * @throws ConfigException naming {@code listeners}, for a URL that is not {@code http[s]://[host]:port}
     */
    static List<Listener> parse(List<String> listeners) {
        if (listeners.isEmpty()) {
            throw new ConfigException(WorkerConfig.LISTENERS, listeners, "at least one listener is needed, e.g. http://127.0.0.1:8083");
        }
        List<Listener> parsed = new ArrayList<>();
        for (String listener : listeners) {
            parsed.add(parse(listener.trim()));
        }
        return parsed;
    }

    private static Listener parse(String listener) {
        Matcher matcher = LISTENER.matcher(listener);
        if (!matcher.matches()) {
            String problem = PROTOCOL.matcher(listener).matches() ? "a listener is http[s]://[host]:port, e.g. https://127.0.0.1:8443"
                    : "a listener's protocol is http or https";
            throw new ConfigException(WorkerConfig.LISTENERS, listener, problem);
        }
        String host = matcher.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Listener(matcher.group(1).toLowerCase(Locale.ROOT), host, Integer.parseInt(matcher.group(3)));
    }

    /**
     * The URL others reach this worker at. Its protocol is {@code rest.advertised.listener}, else
     * http when there is an http listener, else https; the first listener of that protocol gives the
     * host (unless {@code rest.advertised.host.name}; this machine's address for a listener on every
     * interface) and the port (unless {@code rest.advertised.port}; the one bound for port 0).
     *
     * @param boundPort the port bound by the listener at an index of {@code listeners}
     * @throws ConfigException naming {@code rest.advertised.listener}, when no listener has its protocol
     */
    static URI advertised(WorkerConfig worker, List<Listener> listeners, IntUnaryOperator boundPort) {
        String protocol = advertisedProtocol(worker, listeners);
        int index = 0;
        while (index < listeners.size() && !listeners.get(index).protocol().equals(protocol)) {
            index++;
        }
        if (index == listeners.size()) {
            throw new ConfigException(WorkerConfig.REST_ADVERTISED_LISTENER, worker.getString(WorkerConfig.REST_ADVERTISED_LISTENER),
                    "no " + protocol + " listener in " + WorkerConfig.LISTENERS + " " + worker.getList(WorkerConfig.LISTENERS));
        }
        Listener listener = listeners.get(index);
        String host = worker.getString(WorkerConfig.REST_ADVERTISED_HOST_NAME);
        if (host == null || host.isEmpty()) {
            host = listener.host().isEmpty() ? localAddress() : listener.host();
        }
        Integer port = worker.getInt(WorkerConfig.REST_ADVERTISED_PORT);
        if (port == null) {
            port = listener.port() > 0 ? listener.port() : boundPort.applyAsInt(index);
        }
        return url(protocol, host, port);
    }

    /**
     * @throws ConfigException naming {@code rest.advertised.listener}, when it is neither http nor https
     */
    static void checkAdvertisedListener(WorkerConfig worker) {
        String advertisedListener = worker.getString(WorkerConfig.REST_ADVERTISED_LISTENER);
        if (advertisedListener != null && !advertisedListener.equalsIgnoreCase(HTTP) && !advertisedListener.equalsIgnoreCase(HTTPS)) {
            throw new ConfigException(WorkerConfig.REST_ADVERTISED_LISTENER, advertisedListener, "the advertised listener is http or https");
        }
    }

    private static String advertisedProtocol(WorkerConfig worker, List<Listener> listeners) {
        String advertisedListener = worker.getString(WorkerConfig.REST_ADVERTISED_LISTENER);
        if (advertisedListener != null) {
            return advertisedListener.toLowerCase(Locale.ROOT);
        }
        return listeners.stream().anyMatch(listener -> !listener.https()) ? HTTP : HTTPS;
    }

    static URI url(String protocol, String host, int port) {
        String authorityHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create(protocol + "://" + authorityHost + ":" + port + "/");
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
