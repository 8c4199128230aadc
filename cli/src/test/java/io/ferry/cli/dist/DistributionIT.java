package io.ferry.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.ferry.cli.FerryProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution {@code ./mvnw package} builds: unpacked in a folder of its own, away from the source
 * tree, {@code bin/ferry} runs the command line from {@code lib/} alone — down to a whole quickstart —
 * and the example files under {@code config/} are there and name Ferry's connectors.
 */
class DistributionIT {
    @TempDir
    static Path unpacked;

    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path target = FerryProcess.home().resolve("cli/target");
        Path tarball;
        try (Stream<Path> files = Files.list(target)) {
            tarball = files.filter(file -> file.getFileName().toString().matches("ferry-.+\\.tar\\.gz")).findFirst().orElseThrow(
                    () -> new AssertionError("no ferry-<version>.tar.gz in " + target + "; ./mvnw package builds it"));
        }
        Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", unpacked.toString()).inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0).as("tar xzf %s", tarball).isTrue();
        try (Stream<Path> dirs = Files.list(unpacked)) {
            home = dirs.findFirst().orElseThrow();
        }
    }

    private static Process run(Path workDir, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/ferry").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    }

    private static String output(Process process, Duration timeout) throws Exception {
        assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).as("finished within %s", timeout).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldHoldTheLauncherTheLibrariesTheExamplesAndAPluginFolder() throws Exception {
        assertThat(home.getFileName().toString()).startsWith("ferry-");
        assertThat(Files.isExecutable(home.resolve("bin/ferry"))).isTrue();
        assertThat(home.resolve("lib/ferry-cli.jar")).exists();
        assertThat(home.resolve("plugins")).isDirectory();
        Properties worker = load(home.resolve("config/connect-standalone.properties"));
        assertThat(worker.getProperty("value.converter")).isEqualTo("io.ferry.serde.connect.AvroConverter");
        assertThat(load(home.resolve("config/registry.properties")).getProperty("listeners")).isNotBlank();
        assertThat(load(home.resolve("config/connectors/postgres-source.properties")).getProperty("connector.class"))
                .isEqualTo("io.ferry.connectors.jdbc.source.JdbcSourceConnector");
        assertThat(load(home.resolve("config/connectors/mariadb-sink.properties")).getProperty("connector.class"))
                .isEqualTo("io.ferry.connectors.jdbc.sink.JdbcSinkConnector");
        assertThat(load(home.resolve("config/connectors/datagen-users.properties")).getProperty("connector.class"))
                .isEqualTo("io.ferry.connectors.datagen.DatagenSourceConnector");
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            assertThat(lib.map(jar -> jar.getFileName().toString()))
                    .anyMatch(jar -> jar.startsWith("ferry-connectors-jdbc-"))
                    .anyMatch(jar -> jar.startsWith("ferry-connectors-datagen-"))
                    .anyMatch(jar -> jar.startsWith("avro-"));
        }
    }

    @Test
    void shouldRunTheCommandLineFromItsOwnLibrariesAway(@TempDir Path elsewhere) throws Exception {
        Process version = run(elsewhere, "version");
        String printed = output(version, Duration.ofSeconds(60));
        assertThat(version.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Ferry").contains("Kafka 4.3.1");

        Process quickstart = run(elsewhere, "quickstart", "--rows", "300");
        String report = output(quickstart, Duration.ofSeconds(240));
        assertThat(quickstart.exitValue()).as(report).isZero();
        assertThat(report).contains("tables equal:      yes, 300 rows").contains("refused (HTTP 409)");
        assertThat(elsewhere.resolve(".ferry/quickstart/demo/warehouse.db")).exists();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
