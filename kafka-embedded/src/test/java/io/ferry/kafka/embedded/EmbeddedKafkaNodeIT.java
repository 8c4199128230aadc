package io.ferry.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaNodeIT {
    private static final Duration READY = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private KafkaNodeConfig combined(Path logDir, int brokerPort, int controllerPort) {
        return KafkaNodeConfig.builder()
                .nodeId(1)
                .role(KafkaNodeRole.COMBINED)
                .listener(new HostPort("127.0.0.1", brokerPort))
                .controller(1, new HostPort("127.0.0.1", controllerPort))
                .logDir(logDir)
                .build();
    }

    @Test
    void shouldKeepClusterIdTopicsAndRecordsAcrossRestartsEvenOnANewControllerPort() throws Exception {
        int brokerPort = LocalPorts.pickFree("127.0.0.1");
        EmbeddedKafkaNode first = EmbeddedKafkaNode.prepare(
                combined(dataDir, brokerPort, LocalPorts.pickFree("127.0.0.1")), Optional.empty());
        first.start(READY);
        try {
            produce(first.bootstrapServers(), "restart-test", List.of("a", "b", "c"));
        } finally {
            first.stop();
        }
        assertThat(first.isRunning()).isFalse();

        EmbeddedKafkaNode second = EmbeddedKafkaNode.prepare(
                combined(dataDir, brokerPort, LocalPorts.pickFree("127.0.0.1")), Optional.empty());
        assertThat(second.clusterId()).isEqualTo(first.clusterId());
        second.start(READY);
        try {
            assertThat(consumeAll(second.bootstrapServers(), "restart-test", 3)).containsExactly("a", "b", "c");
        } finally {
            second.stop();
        }
    }

    @Test
    void shouldNameTheBrokerPortWhenItIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            EmbeddedKafkaNode node = EmbeddedKafkaNode.prepare(
                    combined(dataDir, taken.getLocalPort(), LocalPorts.pickFree("127.0.0.1")), Optional.empty());
            assertThatThrownBy(() -> node.start(READY))
                    .isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + " for the broker listener: the port is already in use");
            assertThat(node.isRunning()).isFalse();
        }
    }

    @Test
    void shouldRefuseADirectoryOfAnotherCluster() {
        KafkaNodeConfig config = combined(dataDir, LocalPorts.pickFree("127.0.0.1"), LocalPorts.pickFree("127.0.0.1"));
        String clusterId = EmbeddedKafkaNode.prepare(config, Optional.empty()).clusterId();
        String other = KafkaStorage.newClusterId();
        assertThatThrownBy(() -> EmbeddedKafkaNode.prepare(config, Optional.of(other)))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining("belongs to Kafka cluster " + clusterId)
                .hasMessageContaining("not " + other);
    }

    static void produce(String bootstrap, String topic, List<String> values) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
        }
    }

    static List<String> consumeAll(String bootstrap, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
