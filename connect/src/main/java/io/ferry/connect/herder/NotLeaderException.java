package io.ferry.connect.herder;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * The request needs the leader of the Connect cluster, and this worker is not it: the REST layer
 * forwards it to {@link #leaderUrl()}.
 */
public final class NotLeaderException extends ConnectException {
    private final String leaderUrl;

    public NotLeaderException(String message, String leaderUrl) {
        super(message);
        this.leaderUrl = leaderUrl;
    }

    /** Where the leader's REST API answers, such as {@code http://host:8083/}. */
    public String leaderUrl() {
        return leaderUrl;
    }
}
