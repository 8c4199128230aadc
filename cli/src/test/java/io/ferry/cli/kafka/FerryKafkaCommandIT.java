package io.ferry.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.ferry.cli.FerryProcess;
import io.ferry.kafka.embedded.LocalPorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./ferry kafka} as a real process, driven with kafka-clients. */
class FerryKafkaCommandIT {
    private static final Duration READY = Duration.ofSeconds(90);
    private static final String TOPIC = "orders";

    @TempDir
    Path temp;

    @Test
    void shouldServeClientsStopOnSignalsAndKeepEveryRecordAcrossARestart() throws Exception {
        int port = LocalPorts.pickFree("127.0.0.1");
        String address = "127.0.0.1:" + port;
        Path dataDir = temp.resolve("kafka");

        String clusterId;
        List<String> sent = new ArrayList<>();
        try (FerryProcess kafka = FerryProcess.start("kafka", "--listen", address, "--data-dir", dataDir.toString())) {
            assertThat(kafka.awaitLine("Kafka ready at", READY)).isEqualTo("Kafka ready at " + address);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", address))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                clusterId = admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address, ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer())) {
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    sent.add("order-" + i);
                    acks.add(producer.send(new ProducerRecord<>(TOPIC, "customer-" + (i % 7), "order-" + i)));
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
            }
            assertThat(readAll(address)).containsExactlyInAnyOrderElementsOf(sent);

            kafka.signal("TERM");
            assertThat(kafka.awaitExit(Duration.ofSeconds(60))).as("exit code after SIGTERM").isZero();
            assertThat(kafka.stdout()).containsExactly("Kafka ready at " + address);
            assertThat(kafka.stderr()).isEmpty();
        }

        try (FerryProcess restarted = FerryProcess.start("kafka", "--listen", address, "--data-dir", dataDir.toString())) {
            assertThat(restarted.awaitLine("Kafka ready at", READY)).isEqualTo("Kafka ready at " + address);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", address))) {
                assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS)).isEqualTo(clusterId);
            }
            assertThat(readAll(address)).containsExactlyInAnyOrderElementsOf(sent);

            restarted.signal("INT");
            assertThat(restarted.awaitExit(Duration.ofSeconds(60))).as("exit code after Ctrl-C").isZero();
            assertThat(restarted.stderr()).isEmpty();
        }
        assertThat(Files.readString(dataDir.resolve("server.log"))).contains("Kafka node 1 stopped");
    }

    @Test
    void shouldRefuseAPortInUseWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            String address = "127.0.0.1:" + taken.getLocalPort();
            FerryProcess kafka = FerryProcess.run("kafka", "--listen", address, "--data-dir", temp.resolve("kafka").toString());
            assertOneLineError(kafka, 1, "ferry kafka: cannot listen on " + address + " for the broker listener: the port is already in use");
        }
    }

    @Test
    void shouldRefuseADataDirItCannotWriteWithOneLine() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
        Path dataDir = file.resolve("kafka");
        FerryProcess kafka = FerryProcess.run("kafka", "--listen", "127.0.0.1:0", "--data-dir", dataDir.toString());
        assertOneLineError(kafka, 1, "ferry kafka: cannot create data directory " + dataDir + ": not a directory");
    }

    @Test
    void shouldRefuseAnUnknownFlagWithOneLine() throws Exception {
        FerryProcess kafka = FerryProcess.run("kafka", "--no-such-flag");
        assertOneLineError(kafka, 2, "ferry kafka: Unknown option: '--no-such-flag' (see 'ferry kafka --help')");
    }

    @Test
    void shouldRefuseAMalformedAddressWithOneLine() throws Exception {
        FerryProcess kafka = FerryProcess.run("kafka", "--listen", "localhost");
        assertOneLineError(kafka, 2, "ferry kafka: Invalid value for option '--listen': 'localhost' is not HOST:PORT"
                + " (for example 127.0.0.1:9092) (see 'ferry kafka --help')");
    }

    @Test
    void shouldRefuseAnInvalidBrokerSettingWithOneLine() throws Exception {
        FerryProcess kafka = FerryProcess.run("kafka", "--listen", "127.0.0.1:0", "--data-dir", temp.resolve("kafka").toString(),
                "--set", "num.partitions=many");
        assertThat(kafka.exitCode()).isEqualTo(1);
        assertThat(kafka.stderr()).hasSize(1);
        assertThat(kafka.stderr().get(0)).startsWith("ferry kafka: invalid broker setting: ").contains("num.partitions").contains("many");
    }

    private static void assertOneLineError(FerryProcess ferry, int exitCode, String line) {
        assertThat(ferry.exitCode()).as("exit code").isEqualTo(exitCode);
        assertThat(ferry.stderr()).as("stderr").containsExactly(line);
        assertThat(ferry.stdout()).as("stdout").isEmpty();
    }

    private static List<String> readAll(String address) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, address), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1), new TopicPartition(TOPIC, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
