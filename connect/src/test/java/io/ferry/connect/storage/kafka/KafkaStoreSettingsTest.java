package io.ferry.connect.storage.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.ferry.connect.config.DistributedWorkerConfig;
import org.junit.jupiter.api.Test;

/** The stores take their topics and clients from the distributed worker's settings, under Apache's names. */
class KafkaStoreSettingsTest {
    private static final DistributedWorkerConfig WORKER = new DistributedWorkerConfig(Map.of(
            "bootstrap.servers", "broker-1:9092,broker-2:9092",
            "security.protocol", "SASL_SSL",
            "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "group.id", "orders-cluster",
            "config.storage.topic", "orders-configs",
            "config.storage.replication.factor", "2",
            "offset.storage.topic", "orders-offsets",
            "status.storage.topic", "orders-status",
            "status.storage.partitions", "7"));

    @Test
    void shouldTakeTheConfigTopicAndGroupFromTheWorker() {
        KafkaConfigStore.Settings settings = KafkaConfigStore.Settings.from(WORKER);
        assertThat(settings.topic()).isEqualTo("orders-configs");
        assertThat(settings.replicationFactor()).isEqualTo((short) 2);
        assertThat(settings.groupId()).isEqualTo("orders-cluster");
        assertThat(settings.clientConfig()).containsEntry("bootstrap.servers", "broker-1:9092,broker-2:9092")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(settings.clientIdPrefix()).contains("orders-cluster");
    }

    @Test
    void shouldTakeTheStatusTopicFromTheWorker() {
        KafkaStatusStore.Settings settings = KafkaStatusStore.Settings.from(WORKER, "10.0.0.1:8083", () -> 3);
        assertThat(settings.topic()).isEqualTo("orders-status");
        assertThat(settings.partitions()).isEqualTo(7);
        assertThat(settings.replicationFactor()).isEqualTo((short) 3);
        assertThat(settings.workerId()).isEqualTo("10.0.0.1:8083");
        assertThat(settings.generation().getAsInt()).isEqualTo(3);
        assertThat(settings.clientConfig()).containsEntry("security.protocol", "SASL_SSL");
    }
}
