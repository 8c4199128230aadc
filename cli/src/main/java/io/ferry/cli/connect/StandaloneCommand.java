package io.ferry.cli.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.ferry.cli.support.CliException;
import io.ferry.cli.support.FerryVersion;
import io.ferry.connect.server.ConnectorFiles;
import io.ferry.connect.server.ConnectorRequest;
import io.ferry.connect.server.StandaloneConnect;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry connect standalone WORKER.properties [CONNECTOR.(properties|json)...]}: the arguments
 * of Apache Kafka Connect's {@code connect-standalone}, so existing files work unchanged.
 */
@Command(name = "standalone",
        description = {
            "Run a standalone Connect worker with the connectors of the given files.",
            "WORKER is a connect-standalone.properties file (bootstrap.servers, key.converter, value.converter,"
                    + " offset.storage.file.filename, plugin.path, listeners...). Each CONNECTOR file is a connector's"
                    + " .properties, or JSON as POST /connectors takes it. Prints 'Connect worker ready at URL' once the REST"
                    + " API serves; Ctrl-C or SIGTERM stops the connectors, commits their offsets and exits."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class StandaloneCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKER", description = "The worker's properties file.")
    private Path workerFile;

    @Parameters(index = "1..*", paramLabel = "CONNECTOR", description = "Connector config files (.properties or .json).")
    private List<Path> connectorFiles = new ArrayList<>();

    @Option(names = "--log-file", paramLabel = "FILE", defaultValue = "logs/connect.log",
            description = "Where the worker's log goes (default: ${DEFAULT-VALUE}).")
    private Path logFile;

    @Option(names = {"-v", "--verbose"}, description = "Also write the log to standard error.")
    private boolean verbose;

    @Override
    public Integer call() throws Exception {
        Map<String, String> settings = WorkerProcess.workerSettings(workerFile);
        List<ConnectorRequest> connectors = new ArrayList<>();
        for (Path file : connectorFiles) {
            connectors.add(read(file));
        }
        return WorkerProcess.run(spec.commandLine().getOut(), logFile, verbose,
                () -> StandaloneConnect.start(settings, connectors, FerryVersion.current().ferry()), StandaloneConnect::restUrl);
    }

    private static ConnectorRequest read(Path file) {
        try {
            return ConnectorFiles.read(file);
        } catch (ConfigException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}
