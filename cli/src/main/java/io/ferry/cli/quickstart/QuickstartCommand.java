package io.ferry.cli.quickstart;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.ferry.cli.dev.DevServices;
import io.ferry.cli.support.CliException;
import io.ferry.cli.support.ProcessLogging;
import io.ferry.cli.support.ShutdownSignals;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.StandaloneConnect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry quickstart}: starts Kafka, the registry and a worker in this process, streams an SQLite
 * table through Kafka as Avro under a registered schema into a second SQLite database, reports what
 * happened, then shows a compatible schema change accepted (and the sink adding the column) and an
 * incompatible one refused with the registry's reason.
 */
@Command(name = "quickstart",
        description = {
            "Show the whole idea in one command: an SQLite table streamed through Kafka (Avro, schema in the registry)"
                    + " into another SQLite database, then a compatible schema change accepted and an incompatible one"
                    + " refused. Starts fresh in --data-dir each time; exits 0 after the report unless --keep-running."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class QuickstartCommand implements Callable<Integer> {
    static final String TOPIC = "quickstart-customers";
    private static final String MARKER = ".ferry-quickstart";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".ferry/quickstart",
            description = "Where everything lives; emptied at each start (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "5000",
            description = "Customers in the demo table (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--keep-running", description = "Keep everything running after the report, until Ctrl-C, on the usual"
            + " ports (9092, 8081, 8083) where they are free.")
    private boolean keepRunning;

    @Option(names = {"-v", "--verbose"}, description = "Also write the log to standard error.")
    private boolean verbose;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        if (rows < 1) {
            throw new CliException("--rows must be at least 1, not " + rows);
        }
        Path root = fresh(dataDir.toAbsolutePath().normalize());
        ProcessLogging.toFile(root.resolve("quickstart.log"), verbose);
        out = spec.commandLine().getOut();
        ShutdownSignals signals = ShutdownSignals.install();
        // Kept running, it takes the usual ports where free, so clients find it at their defaults.
        DevServices.Ports ports = keepRunning ? DevServices.Ports.usualWhereFree() : new DevServices.Ports(0, 0, 0);
        try (DevServices services = DevServices.start(root, ports, this::say, signals::stopRequested)) {
            if (services.connect() == null || signals.stopRequested()) {
                return 0;
            }
            DemoDatabases demo = DemoDatabases.create(Files.createDirectories(root.resolve("demo")), rows);
            say("Created " + root.resolve("demo").resolve("shop.db") + " with " + rows + " customers");
            runPipeline(services, demo);
            if (keepRunning && !signals.stopRequested()) {
                say("Everything keeps running: Kafka " + services.kafka().bootstrapServers() + ", registry "
                        + services.registry().url() + ", Connect " + services.connect().restUrl() + ". Ctrl-C stops it.");
                signals.await();
            }
        }
        return 0;
    }

    private void runPipeline(DevServices services, DemoDatabases demo) throws Exception {
        StandaloneConnect connect = services.connect();
        create(connect, "shop-customers", source(demo));
        create(connect, "warehouse-customers", sink(demo));
        say("Streaming shop.customers → Kafka topic " + TOPIC + " (Avro) → warehouse.customers");
        Instant firstRow = followCopy(demo, rows);
        String subject = TOPIC + "-value";
        RegistryCalls registry = new RegistryCalls(services.registry().url());
        WireSizes sizes = WireSizes.measure(services.kafka().bootstrapServers(), TOPIC, services.registry().url(), 200);
        say("");
        say("Report");
        say("  tables equal:      " + (demo.tablesEqual() ? "yes, " + rows + " rows in shop.customers and warehouse.customers" : "NO"));
        say("  first row copied:  " + seconds(processStart(), firstRow) + " s after the command started");
        say("  subject:           " + subject + ", version " + registry.latest(subject).path("version").asInt()
                + ", schema id " + registry.latest(subject).path("id").asInt());
        say(String.format("  bytes per message: %.0f as Avro with a schema id, %.0f as JSON with the schema embedded (%d messages)",
                sizes.avroBytes(), sizes.jsonBytes(), sizes.messages()));
        evolve(demo, registry, subject);
        refuse(registry, subject);
    }

    private void evolve(DemoDatabases demo, RegistryCalls registry, String subject) throws Exception {
        say("");
        say("Schema change 1: ALTER TABLE customers ADD COLUMN tier TEXT DEFAULT 'basic', then 100 new customers");
        demo.alterShop("ALTER TABLE customers ADD COLUMN tier TEXT DEFAULT 'basic'");
        demo.insertCustomers(rows + 1, 100, "gold");
        await("the sink to add the column tier and copy the new rows",
                () -> demo.warehouseHasColumn("tier") && demo.warehouseCount() == rows + 100);
        var latest = registry.latest(subject);
        say("  accepted: " + subject + " version " + latest.path("version").asInt() + " (schema id " + latest.path("id").asInt()
                + ") is BACKWARD-compatible, the registry's default; the sink added column tier and now holds "
                + (rows + 100) + " rows");
    }

    private void refuse(RegistryCalls registry, String subject) throws Exception {
        say("");
        say("Schema change 2: a producer registers " + subject + " with name as an int instead of a string");
        HttpResponse<String> answer = registry.registerWithFieldType(subject, "name", "int");
        if (answer.statusCode() == 409) {
            say("  refused (HTTP 409): " + RegistryCalls.message(answer.body()));
        } else {
            throw new CliException("The registry accepted an incompatible schema (HTTP " + answer.statusCode() + "): " + answer.body());
        }
    }

    private Instant followCopy(DemoDatabases demo, long total) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Instant firstRow = null;
        long lastCount = 0;
        long lastPrint = System.nanoTime();
        while (true) {
            long copied = demo.warehouseCount();
            if (copied > 0 && firstRow == null) {
                firstRow = Instant.now();
            }
            long now = System.nanoTime();
            if (copied >= total || now - lastPrint >= 1_000_000_000L) {
                double rate = (copied - lastCount) * 1e9 / Math.max(1, now - lastPrint);
                say(String.format("  copied %,d of %,d rows, %,.0f rows/s, lag %,d", copied, total, rate, total - copied));
                lastCount = copied;
                lastPrint = now;
            }
            if (copied >= total) {
                return firstRow;
            }
            if (now > deadline) {
                throw new CliException("The sink copied " + copied + " of " + total + " rows in " + WAIT.toSeconds()
                        + " s; see " + dataDir.resolve("quickstart.log"));
            }
            Thread.sleep(100);
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new CliException("Waited " + WAIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static void create(StandaloneConnect connect, String name, Map<String, String> config) throws Exception {
        config.put("name", name);
        connect.herder().putConnectorConfig(name, config, TargetState.STARTED, false).get();
    }

    private static Map<String, String> source(DemoDatabases demo) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.ferry.connectors.jdbc.source.JdbcSourceConnector");
        config.put("connection.url", demo.shopUrl());
        config.put("table.whitelist", "customers");
        config.put("mode", "incrementing");
        config.put("incrementing.column.name", "id");
        config.put("topic.prefix", "quickstart-");
        config.put("poll.interval.ms", "200");
        config.put("batch.max.rows", "1000");
        return config;
    }

    private static Map<String, String> sink(DemoDatabases demo) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.ferry.connectors.jdbc.sink.JdbcSinkConnector");
        config.put("connection.url", demo.warehouseUrl());
        config.put("topics", TOPIC);
        config.put("table.name.format", "customers");
        config.put("insert.mode", "upsert");
        config.put("pk.mode", "record_value");
        config.put("pk.fields", "id");
        config.put("auto.create", "true");
        config.put("auto.evolve", "true");
        return config;
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    private static Instant processStart() {
        return ProcessHandle.current().info().startInstant().orElse(Instant.now());
    }

    private static String seconds(Instant from, Instant to) {
        return String.format("%.1f", Duration.between(from, to).toMillis() / 1000.0);
    }

    /** The data folder, emptied if an earlier quickstart made it; refused if it holds anything else. */
    private static Path fresh(Path root) throws IOException {
        if (Files.isDirectory(root)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(root)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(root.resolve(MARKER))) {
                throw new CliException(root + " holds files a quickstart did not make; give --data-dir an empty or new folder");
            }
            try (Stream<Path> all = Files.walk(root)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(root);
        Files.createFile(root.resolve(MARKER));
        return root;
    }
}
