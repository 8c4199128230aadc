package io.ferry.connect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.ferry.connect.herder.ConnectorStatus;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TargetState;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Apache's FileStream connectors, unchanged, carry a file through Kafka into another file. */
class FileStreamRoundTripIT {
    private static final int LINES = 100_000;

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldCarryEveryLineFromSourceFileThroughKafkaToSinkFile(FerryCluster cluster) throws IOException {
        String topic = cluster.uniqueTopicName("lines");
        cluster.createTopic(topic, 3);
        Path input = dir.resolve("input.txt");
        Path output = dir.resolve("output.txt");
        List<String> lines = IntStream.range(0, LINES).mapToObj(i -> "line " + i + " of the round trip").toList();
        Files.write(input, lines);

        ConnectorRequest source = new ConnectorRequest("file-source", Map.of("name", "file-source",
                "connector.class", "FileStreamSource", "file", input.toString(), "topic", topic), TargetState.STARTED);
        ConnectorRequest sink = new ConnectorRequest("file-sink", Map.of("name", "file-sink",
                "connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector", "file", output.toString(),
                "topics", topic), TargetState.STARTED);

        try (StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, dir), source, sink)) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Files.exists(output) && Files.readAllLines(output).size() >= LINES);
            ConnectorStatus status = connect.herder().connectorStatus("file-sink");
            assertThat(status.connector().state()).isEqualTo(State.RUNNING);
            assertThat(status.tasks()).singleElement().satisfies(task -> assertThat(task.state().state()).isEqualTo(State.RUNNING));
        }
        // Three partitions reorder lines between partitions; every line arrives exactly once.
        List<String> received = new ArrayList<>(Files.readAllLines(output));
        assertThat(received).hasSize(LINES).containsExactlyInAnyOrderElementsOf(lines);
    }
}
