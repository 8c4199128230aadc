package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.ferry.cli.FerryProcess;
import io.ferry.kafka.embedded.LocalPorts;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry connect standalone} as a user runs it: Apache's FileStream connectors from
 * {@code plugin.path}, Apache's file formats — killed with SIGKILL mid-stream, stopped during startup,
 * given bad files.
 */
class ConnectStandaloneIT {
    private static final Duration READY = Duration.ofSeconds(90);
    private static final int LINES = 200_000;

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    private Map<String, String> worker(FerryCluster cluster, Path plugins, int port) {
        Map<String, String> worker = new HashMap<>();
        worker.put("bootstrap.servers", cluster.bootstrapServers());
        worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        worker.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        worker.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        worker.put("offset.flush.interval.ms", "1000");
        worker.put("plugin.path", plugins.toString());
        worker.put("listeners", "http://127.0.0.1:" + port);
        return worker;
    }

    private static long records(FerryCluster cluster, String topic) throws Exception {
        return cluster.admin().listOffsets(Map.of(new TopicPartition(topic, 0), OffsetSpec.latest())).all().get()
                .values().iterator().next().offset();
    }

    @Test
    void shouldLoseNothingWhenKilledMidStreamAndDuplicateOnlyTheLastUnflushedInterval(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("crash");
        cluster.createTopic(topic, 1);
        Path input = dir.resolve("input.txt");
        Path output = dir.resolve("output.txt");
        List<String> lines = IntStream.range(0, LINES).mapToObj(i -> String.format("line %07d", i)).toList();
        Files.write(input, lines);
        Path workerFile = ConnectFiles.properties(dir.resolve("worker.properties"),
                worker(cluster, ConnectFiles.pluginPath(dir), LocalPorts.pickFree("127.0.0.1")));
        Path source = ConnectFiles.properties(dir.resolve("source.properties"), Map.of("name", "crash-source",
                "connector.class", "FileStreamSource", "file", input.toString(), "topic", topic));
        Path sink = ConnectFiles.properties(dir.resolve("sink.properties"), Map.of("name", "crash-sink",
                "connector.class", "FileStreamSink", "file", output.toString(), "topics", topic));
        String[] command = {"connect", "standalone", "--log-file", dir.resolve("connect.log").toString(), workerFile.toString(),
                source.toString(), sink.toString()};

        long atKill;
        try (FerryProcess connect = FerryProcess.start(command)) {
            connect.awaitLine("Connect worker ready at", READY);
            await().atMost(READY).pollInterval(Duration.ofMillis(20)).until(() -> records(cluster, topic) >= LINES / 4);
            connect.signal("KILL");
            connect.awaitExit(Duration.ofSeconds(30));
            atKill = records(cluster, topic);
        }
        assertThat(atKill).isLessThan(LINES);

        try (FerryProcess connect = FerryProcess.start(command)) {
            connect.awaitLine("Connect worker ready at", READY);
            long inputSize = Files.size(input);
            await().atMost(READY).until(() -> holdsEveryLine(output, inputSize));
            connect.signal("TERM");
            assertThat(connect.awaitExit(Duration.ofSeconds(60))).isZero();
        }

        List<String> inTopic = new ArrayList<>();
        cluster.consumeAll(topic, Duration.ofSeconds(60)).forEach(record -> inTopic.add(record.value()));
        List<String> written = Files.readAllLines(output);
        // Nothing lost, end to end.
        assertThat(new HashSet<>(inTopic)).hasSize(LINES);
        assertThat(new HashSet<>(written)).hasSize(LINES);
        // The source re-sends only what followed its last committed offset, in order; the sink re-reads only what
        // followed its last committed consumer offset: each is its input with one stretch replayed.
        assertReplayOfOneStretch(inTopic, lines);
        assertReplayOfOneStretch(written, inTopic);
        System.out.printf("crash test: %d records in the topic at the kill, %d duplicates in the topic, %d in the sink file%n",
                atKill, inTopic.size() - LINES, written.size() - LINES);
    }

