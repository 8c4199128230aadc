package io.ferry.cli.connect;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.ferry.cli.support.FerryVersion;
import io.ferry.connect.server.DistributedConnect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry connect distributed WORKER.properties}: the argument of Apache Kafka Connect's
 * {@code connect-distributed}, so an existing worker file works unchanged.
 */
@Command(name = "distributed",
        description = {
            "Run a worker of a distributed Connect cluster: workers with the same group.id share connectors and tasks.",
            "WORKER is a connect-distributed.properties file (bootstrap.servers, group.id, config.storage.topic,"
                    + " offset.storage.topic, status.storage.topic, key.converter, value.converter, plugin.path, listeners...)."
                    + " Connectors are created through the REST API of any worker. Prints 'Connect worker ready at URL' once"
                    + " the worker joined the group; Ctrl-C or SIGTERM leaves the group, so the others take over its tasks at once."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class DistributedCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKER", description = "The worker's properties file.")
    private Path workerFile;

    @Option(names = "--log-file", paramLabel = "FILE", defaultValue = "logs/connect.log",
            description = "Where the worker's log goes (default: ${DEFAULT-VALUE}).")
    private Path logFile;

    @Option(names = {"-v", "--verbose"}, description = "Also write the log to standard error.")
    private boolean verbose;

    @Override
    public Integer call() throws Exception {
        Map<String, String> settings = WorkerProcess.workerSettings(workerFile);
        return WorkerProcess.run(spec.commandLine().getOut(), logFile, verbose,
                () -> DistributedConnect.start(settings, FerryVersion.current().ferry()), DistributedConnect::restUrl);
    }
}
