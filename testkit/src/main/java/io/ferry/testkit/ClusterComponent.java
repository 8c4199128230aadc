package io.ferry.testkit;

/**
 * Something a test runs against a {@link FerryCluster}'s brokers: a registry node, a Connect
 * worker. The cluster starts components in the order they were added, after its brokers, and
 * closes them in reverse order before its brokers.
 */
public interface ClusterComponent extends AutoCloseable {

    /** Starts the component; it may use the cluster's bootstrap address and helpers. */
    void start(FerryCluster cluster) throws Exception;

    @Override
    void close() throws Exception;
}
