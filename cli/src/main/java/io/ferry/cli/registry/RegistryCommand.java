package io.ferry.cli.registry;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.ferry.cli.support.FerryVersion;
import io.ferry.cli.support.CliException;
import io.ferry.cli.support.HostPortConverter;
import io.ferry.cli.support.ProcessLogging;
import io.ferry.cli.support.ShutdownSignals;
import io.ferry.kafka.embedded.HostPort;
import io.ferry.kafka.embedded.KafkaStorage;
import io.ferry.kafka.embedded.LocalPorts;
import io.ferry.kafka.support.admin.TopicSetupException;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.rest.RegistryHttpServer;
import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import io.ferry.registry.service.RegistrySettings;
import io.ferry.registry.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry registry}: a schema registry node speaking Confluent Schema Registry's REST API, on
 * a local log (one node) or on a Kafka topic (one or more nodes, one elected leader).
 */
@Command(name = "registry",
        description = {
            "Run a schema registry that speaks Confluent Schema Registry's REST API.",
            "Schemas live in a local log under --data-dir, or in the Kafka topic _schemas with --kafka-bootstrap (where several nodes"
                    + " elect a leader). Prints 'Schema registry ready at URL' once it serves; Ctrl-C or SIGTERM stops it."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class RegistryCommand implements Callable<Integer> {
    private static final String LOOPBACK = "127.0.0.1";

    @Spec
    private CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", converter = HostPortConverter.class,
            description = "Address to serve HTTP on (default: 127.0.0.1:8081, or listeners= of --config); port 0 picks a free port.")
    private HostPort listen;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".ferry/registry",
            description = "Where the local log and the process log live (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT[,...]",
            description = "Keep schemas in the Kafka topic _schemas of this cluster instead of the local log.")
    private String kafkaBootstrap;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A registry properties file with Confluent's names (listeners, kafkastore.bootstrap.servers, kafkastore.topic, "
                    + "schema.registry.group.id, schema.compatibility.level, kafkastore.security.*...); options win over it.")
    private Path configFile;

    @Option(names = "--advertise", paramLabel = "URL",
            description = "How other registry nodes reach this one (default: http://HOST:PORT of --listen).")
    private String advertise;

    @Option(names = {"-v", "--verbose"}, description = "Also write the log to standard error.")
    private boolean verbose;

    @Override
    public Integer call() throws Exception {
        RegistryProperties properties = configFile == null ? RegistryProperties.empty() : RegistryProperties.load(configFile);
        Path root = dataDir.toAbsolutePath().normalize();
        KafkaStorage.requireWritableDirectory(root);
        ProcessLogging.toFile(root.resolve("server.log"), verbose);

        HostPort requested = listen != null ? listen : properties.listener() != null ? properties.listener() : new HostPort(LOOPBACK, 8081);
        HostPort listener = requested.port() == 0 ? requested.withPort(LocalPorts.pickFree(requested.host())) : requested;
        LocalPorts.requireBindable(listener, "the schema registry");

        RegistryServerConfig config = new RegistryServerConfig(listener.host(), listener.port(), advertisedUrl(listener),
                backend(properties, root), settings(properties), RegistryHttpServer.DEFAULT_MAX_REQUEST_BYTES);
        ShutdownSignals signals = ShutdownSignals.install();
        RegistryServer server = start(config);
        try {
            if (!signals.stopRequested()) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("Schema registry ready at " + server.url());
                out.flush();
                signals.await();
            }
        } finally {
            server.close();
        }
        return 0;
    }

    private static RegistryServer start(RegistryServerConfig config) {
        try {
            return RegistryServer.start(config, FerryVersion.current().ferry());
        } catch (StoreException e) {
            throw new CliException(e.getMessage(), e);
        } catch (TopicSetupException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private RegistryServerConfig.Backend backend(RegistryProperties properties, Path root) {
        String bootstrap = kafkaBootstrap != null ? kafkaBootstrap : properties.bootstrapServers();
        if (bootstrap == null) {
            return new RegistryServerConfig.LocalBackend(root);
        }
        Map<String, Object> clientConfig = new HashMap<>(properties.clientSettings());
        clientConfig.put("bootstrap.servers", bootstrap);
        return properties.kafkaBackend(clientConfig);
    }

    private static RegistrySettings settings(RegistryProperties properties) {
        CompatibilityLevel level = properties.compatibility();
        RegistrySettings defaults = RegistrySettings.defaults();
        return level == null ? defaults : defaults.withDefaultCompatibility(level);
    }

    private String advertisedUrl(HostPort listener) {
        if (advertise != null) {
            return advertise;
        }
        String host = listener.isWildcard() ? localHostName() : listener.host();
        return "http://" + new HostPort(host, listener.port());
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return LOOPBACK;
        }
    }
}
