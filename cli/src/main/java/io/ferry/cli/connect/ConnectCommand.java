package io.ferry.cli.connect;

import io.ferry.cli.connect.plugins.PluginsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ferry connect}: the Connect runtime's commands. */
@Command(name = "connect",
        description = "Run a Kafka Connect worker that runs connect-api plugins unchanged.",
        subcommands = {StandaloneCommand.class, DistributedCommand.class, PluginsCommand.class, CommandLine.HelpCommand.class},
        mixinStandardHelpOptions = true)
public final class ConnectCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
