package io.ferry.connect.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Kafka Connect's {@code plugin.path} rules. Each entry is one of:
 * <ul>
 *   <li>a directory: each directory or jar ({@code .jar}, {@code .zip}) directly inside it is a plugin
 *       location, with its own class loader;</li>
 *   <li>a jar: that jar alone is a plugin location (an uber-jar).</li>
 * </ul>
 * A location that is a directory contributes every jar found below it (symbolic links followed), or,
 * when it holds no jar but class files, itself as a directory of classes; when it holds both, the jars
 * win and the class files are ignored with a warning.
 *
 * <p>An entry that does not exist, cannot be listed or is neither a directory nor a jar is skipped with a
 * warning that names it; it never stops the worker.
 */
final class PluginLocations {
    private static final Logger log = LoggerFactory.getLogger(PluginLocations.class);

    private PluginLocations() {
    }

    /** The plugin locations of the entries, in order, each once, as absolute paths. */
    static List<Path> of(List<Path> pluginPath) {
        Set<Path> locations = new LinkedHashSet<>();
        for (Path entry : pluginPath) {
            Path absolute = entry.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) {
                log.warn("Ignoring plugin.path entry {}: it does not exist", absolute);
            } else if (Files.isDirectory(absolute)) {
                locations.addAll(locationsInside(absolute));
            } else if (isArchive(absolute)) {
                locations.add(absolute);
            } else {
                log.warn("Ignoring plugin.path entry {}: it is neither a directory nor a .jar or .zip file", absolute);
            }
        }
        return List.copyOf(locations);
    }

    /**
     * The class path of one plugin location: the location itself when it is a jar or a directory of classes,
     * else the jars below it (sorted). Empty when it holds nothing loadable.
     *
     * @throws IOException when the location cannot be listed
     */
    static List<Path> classPath(Path location) throws IOException {
        if (isArchive(location)) {
            return List.of(location);
        }
        Set<Path> archives = new TreeSet<>();
        boolean hasClassFiles = false;
        Set<Path> visited = new HashSet<>();
        Deque<Path> directories = new ArrayDeque<>();
        directories.push(location);
        visited.add(location.toRealPath());
        while (!directories.isEmpty()) {
            for (Path child : list(directories.pop())) {
                Path real = realPath(child);
                if (real == null || !visited.add(real)) {
                    continue;
                }
                if (Files.isDirectory(real)) {
                    directories.push(child);
                } else if (isArchive(child)) {
                    archives.add(child);
                } else if (isClassFile(child)) {
                    hasClassFiles = true;
                }
            }
        }
        if (hasClassFiles && archives.isEmpty()) {
            return List.of(location);
        }
        if (hasClassFiles) {
            log.warn("Plugin location {} holds both jars and class files; only the jars are used", location);
        }
        return List.copyOf(archives);
    }

    static boolean isArchive(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

    private static boolean isClassFile(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".class");
    }

    private static List<Path> locationsInside(Path entry) {
        List<Path> locations = new ArrayList<>();
        try {
            for (Path child : list(entry)) {
                if (Files.isDirectory(child) || isArchive(child)) {
                    locations.add(child);
                } else if (isClassFile(child)) {
                    log.warn("Ignoring {}: classes in plugin.path must be in a directory inside {}", child, entry);
                }
            }
        } catch (IOException e) {
            log.warn("Ignoring plugin.path entry {}: it cannot be listed ({})", entry, e.toString());
        }
        return locations;
    }

    private static List<Path> list(Path directory) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(children::add);
        }
        children.sort(null);
        return children;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            log.warn("Ignoring {}: it cannot be resolved ({})", path, e.toString());
            return null;
        }
    }
}
