package io.ferry.connect.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.testkit.FerryCluster;

/**
 * Settings of a standalone worker on the test cluster, with its offsets in a temporary folder, and of the
 * workers of a distributed cluster.
 */
public final class WorkerFixture {
    private WorkerFixture() {
    }

    public static Map<String, String> workerSettings(FerryCluster cluster, Path dir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", cluster.bootstrapServers());
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        settings.put("offset.flush.interval.ms", "500");
        settings.put("listeners", "http://127.0.0.1:0");
        return settings;
    }

    /** Settings of a distributed worker of a group, whose internal topics are named after it. */
    public static Map<String, String> distributedSettings(FerryCluster cluster, String group, String workerId) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", cluster.bootstrapServers());
        settings.put("group.id", group);
        settings.put("config.storage.topic", group + "-configs");
        settings.put("offset.storage.topic", group + "-offsets");
        settings.put("status.storage.topic", group + "-status");
        settings.put("config.storage.replication.factor", "1");
        settings.put("offset.storage.replication.factor", "1");
        settings.put("status.storage.replication.factor", "1");
        settings.put("offset.storage.partitions", "3");
        settings.put("status.storage.partitions", "1");
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("offset.flush.interval.ms", "500");
        settings.put("session.timeout.ms", "6000");
        // Every new connector or task set makes the group plan again, and the other workers hear of it only with
        // their next heartbeat: a short interval keeps each of those changes well under a second. A crashed
        // worker is still found by the session timeout above.
        settings.put("heartbeat.interval.ms", "250");
        settings.put("listeners", "http://127.0.0.1:0");
        settings.put("ferry.worker.id", workerId);
        return settings;
    }

    /** How many records the topic holds: the sum of its partitions' end offsets. */
    static long recordCount(FerryCluster cluster, String topic) {
        return cluster.recordCount(topic);
    }

    static StandaloneConnect start(Map<String, String> settings, ConnectorRequest... connectors) {
        return StandaloneConnect.start(settings, List.of(connectors), "test");
    }
}
