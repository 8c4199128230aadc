package io.ferry.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The root {@code ./ferry} launcher run as a real process, with its standard output and error
 * collected line by line. The build that runs the tests has just built the command line, so the
 * launcher is told not to build again.
 */
public final class FerryProcess implements AutoCloseable {
    /**
     * JVM options for the processes the tests start, ahead of any FERRY_JAVA_OPTS of the environment (which win).
     * The tests start dozens of short-lived processes, often several at once on a two-core CI machine: the client
     * compiler alone and the serial collector leave the cores to the processes instead of to C2's compiler and G1's
     * threads, and bring a registry's start from about 3 s to 2 s there. Behaviour does not depend on either.
     */
    private static final String TEST_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final Process process;
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());
    private final Thread outReader;
    private final Thread errReader;

    private FerryProcess(Process process) {
        this.process = process;
        this.outReader = collect(process.getInputStream(), out, "ferry-stdout");
        this.errReader = collect(process.getErrorStream(), err, "ferry-stderr");
    }

    public static Path home() {
        return Path.of(System.getProperty("ferry.home", "..")).toAbsolutePath().normalize();
    }

    public static FerryProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home().resolve("ferry").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home().toFile());
        builder.environment().put("FERRY_SKIP_BUILD", "1");
        builder.environment().put("FERRY_JAVA_OPTS", (TEST_JVM_OPTIONS + " " + System.getenv().getOrDefault("FERRY_JAVA_OPTS", "")).trim());
        return new FerryProcess(builder.start());
    }

    /** Runs a command that ends by itself and returns its exit code. */
    public static FerryProcess run(String... args) throws Exception {
        FerryProcess ferry = start(args);
        ferry.awaitExit(Duration.ofSeconds(60));
        return ferry;
    }

    private static Thread collect(InputStream stream, List<String> lines, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Waits until standard output has a line starting with {@code prefix}; fails with what was printed. */
    public String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (out) {
                for (String line : out) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line starting with '" + prefix + "' within " + timeout + "; alive=" + process.isAlive()
                + ", stdout=" + stdout() + ", stderr=" + stderr());
    }

    public long pid() {
        return process.pid();
    }

    /** Sends a signal (TERM, INT, KILL...) with the system's kill command. */
    public void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("ferry did not exit within " + timeout + "; stdout=" + stdout() + ", stderr=" + stderr());
        }
        outReader.join(5000);
        errReader.join(5000);
        return process.exitValue();
    }

    public int exitCode() {
        return process.exitValue();
    }

    public List<String> stdout() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    public List<String> stderr() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
