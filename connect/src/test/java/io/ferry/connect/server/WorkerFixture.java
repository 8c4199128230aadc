package io.ferry.connect.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.testkit.FerryCluster;

/** Settings of a standalone worker on the test cluster, with its offsets in a temporary folder. */
final class WorkerFixture {
    private WorkerFixture() {
    }

    static Map<String, String> workerSettings(FerryCluster cluster, Path dir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", cluster.bootstrapServers());
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        settings.put("offset.flush.interval.ms", "500");
        settings.put("listeners", "http://127.0.0.1:0");
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
