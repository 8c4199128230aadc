package io.ferry.cli.connect.plugins;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ferry connect plugins}: Apache Kafka's {@code connect-plugin-path} tool, with its options, output and
 * exit codes: {@value #MISSING_PLUGINS} when no plugin location is given, {@value #BAD_INPUT} when one cannot
 * be read or written, {@value #FAILED} when writing manifests fails midway.
 */
@Command(name = "plugins",
        description = "Inspect the plugins of a plugin.path, and write the service manifests plugin.discovery=service_load needs.",
        subcommands = {ListPluginsCommand.class, LintPluginsCommand.class, SyncManifestsCommand.class,
                CommandLine.HelpCommand.class},
        mixinStandardHelpOptions = true)
public final class PluginsCommand implements Runnable {
    /** No --plugin-location, --plugin-path or --worker-config was given. */
    static final int MISSING_PLUGINS = 1;
    /** A worker config, plugin.path entry or plugin location cannot be read, or cannot be written. */
    static final int BAD_INPUT = 2;
    /** Writing manifests failed after it started; the plugin path may be left half changed. */
    static final int FAILED = 3;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
