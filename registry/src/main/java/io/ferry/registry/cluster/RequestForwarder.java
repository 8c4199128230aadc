package io.ferry.registry.cluster;

import java.util.Optional;

/** Hands write requests to the node that leads. */
public interface RequestForwarder {

    /** A node that never forwards: it leads alone. */
    RequestForwarder NONE = new RequestForwarder() {
        @Override
        public Optional<String> leaderUrl() {
            return Optional.empty();
        }

        @Override
        public ForwardedResponse forward(ForwardedRequest request) {
            throw new ForwardingException("this registry has no other node to forward to", null);
        }
    };

    /** The leader's URL, when another node leads and is known. */
    Optional<String> leaderUrl();

    /**
     * Sends the request to the leader and returns its answer, whatever its status.
     *
     * @throws ForwardingException when the leader cannot be reached or does not answer in time
     */
    ForwardedResponse forward(ForwardedRequest request);
}
