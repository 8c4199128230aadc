package io.ferry.connect.rest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ferry.connect.config.WorkerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where the API listens ({@code listeners}) and the address given out to others
 * ({@code rest.advertised.host.name}, {@code rest.advertised.port}, {@code rest.advertised.listener}),
 * with Apache Kafka Connect's rules. Only HTTP is served.
 */
final class Listeners {

    /** One listener: {@code host} empty for every interface, {@code port} 0 for a free one. */
    record Listener(String host, int port) {
    }

    /** http://, a host name, an IPv4 address, a bracketed IPv6 address or nothing, a port, an optional slash. */
    private static final Pattern LISTENER = Pattern.compile("(?i)http://(\\[[0-9a-f:.%a-z]*]|[^:/\\[\\]]*):(\\d{1,5})/?");

    private Listeners() {
    }

    /**
     * @throws ConfigException naming {@code listeners}, for a URL that is not {@code http://[host]:port}
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
            String problem = listener.regionMatches(true, 0, "http://", 0, 7) ? "a listener is http://[host]:port, e.g. http://127.0.0.1:8083"
                    : "only http listeners are supported";
            throw new ConfigException(WorkerConfig.LISTENERS, listener, problem);
        }
        String host = matcher.group(1);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Listener(host, Integer.parseInt(matcher.group(2)));
    }

    /**
     * The URL others reach this worker at: the advertised host name, else the listener's host, else
     * this machine's address; the advertised port, else the listener's port, else the one bound.
     */
    static URI advertised(WorkerConfig worker, Listener listener, int boundPort) {
        String host = worker.getString(WorkerConfig.REST_ADVERTISED_HOST_NAME);
        if (host == null || host.isEmpty()) {
            host = listener.host().isEmpty() ? localAddress() : listener.host();
        }
        Integer port = worker.getInt(WorkerConfig.REST_ADVERTISED_PORT);
        if (port == null) {
            port = listener.port() > 0 ? listener.port() : boundPort;
        }
        return url(host, port);
    }

    /**
     * @throws ConfigException naming {@code rest.advertised.listener}, when it is not http
     */
    static void checkAdvertisedListener(WorkerConfig worker) {
        String advertisedListener = worker.getString(WorkerConfig.REST_ADVERTISED_LISTENER);
        if (advertisedListener != null && !advertisedListener.equalsIgnoreCase("http")) {
            throw new ConfigException(WorkerConfig.REST_ADVERTISED_LISTENER, advertisedListener, "only http listeners are supported");
        }
    }

    static URI url(String host, int port) {
        String authorityHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + authorityHost + ":" + port + "/");
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
