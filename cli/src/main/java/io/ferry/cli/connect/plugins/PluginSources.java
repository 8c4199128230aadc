package io.ferry.cli.connect.plugins;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.ferry.cli.support.CliException;
import io.ferry.connect.plugins.PluginLocationReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options shared by the {@code plugins} commands: where the plugins to inspect are, as Apache's {@code connect-plugin-path} takes them: single locations,
 * {@code plugin.path} values, and worker configs whose {@code plugin.path} is read. Unlike a worker, which
 * skips a {@code plugin.path} entry it cannot read, these commands refuse it: the user named it.
 */
final class PluginSources {
    private static final String PLUGIN_PATH = "plugin.path";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--plugin-location", paramLabel = "PATH",
            description = "A single plugin location: a jar, or a directory of jars or of classes. Repeatable.")
    private List<String> pluginLocations = new ArrayList<>();

    @Option(names = "--plugin-path", paramLabel = "PATHS",
            description = "A plugin.path value: comma-separated directories of plugin locations, or jars. Repeatable.")
    private List<String> pluginPaths = new ArrayList<>();

    @Option(names = "--worker-config", paramLabel = "FILE",
            description = "A Connect worker's properties file, whose plugin.path is used. Repeatable.")
    private List<String> workerConfigs = new ArrayList<>();

    /** Where the command prints its answer. */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /**
     * The plugin locations named, in order, each once.
     *
     * @throws CliException when none is named, or a file or directory named cannot be read
     */
    List<Path> locations() {
        if (pluginLocations.isEmpty() && pluginPaths.isEmpty() && workerConfigs.isEmpty()) {
            throw new CliException("Must specify at least one --plugin-location, --plugin-path, or --worker-config",
                    PluginsCommand.MISSING_PLUGINS, null);
        }
        List<String> paths = new ArrayList<>(pluginPaths);
        for (String workerConfig : workerConfigs) {
            String pluginPath = readPluginPath(workerConfig);
            if (pluginPath != null && !pluginPath.isBlank()) {
                paths.add(pluginPath);
            }
        }
        Set<Path> locations = new LinkedHashSet<>();
        for (String pluginPath : paths) {
            List<Path> entries = new ArrayList<>();
            for (String entry : pluginPath.trim().split("\\s*,\\s*", -1)) {
                entries.add(existing(entry, "plugin.path entry"));
            }
            locations.addAll(PluginLocationReport.locationsOf(entries));
        }
        for (String location : pluginLocations) {
            locations.add(existing(location, "plugin location"));
        }
        return List.copyOf(locations);
    }

    private static String readPluginPath(String workerConfig) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(workerConfig))) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw badInput("Unable to read worker config " + workerConfig + ": no such file", e);
        } catch (IOException | IllegalArgumentException e) {
            throw badInput("Unable to read worker config " + workerConfig + ": " + e.getMessage(), e);
        }
        return properties.getProperty(PLUGIN_PATH);
    }

    private static Path existing(String path, String what) {
        try {
            Path absolute = Path.of(path).toAbsolutePath().normalize();
            if (path.isBlank() || !Files.exists(absolute)) {
                throw badInput("The " + what + " '" + path + "' does not exist", null);
            }
            if (!Files.isReadable(absolute)) {
                throw badInput("The " + what + " " + absolute + " cannot be read: permission denied", null);
            }
            return absolute;
        } catch (InvalidPathException e) {
            throw badInput("The " + what + " '" + path + "' is not a valid path: " + e.getReason(), e);
        }
    }

    static CliException badInput(String message, Throwable cause) {
        return new CliException(message, PluginsCommand.BAD_INPUT, cause);
    }

    /**
     * Inspects every location named.
     *
     * @throws CliException when a location or one of its jars cannot be read
     */
    List<PluginLocationReport> inspect() {
        List<PluginLocationReport> reports = new ArrayList<>();
        for (Path location : locations()) {
            try {
                reports.add(PluginLocationReport.of(location));
            } catch (IOException e) {
                throw badInput("Unable to read plugin location " + location + ": " + e, e);
            }
        }
        return reports;
    }
}
