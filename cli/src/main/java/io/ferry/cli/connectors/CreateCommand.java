package io.ferry.cli.connectors;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.cli.support.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ferry connectors create -f FILE}: creates one connector from a connector file; fails if the name is taken. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a connector from a .properties or .json connector file (as connect-standalone takes them).")
final class CreateCommand implements Callable<Integer> {

    @ParentCommand
    private ConnectorsCommand parent;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true, description = "The connector file.")
    private Path file;

    @Override
    public Integer call() {
        ConnectorSpec spec = ConnectorFileReader.read(file);
        JsonNode created = parent.client().create(spec);
        parent.out().done(created, "created " + spec.name());
        return ExitCodes.OK;
    }
}
