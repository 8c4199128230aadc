package io.ferry.kafka.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** Checks and picks TCP ports on this machine before a server binds them. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /**
     * Returns a port that was free on {@code host} a moment ago. Another process may take it before
     * the caller binds it; callers that can retry should.
     */
    public static int pickFree(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedKafkaException("cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fails with a message naming the address and its purpose when {@code address} cannot be bound:
     * the port is taken, or the host is not an address of this machine.
     *
     * @param purpose what the port is for, as the user would call it ("the broker listener")
     */
    public static void requireBindable(HostPort address, String purpose) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address.host(), address.port()));
        } catch (BindException e) {
            throw new EmbeddedKafkaException(describeBindFailure(address, purpose, e), e);
        } catch (UnknownHostException e) {
            throw new EmbeddedKafkaException("cannot listen on " + address + " for " + purpose
                    + ": unknown host '" + address.host() + "'", e);
        } catch (IOException | SecurityException e) {
            throw new EmbeddedKafkaException("cannot listen on " + address + " for " + purpose + ": " + e.getMessage(), e);
        }
    }

    static String describeBindFailure(HostPort address, String purpose, BindException e) {
        String reason = String.valueOf(e.getMessage());
        if (reason.contains("in use")) {
            return "cannot listen on " + address + " for " + purpose + ": the port is already in use";
        }
        if (reason.contains("assign requested address")) {
            return "cannot listen on " + address + " for " + purpose + ": " + address.host() + " is not an address of this machine";
        }
        if (reason.contains("Permission denied")) {
            return "cannot listen on " + address + " for " + purpose + ": permission denied (ports below 1024 need privileges)";
        }
        return "cannot listen on " + address + " for " + purpose + ": " + reason;
    }
}
