package io.ferry.cli.connectors;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.cli.support.CommandOutput;
import io.ferry.cli.support.ExitCodes;
import io.ferry.cli.support.OutputFormat;
import io.ferry.cli.support.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code ferry connectors}: a client of a Kafka Connect cluster's REST API. The subcommands that
 * read print a table (or the server's JSON with {@code --output json}); those that act print one
 * line saying what was done. Exit codes: see {@link ExitCodes}.
 */
@Command(name = "connectors",
        description = "Manage the connectors of a Kafka Connect cluster (Ferry or Apache Kafka Connect) over its REST API.",
        subcommands = {CreateCommand.class, ApplyCommand.class},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class ConnectorsCommand {
    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            defaultValue = "${env:FERRY_CONNECT_URL:-http://127.0.0.1:8083}",
            description = "The Connect REST API (default: $FERRY_CONNECT_URL, else http://127.0.0.1:8083).")
    String url;

    @Option(names = "--output", paramLabel = "FORMAT", scope = ScopeType.INHERIT, defaultValue = "table",
            description = "table (default) or json: the server's JSON, for scripts.")
    OutputFormat output;

    ConnectClient client() {
        return new ConnectClient(url);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the connectors with their connector and task states.")
    int list() {
        return print(client().listWithStatus(), ConnectorTables::list);
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the state of a connector and its tasks.")
    int status(@Parameters(paramLabel = "NAME") String name) {
        return print(client().status(name), ConnectorTables::status);
    }

    @Command(name = "offsets", mixinStandardHelpOptions = true, description = "Show the offsets a connector has committed, per partition.")
    int offsets(@Parameters(paramLabel = "NAME") String name) {
        return print(client().offsets(name), ConnectorTables::offsets);
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause a connector and its tasks.")
    int pause(@Parameters(paramLabel = "NAME") String name) {
        return done(client().put(name, "pause"), "paused " + name);
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused or stopped connector.")
    int resume(@Parameters(paramLabel = "NAME") String name) {
        return done(client().put(name, "resume"), "resumed " + name);
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a connector's tasks and keep its config (offsets may then change).")
    int stop(@Parameters(paramLabel = "NAME") String name) {
        return done(client().put(name, "stop"), "stopped " + name);
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart a connector, and with --include-tasks its tasks.")
    int restart(@Parameters(paramLabel = "NAME") String name,
                @Option(names = "--include-tasks", description = "Restart the tasks too.") boolean includeTasks,
                @Option(names = "--only-failed", description = "Restart only the instances that failed.") boolean onlyFailed) {
        return done(client().restart(name, includeTasks, onlyFailed), "restarted " + name);
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a connector.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        return done(client().delete(name), "deleted " + name);
    }

    /** Where the answer goes, in the chosen format. */
    CommandOutput out() {
        return new CommandOutput(spec.commandLine().getOut(), output);
    }

    private int print(JsonNode answer, Function<JsonNode, TextTable> table) {
        out().print(answer, table);
        return ExitCodes.OK;
    }

    private int done(JsonNode answer, String line) {
        out().done(answer, line);
        return ExitCodes.OK;
    }
}
