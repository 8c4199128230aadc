package io.ferry.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** An outside cluster: the kit connects to it and never starts or stops its brokers. */
final class ExternalBrokers implements BrokerBackend {
    private final ExternalClusterSettings settings;
    private final int brokerCount;

    private ExternalBrokers(ExternalClusterSettings settings, int brokerCount) {
        this.settings = settings;
        this.brokerCount = brokerCount;
    }

    static ExternalBrokers attach(ExternalClusterSettings settings, int brokersNeeded, Duration timeout) {
        Map<String, Object> config = new HashMap<>(settings.clientConfig());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        int count;
        try (Admin admin = Admin.create(config)) {
            count = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach the outside Kafka cluster at " + settings.bootstrapServers()
                    + " (" + ExternalClusterSettings.BOOTSTRAP_ENV + "): " + e.getMessage(), e);
        }
        if (count < brokersNeeded) {
            throw new IllegalStateException("the test needs " + brokersNeeded + " brokers, but the outside cluster at "
                    + settings.bootstrapServers() + " has " + count);
        }
        return new ExternalBrokers(settings, count);
    }

    @Override
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    @Override
    public Map<String, Object> clientConfig() {
        return settings.clientConfig();
    }

    @Override
    public int brokerCount() {
        return brokerCount;
    }

    @Override
    public boolean isExternal() {
        return true;
    }

    @Override
    public void stopBroker(int nodeId) {
        throw new UnsupportedOperationException("brokers of an outside cluster (" + settings.bootstrapServers()
                + ") cannot be stopped by a test; skip this test when FerryCluster.isExternal()");
    }

    @Override
    public void startBroker(int nodeId) {
        throw new UnsupportedOperationException("brokers of an outside cluster (" + settings.bootstrapServers()
                + ") cannot be started by a test; skip this test when FerryCluster.isExternal()");
    }

    @Override
    public void close() {
        // Nothing of the outside cluster belongs to us.
    }
}
