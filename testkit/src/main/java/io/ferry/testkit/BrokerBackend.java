package io.ferry.testkit;

import java.util.Map;

/** Where a {@link FerryCluster}'s brokers come from: started in this JVM, or an outside cluster. */
interface BrokerBackend extends AutoCloseable {

    String bootstrapServers();

    /** Client settings beyond {@code bootstrap.servers} (security for an outside cluster). */
    Map<String, Object> clientConfig();

    int brokerCount();

    boolean isExternal();

    void stopBroker(int nodeId);

    void startBroker(int nodeId);

    @Override
    void close();
}
