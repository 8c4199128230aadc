package io.ferry.connect.storage.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Broker-side defaults a store needs when its settings say "-1, the broker's default": the topic is
 * compacted-checked by a provisioner that needs a concrete partition count, so the count is read
 * from a broker's {@code num.partitions}.
 */
final class BrokerDefaults {
    private BrokerDefaults() {
    }

    static int partitions(Map<String, Object> clientConfig, Duration timeout) {
        try (Admin admin = Admin.create(clientConfig)) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Node any = nodes.iterator().next();
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(any.id()));
            Config config = admin.describeConfigs(List.of(broker)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(broker);
            ConfigEntry entry = config.get("num.partitions");
            return entry == null || entry.value() == null ? 1 : Integer.parseInt(entry.value());
        } catch (ExecutionException e) {
            throw new ConnectException("Could not read the brokers' default partition count (num.partitions): " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("The cluster did not tell its default partition count (num.partitions) within "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading the brokers' default partition count", e);
        }
    }
}
