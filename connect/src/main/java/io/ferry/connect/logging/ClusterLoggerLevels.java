package io.ferry.connect.logging;

/**
 * Sets a level on every worker of the cluster ({@code PUT /admin/loggers/{name}?scope=cluster}). A
 * standalone worker is its own cluster: {@link #local(LoggerLevels)} sets the level here only.
 */
@FunctionalInterface
public interface ClusterLoggerLevels {

    /**
     * Asks every worker to set the level of the namespace and its descendants; may return before
     * the others have done so.
     *
     * @param level a level {@link LoggerLevels#isLevel(String)} accepts
     */
    void setLevel(String namespace, String level);

    /** The cluster of one worker: the level is set in this process. */
    static ClusterLoggerLevels local(LoggerLevels levels) {
        return levels::setLevel;
    }
}