    /**
     * Whether the sink's file holds all {@value #LINES} distinct lines. Reading and hashing the whole file at every
     * poll took a core from the worker it waits for; a file smaller than the input cannot hold every line yet.
     */
    private static boolean holdsEveryLine(Path output, long inputSize) throws IOException {
        return Files.exists(output) && Files.size(output) >= inputSize && Set.copyOf(Files.readAllLines(output)).size() == LINES;
    }

    /**
     * {@code received} is {@code sent} up to some point, then {@code sent} again from an earlier point to
     * its end: what an at-least-once restart from the last committed position gives.
     */
    private static void assertReplayOfOneStretch(List<String> received, List<String> sent) {
        int diverged = 0;
        while (diverged < received.size() && diverged < sent.size() && received.get(diverged).equals(sent.get(diverged))) {
            diverged++;
        }
        int replayedFrom = sent.size() - (received.size() - diverged);
        assertThat(replayedFrom).as("where the replay starts").isBetween(0, diverged);
        assertThat(received.subList(diverged, received.size())).as("the replayed stretch")
                .isEqualTo(sent.subList(replayedFrom, sent.size()));
    }

    @Test
    void shouldStopPromptlyWhenTerminatedDuringStartup(FerryCluster cluster) throws Exception {
        Path workerFile = ConnectFiles.properties(dir.resolve("worker.properties"),
                worker(cluster, ConnectFiles.pluginPath(dir), LocalPorts.pickFree("127.0.0.1")));
        try (FerryProcess connect = FerryProcess.start("connect", "standalone", "--log-file", dir.resolve("connect.log").toString(),
                workerFile.toString())) {
            Thread.sleep(1500);
            connect.signal("TERM");
            int exit = connect.awaitExit(Duration.ofSeconds(30));
            assertThat(exit).isIn(0, 143);
        }
    }

    @Test
    void shouldRefuseBadFilesWithOneReadableLine(FerryCluster cluster) throws Exception {
        FerryProcess missing = FerryProcess.run("connect", "standalone", dir.resolve("nope.properties").toString());
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).singleElement().asString().contains("nope.properties").contains("does not exist");

        Map<String, String> noOffsets = worker(cluster, ConnectFiles.pluginPath(dir), LocalPorts.pickFree("127.0.0.1"));
        noOffsets.remove("offset.storage.file.filename");
        FerryProcess withoutOffsets = FerryProcess.run("connect", "standalone", "--log-file", dir.resolve("a.log").toString(),
                ConnectFiles.properties(dir.resolve("no-offsets.properties"), noOffsets).toString());
        assertThat(withoutOffsets.exitCode()).isNotZero();
        assertThat(withoutOffsets.stderr()).singleElement().asString().contains("offset.storage.file.filename");

        Path workerFile = ConnectFiles.properties(dir.resolve("worker.properties"),
                worker(cluster, dir.resolve("plugins"), LocalPorts.pickFree("127.0.0.1")));
        Path unknown = ConnectFiles.properties(dir.resolve("unknown.properties"), Map.of("name", "ghost",
                "connector.class", "com.example.GhostConnector"));
        FerryProcess unknownClass = FerryProcess.run("connect", "standalone", "--log-file", dir.resolve("b.log").toString(),
                workerFile.toString(), unknown.toString());
        assertThat(unknownClass.exitCode()).isNotZero();
        assertThat(unknownClass.stderr()).singleElement().asString().contains("ghost").contains("com.example.GhostConnector");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"name\": \"broken\", \"config\": {");
        FerryProcess brokenJson = FerryProcess.run("connect", "standalone", workerFile.toString(), broken.toString());
        assertThat(brokenJson.exitCode()).isNotZero();
        assertThat(brokenJson.stderr()).singleElement().asString().contains("broken.json").contains("not valid JSON");
    }
}
