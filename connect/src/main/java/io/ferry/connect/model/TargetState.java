package io.ferry.connect.model;

/** The state a user asked a connector to be in ({@code initial_state}, pause, resume, stop). */
public enum TargetState {
    STARTED,
    PAUSED,
    STOPPED
}
