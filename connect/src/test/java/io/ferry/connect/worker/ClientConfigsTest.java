package io.ferry.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.model.TaskId;
import org.junit.jupiter.api.Test;

class ClientConfigsTest {
    private static final TaskId TASK = new TaskId("sink", 0);

    private static Map<String, String> worker(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("bootstrap.servers", "127.0.0.1:9092",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "group.id", "cluster", "config.storage.topic", "c", "offset.storage.topic", "o", "status.storage.topic", "s"));
        settings.putAll(extra);
        return settings;
    }

    @Test
    void shouldGiveASinkConsumerOfADistributedWorkerTheWorkersSession() {
        Map<String, Object> consumer = ClientConfigs.consumer(new DistributedWorkerConfig(worker(Map.of(
                "session.timeout.ms", "8000", "heartbeat.interval.ms", "2000"))), Map.of("name", "sink"), TASK);

        assertThat(consumer).containsEntry("session.timeout.ms", 8000).containsEntry("heartbeat.interval.ms", 2000);
    }

    @Test
    void shouldLetTheWorkersConsumerSettingsAndTheConnectorsOverridesWinOverTheWorkersSession() {
        Map<String, Object> byWorker = ClientConfigs.consumer(new DistributedWorkerConfig(worker(Map.of(
                "consumer.session.timeout.ms", "30000"))), Map.of("name", "sink"), TASK);
        Map<String, Object> byConnector = ClientConfigs.consumer(new DistributedWorkerConfig(worker(Map.of())),
                Map.of("name", "sink", "consumer.override.session.timeout.ms", "20000"), TASK);

        assertThat(byWorker).containsEntry("session.timeout.ms", "30000");
        assertThat(byConnector).containsEntry("session.timeout.ms", "20000");
    }

    @Test
    void shouldLeaveAStandaloneSinkConsumerWithKafkasDefaultSession() {
        Map<String, String> settings = worker(Map.of("offset.storage.file.filename", "/tmp/offsets"));
        Map<String, Object> consumer = ClientConfigs.consumer(new WorkerConfig(settings), Map.of("name", "sink"), TASK);

        assertThat(consumer).doesNotContainKey("session.timeout.ms");
    }
}
