package io.ferry.cli.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ferry.cli.FerryProcess;

/**
 * Jars of third-party runtimes and plugins that the compatibility tests run beside Ferry (Apache Kafka Connect,
 * Apache's mirror connectors), fetched from Maven Central through a pom of their own with the project's Maven
 * Wrapper — never dependencies of Ferry's build. A folder that already holds the expected jar is used as it is.
 */
final class MavenFetch {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private MavenFetch() {
    }

    /**
     * Runs {@code ./mvnw -f POM dependency:copy-dependencies -DincludeScope=runtime ARGUMENTS
     * -DoutputDirectory=OUTPUT} from the repository's root unless {@code expected} (a file in {@code output})
     * exists already.
     *
     * @param pom the pom, relative to the repository's root
     * @return {@code output}
     * @throws AssertionError when Maven fails or the expected file is still missing, with Maven's output
     */
    static Path copyDependencies(String pom, List<String> arguments, Path output, String expected) throws Exception {
        if (Files.exists(output.resolve(expected))) {
            return output;
        }
        Path home = FerryProcess.home();
        List<String> command = new ArrayList<>(List.of(home.resolve("mvnw").toString(), "-B", "-q", "-f", pom,
                "dependency:copy-dependencies", "-DincludeScope=runtime"));
        command.addAll(arguments);
        command.add("-DoutputDirectory=" + output);
        Path log = Files.createTempFile("maven-fetch", ".log");
        Process fetch = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = fetch.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            fetch.destroyForcibly();
        }
        if (!ended || fetch.exitValue() != 0 || !Files.exists(output.resolve(expected))) {
            throw new AssertionError(expected + " could not be fetched from Maven Central into " + output + " with "
                    + String.join(" ", command.subList(1, command.size())) + " ("
                    + (ended ? "exit code " + fetch.exitValue() : "no answer within " + TIMEOUT) + "):\n" + Files.readString(log));
        }
        return output;
    }
}
