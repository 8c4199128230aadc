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
 * Apache's mirror connectors, Debezium), fetched from Maven Central through a pom of their own with the project's
 * Maven Wrapper — never dependencies of Ferry's build. What is already there is used as it is.
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
     */
    static Path copyDependencies(String pom, List<String> arguments, Path output, String expected) throws Exception {
        List<String> goal = new ArrayList<>(List.of("dependency:copy-dependencies", "-DincludeScope=runtime"));
        goal.addAll(arguments);
        goal.add("-DoutputDirectory=" + output);
        run(pom, goal, output.resolve(expected));
        return output;
    }

    /**
     * Runs {@code ./mvnw -B -q -f POM GOAL...} from the repository's root unless {@code expected} exists already.
     *
     * @param pom the pom, relative to the repository's root
     * @throws AssertionError when Maven fails or {@code expected} is still missing, with Maven's output
     */
    static void run(String pom, List<String> goal, Path expected) throws Exception {
        if (Files.exists(expected)) {
            return;
        }
        Path home = FerryProcess.home();
        List<String> command = new ArrayList<>(List.of(home.resolve("mvnw").toString(), "-B", "-q", "-f", pom));
        command.addAll(goal);
        Path log = Files.createTempFile("maven-fetch", ".log");
        Process fetch = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = fetch.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            fetch.destroyForcibly();
        }
        if (!ended || fetch.exitValue() != 0 || !Files.exists(expected)) {
            throw new AssertionError(expected.getFileName() + " could not be fetched from Maven Central to " + expected.getParent()
                    + " with ./mvnw " + String.join(" ", command.subList(1, command.size())) + " ("
                    + (ended ? "exit code " + fetch.exitValue() : "no answer within " + TIMEOUT) + "):\n" + Files.readString(log));
        }
    }
}
