package io.ferry.connect.model;

/** What a connector or a task is doing, with the names Apache Kafka Connect's status API uses. */
public enum State {
    /** Known but not started, or being started. */
    UNASSIGNED,
    RUNNING,
    PAUSED,
    /** Stopped by request: no tasks, nothing running, offsets may be changed. */
    STOPPED,
    FAILED,
    /** Being restarted by a restart request (shown in the answer to that request). */
    RESTARTING,
    /** Deleted; said once before the status disappears. */
    DESTROYED
}
