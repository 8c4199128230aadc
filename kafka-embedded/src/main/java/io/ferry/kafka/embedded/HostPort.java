package io.ferry.kafka.embedded;

import java.util.Objects;

/**
 * A host and a TCP port, written {@code host:port} ({@code [::1]:9092} for IPv6 literals).
 *
 * @param host a host name or an IP literal, without brackets
 * @param port 0 to 65535; 0 means "any free port" where the caller supports it
 */
public record HostPort(String host, int port) {

    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the host is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
    }

    /**
     * Parses {@code host:port}.
     *
     * @throws IllegalArgumentException with a message that quotes the input and says what is wrong
     */
    public static HostPort parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.trim();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (for example 127.0.0.1:9092)");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT; write IPv6 addresses in brackets, as [::1]:9092");
        }
        String portText = value.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT: '" + portText + "' is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT: port " + port + " is outside 0-65535");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT: the host is empty");
        }
        return new HostPort(host, port);
    }

    /** Whether the host is a wildcard address that binds every interface. */
    public boolean isWildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    public HostPort withPort(int newPort) {
        return new HostPort(host, newPort);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
