package io.ferry.serde.testing;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import io.ferry.testkit.FerryCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Kafka broker (the test kit's) and a registry node (Ferry's, on a local log, over real HTTP) for a test
 * class: started before its tests, stopped after them.
 */
public final class SerdeEnvironment implements BeforeAllCallback, AfterAllCallback {
    private FerryCluster kafka;
    private RegistryServer registry;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kafka = FerryCluster.builder().start();
        Path dir = Files.createTempDirectory("ferry-serde-registry-");
        registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir), "test");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    public FerryCluster kafka() {
        return kafka;
    }

    public String registryUrl() {
        return registry.url();
    }

    /** Produces {@code bytes} to a new one-partition topic and returns the value consumed back from it. */
    public byte[] throughKafka(String topic, byte[] bytes) throws Exception {
        kafka.createTopic(topic, 1);
        try (var producer = kafka.producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of())) {
            producer.send(new ProducerRecord<>(topic, bytes)).get();
        }
        try (var consumer = kafka.consumer(new ByteArrayDeserializer(), new ByteArrayDeserializer(), Map.of())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    return record.value();
                }
            }
        }
        throw new AssertionError("nothing arrived on " + topic);
    }

    /** {@code schema.registry.url} and the given settings. */
    public Map<String, Object> serdeConfig(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registryUrl());
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return config;
    }
}
