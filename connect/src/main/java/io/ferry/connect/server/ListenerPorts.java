package io.ferry.connect.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a listener on port 0 a free port before anything starts, so the worker's id (its
 * advertised host and port) is known when the worker is made, as it must be.
 */
final class ListenerPorts {
    private ListenerPorts() {
    }

    /** The listeners with each port 0 replaced by a port that was free a moment ago. */
    static List<String> resolve(List<String> listeners) {
        List<String> resolved = new ArrayList<>();
        for (String listener : listeners) {
            String trimmed = listener.trim();
            URI uri = URI.create(trimmed);
            if (uri.getPort() == 0) {
                String host = uri.getHost() == null || uri.getHost().isEmpty() ? "0.0.0.0" : uri.getHost();
                trimmed = uri.getScheme() + "://" + uri.getHost() + ":" + freePort(host);
            }
            resolved.add(trimmed);
        }
        return resolved;
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + host, e);
        }
    }
}
