package io.ferry.cli;

import java.io.PrintWriter;

import io.ferry.cli.connect.ConnectCommand;
import io.ferry.cli.connectors.ConnectorsCommand;
import io.ferry.cli.dev.DevCommand;
import io.ferry.cli.kafka.KafkaCommand;
import io.ferry.cli.quickstart.QuickstartCommand;
import io.ferry.cli.registry.RegistryCommand;
import io.ferry.cli.schemas.SchemasCommand;
import io.ferry.cli.support.FerryVersion;
import io.ferry.cli.support.OneLineErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code ferry} command and its subcommands. */
@Command(name = "ferry",
        mixinStandardHelpOptions = true,
        versionProvider = Ferry.Version.class,
        description = "Ferry: a Kafka Connect runtime and a schema registry on Apache Kafka.",
        subcommands = {QuickstartCommand.class, DevCommand.class, KafkaCommand.class, RegistryCommand.class, ConnectCommand.class,
                ConnectorsCommand.class, SchemasCommand.class, VersionCommand.class, CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class Ferry implements Runnable {

    @picocli.CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Ferry());
        commandLine.setOut(out);
        commandLine.setErr(err);
        OneLineErrors errors = new OneLineErrors();
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        // "ferry" alone: show what there is to run.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Answers {@code ferry --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            FerryVersion version = FerryVersion.current();
            return new String[] {"Ferry " + version.ferry(), "Kafka " + version.kafka()};
        }
    }
}
