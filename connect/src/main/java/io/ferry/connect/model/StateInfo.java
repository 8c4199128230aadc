package io.ferry.connect.model;

import java.time.Instant;


/**
 * The state of a connector or a task, where it runs and, when it failed, why.
 *
 * @param trace the stack trace of the failure; null unless FAILED
 * @param version the plugin's version; null when unknown
 * @param retry Ferry's automatic restart of a failed task: when and which attempt; null when none is planned
 */
public record StateInfo(State state, String workerId, String trace, String version, Retry retry) {

    /** A restart planned after a failure. */
    public record Retry(Instant at, int attempt) {
    }

    public static StateInfo of(State state, String workerId) {
        return new StateInfo(state, workerId, null, null, null);
    }
}
