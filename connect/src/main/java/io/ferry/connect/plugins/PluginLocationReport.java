package io.ferry.connect.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What one plugin location holds, seen both ways a worker can look ({@code plugin.discovery}): the plugins a
 * class-file scan finds, the plugins the location's service manifests name, and whether the two agree. For
 * the tools that inspect and repair a {@code plugin.path} ({@code ferry connect plugins}); a worker uses
 * {@link Plugins}.
 *
 * <p>A plugin is <em>loadable</em> when the scan or a manifest finds it and it passes the checks a worker
 * makes (public, concrete, a public no-arg constructor, an instance made to ask its version); a manifest
 * entry that names a class which is not a loadable plugin of that kind is reported as not loadable. A
 * plugin is compatible with {@code plugin.discovery=service_load} when it is loadable and a manifest of the
 * location lists it under its kind. As in Apache Kafka Connect, config providers and client override
 * policies are found through manifests only.
 *
 * @param location  the location's absolute path: a jar, a directory of jars, or a directory of classes
 * @param layout    which of these it is
 * @param plugins   every plugin found and every manifest entry, by class name then kind
 * @param manifests for each jar or class directory of the location, in class path order, the class names its
 *                  manifests list under each kind (kinds without a manifest map to an empty set)
 */
public record PluginLocationReport(Path location, Layout layout, List<Plugin> plugins,
        Map<Path, Map<PluginType, Set<String>>> manifests) {

    /** How a location holds its classes, which decides where manifests are written. */
    public enum Layout {
        /** A single jar (or zip), such as an uber-jar. */
        JAR,
        /** A directory of jars (searched recursively). */
        JARS,
        /** A directory of class files. */
        CLASSES
    }

    /**
     * One plugin of the location, or one manifest entry that names no loadable plugin.
     *
     * @param className   the class's binary name
     * @param type        its kind; a class of two kinds has one entry for each
     * @param version     what it reports, {@value PluginDesc#UNDEFINED_VERSION} when it reports none or is not loadable
     * @param aliases     its simple name and, when different, that name without the kind's suffix; empty when
     *                    not loadable
     * @param loadable    whether a worker can run it
     * @param hasManifest whether a manifest of the location lists it under this kind
     */
    public record Plugin(String className, PluginType type, String version, List<String> aliases, boolean loadable,
            boolean hasManifest) {

        public Plugin {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(version, "version");
            aliases = List.copyOf(aliases);
        }

        /** Whether {@code plugin.discovery=service_load} finds it: loadable, and listed in a manifest. */
        public boolean compatible() {
            return loadable && hasManifest;
        }
    }

    public PluginLocationReport {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(layout, "layout");
        plugins = List.copyOf(plugins);
        Map<Path, Map<PluginType, Set<String>>> copy = new LinkedHashMap<>();
        manifests.forEach((root, byType) -> {
            Map<PluginType, Set<String>> types = new EnumMap<>(PluginType.class);
            byType.forEach((type, classNames) -> types.put(type, Collections.unmodifiableSet(new LinkedHashSet<>(classNames))));
            copy.put(root, Collections.unmodifiableMap(types));
        });
        manifests = Collections.unmodifiableMap(copy);
    }

    /**
     * The plugin locations of {@code plugin.path} entries, as a worker finds them: each directory and jar
     * inside an entry that is a directory, or the entry itself when it is a jar. Entries that do not exist
     * or cannot be listed are skipped with a warning in the log.
     */
    public static List<Path> locationsOf(List<Path> pluginPath) {
        return PluginLocations.of(pluginPath);
    }

    /**
     * Inspects one plugin location: opens it in its own loader as a worker would, finds its plugins by
     * scanning and by its manifests, then closes the loader.
     *
     * @throws IOException when the location, one of its jars or one of its manifests cannot be read
     */
    public static PluginLocationReport of(Path location) throws IOException {
        Path absolute = location.toAbsolutePath().normalize();
        List<Path> classPath = PluginLocations.classPath(absolute);
        Layout layout = PluginLocations.isArchive(absolute) ? Layout.JAR
                : classPath.equals(List.of(absolute)) ? Layout.CLASSES : Layout.JARS;
        Map<Path, Map<PluginType, Set<String>>> manifests = new LinkedHashMap<>();
        for (Path root : classPath) {
            manifests.put(root, readManifests(root));
        }
        Map<String, DiscoveredPlugin> loadable = classPath.isEmpty() ? Map.of() : loadablePlugins(absolute, classPath);
        return new PluginLocationReport(absolute, layout, rows(loadable.values(), manifests), manifests);
    }

    /** The manifests of one jar or class directory, for every kind. */
    public static Map<PluginType, Set<String>> readManifests(Path root) throws IOException {
        Map<PluginType, Set<String>> manifests = new EnumMap<>(PluginType.class);
        if (Files.isDirectory(root)) {
            for (PluginType type : PluginType.values()) {
                Path manifest = root.resolve(ServiceManifests.path(type));
                manifests.put(type, new LinkedHashSet<>());
                if (Files.isRegularFile(manifest)) {
                    try (InputStream in = Files.newInputStream(manifest)) {
                        manifests.put(type, ServiceManifests.read(in));
                    }
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(root.toFile())) {
                for (PluginType type : PluginType.values()) {
                    ZipEntry entry = jar.getEntry(ServiceManifests.path(type));
                    manifests.put(type, new LinkedHashSet<>());
                    if (entry != null && !entry.isDirectory()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            manifests.put(type, ServiceManifests.read(in));
                        }
                    }
                }
            }
        }
        return manifests;
    }

    /** Every plugin of the location that either way of discovery finds, by class name and kind. */
    private static Map<String, DiscoveredPlugin> loadablePlugins(Path location, List<Path> classPath) throws IOException {
        Map<String, DiscoveredPlugin> found = new LinkedHashMap<>();
        RoutingClassLoader routing = new RoutingClassLoader(PluginLocationReport.class.getClassLoader());
        try (PluginClassLoader loader = new PluginClassLoader(location, PluginDiscovery.urls(classPath), routing)) {
            PluginProbe probe = new PluginProbe(PluginSource.isolated(loader, classPath));
            List<DiscoveredPlugin> all = new ArrayList<>(ServiceManifestScanner.scan(probe, EnumSet.allOf(PluginType.class)));
            all.addAll(ClassFileScanner.scan(probe));
            for (DiscoveredPlugin plugin : all) {
                found.putIfAbsent(key(plugin.desc().className(), plugin.desc().type()), plugin);
            }
        }
        return found;
    }

    private static List<Plugin> rows(Iterable<DiscoveredPlugin> loadable, Map<Path, Map<PluginType, Set<String>>> manifests) {
        Set<String> seen = new LinkedHashSet<>();
        List<Plugin> rows = new ArrayList<>();
        for (DiscoveredPlugin plugin : loadable) {
            PluginDesc desc = plugin.desc();
            Set<String> aliases = new LinkedHashSet<>();
            aliases.add(plugin.simpleName());
            aliases.add(PluginAliases.prunedName(plugin.simpleName(), desc.type()));
            seen.add(key(desc.className(), desc.type()));
            rows.add(new Plugin(desc.className(), desc.type(), desc.version(), List.copyOf(aliases), true,
                    listed(manifests, desc.type(), desc.className())));
        }
        for (Map<PluginType, Set<String>> root : manifests.values()) {
            root.forEach((type, classNames) -> classNames.forEach(className -> {
                if (seen.add(key(className, type))) {
                    rows.add(new Plugin(className, type, PluginDesc.UNDEFINED_VERSION, List.of(), false, true));
                }
            }));
        }
        rows.sort(Comparator.comparing(Plugin::className).thenComparing(Plugin::type));
        return rows;
    }

    private static boolean listed(Map<Path, Map<PluginType, Set<String>>> manifests, PluginType type, String className) {
        return manifests.values().stream().anyMatch(root -> root.getOrDefault(type, Set.of()).contains(className));
    }

    private static String key(String className, PluginType type) {
        return className + "\u0000" + type;
    }
}
