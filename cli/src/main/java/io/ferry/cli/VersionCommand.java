package io.ferry.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.ferry.cli.support.FerryVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ferry version}: Ferry's version and the Kafka version it bundles. */
@Command(name = "version", description = "Print Ferry's version and the Kafka version it bundles.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        FerryVersion version = FerryVersion.current();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Ferry " + version.ferry());
        out.println("Kafka " + version.kafka());
        out.flush();
        return 0;
    }
}
