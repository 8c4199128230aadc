package io.ferry.cli.connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.cli.FerryProcess;
import io.ferry.kafka.embedded.LocalPorts;

/**
 * One worker of Apache Kafka Connect 4.3.1 in distributed mode, run as its distribution runs it: a
 * separate JVM on the jars {@code bench/connect/pom.xml} copies from Maven Central into
 * {@code bench/target/apache-connect/lib} (as {@code bench/connect-standalone.sh} does). Apache's
 * jars are never on Ferry's classpath, nor a dependency of the product.
 */
final class ApacheConnectWorker implements AutoCloseable {
    static final String VERSION = "4.3.1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String url;
    private final Path log;

    private ApacheConnectWorker(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** {@code bench/target/apache-connect/lib}, filled from Maven Central first when Apache's runtime is not there. */
    static Path library() throws Exception {
        // The command of bench/connect-standalone.sh; connect-file stays off the classpath, as in Apache's distribution.
        return MavenFetch.copyDependencies("bench/connect/pom.xml", List.of("-DexcludeArtifactIds=connect-file"),
                FerryProcess.home().resolve("bench/target/apache-connect/lib"), "connect-runtime-" + VERSION + ".jar");
    }

    /**
     * Starts {@code org.apache.kafka.connect.cli.ConnectDistributed} with these worker settings
     * (plus {@code listeners} on a free port) and waits until its REST API lists connectors.
     */
    static ApacheConnectWorker start(Path dir, Map<String, String> settings, Duration timeout) throws Exception {
        Path lib = library();
        int port = LocalPorts.pickFree("127.0.0.1");
        Map<String, String> worker = new HashMap<>(settings);
        worker.put("listeners", "http://127.0.0.1:" + port);
        worker.put("rest.advertised.host.name", "127.0.0.1");
        // connect-file and Apache's own plugins have service manifests: no class scanning at start.
        worker.putIfAbsent("plugin.discovery", "service_load");
        Path properties = ConnectFiles.properties(dir.resolve("apache-worker.properties"), worker);
        Path log = dir.resolve("apache-connect.log");
        Path log4j = dir.resolve("apache-log4j2.properties");
        Files.write(log4j, List.of(
                "appender.file.type=File",
                "appender.file.name=file",
                "appender.file.fileName=" + log,
                "appender.file.layout.type=PatternLayout",
                "appender.file.layout.pattern=[%d] %p %X{connector.context}%m (%c:%L)%n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.file.ref=file"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=file:" + log4j, "-Dkafka.logs.dir=" + dir,
                "-cp", lib + "/*", "org.apache.kafka.connect.cli.ConnectDistributed", properties.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("apache-connect.out").toFile()).start();
        ApacheConnectWorker apache = new ApacheConnectWorker(process, "http://127.0.0.1:" + port, log);
        apache.awaitReady(timeout);
        return apache;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (get("/connectors").status() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Apache Connect answered no GET /connectors within " + timeout + "; alive=" + process.isAlive()
                + "; log:\n" + logTail());
    }

    ConnectCluster.Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
    }

    ConnectCluster.Reply post(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ConnectCluster.JSON.writeValueAsBytes(body))));
    }

    private static ConnectCluster.Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? ConnectCluster.JSON.nullNode() : ConnectCluster.JSON.readTree(response.body());
        return new ConnectCluster.Reply(response.statusCode(), body);
    }

    /** SIGTERM — Apache stops its tasks and commits their offsets — and waits for the JVM to end. */
    int stop(Duration timeout) throws Exception {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Apache Connect did not stop within " + timeout + "; log:\n" + logTail());
        }
        return process.exitValue();
    }

    /** The last lines of Apache's log, for failure messages. */
    String logTail() throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
