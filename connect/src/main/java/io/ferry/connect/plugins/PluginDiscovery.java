package io.ferry.connect.plugins;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One discovery run: makes a loader for each plugin location, finds the plugins of the classpath and of
 * every location as the mode says, and reports plugins without service manifests in the hybrid modes.
 */
final class PluginDiscovery {
    private static final Logger log = LoggerFactory.getLogger(PluginDiscovery.class);

    /** What a run found, and the loaders it opened (which the caller closes). */
    record Result(List<DiscoveredPlugin> plugins, List<PluginClassLoader> loaders) {
    }

    private final PluginDiscoveryMode mode;
    private final List<PluginClassLoader> loaders = new ArrayList<>();
    private final Set<PluginDesc> listed = new LinkedHashSet<>();
    private final List<DiscoveredPlugin> found = new ArrayList<>();

    private PluginDiscovery(PluginDiscoveryMode mode) {
        this.mode = mode;
    }

    /**
     * Discovers the plugins of the classpath and of the plugin path.
     *
     * @param mode          how to find plugins
     * @param framework     the framework's loader, which defines the classpath plugins
     * @param routing       the parent of every plugin loader
     * @param classPath     the classpath's jars and directories to scan (when the mode scans)
     * @param pluginPath    the {@code plugin.path} entries
     * @throws PluginDiscoveryException in {@code hybrid_fail} mode, when a plugin has no manifest; on this and
     *                                  any other failure the loaders opened so far are closed first
     */
    static Result run(PluginDiscoveryMode mode, ClassLoader framework, RoutingClassLoader routing,
            List<Path> classPath, List<Path> pluginPath) {
        PluginDiscovery run = new PluginDiscovery(mode);
        try {
            long start = System.nanoTime();
            run.discoverIn(PluginSource.classpath(framework, classPath));
            for (Path location : PluginLocations.of(pluginPath)) {
                run.openLocation(location, routing);
            }
            log.info("Plugin discovery ({}={}) found {} plugins on the classpath and in {} plugin locations in {} ms",
                    PluginDiscoveryMode.CONFIG, mode, run.found.size(), run.loaders.size(), millisSince(start));
            run.reportMissingManifests();
        } catch (RuntimeException | Error e) {
            run.loaders.forEach(Plugins::closeQuietly);
            throw e;
        }
        return new Result(List.copyOf(run.found), List.copyOf(run.loaders));
    }

    private void openLocation(Path location, RoutingClassLoader routing) {
        List<Path> classPath;
        try {
            classPath = PluginLocations.classPath(location);
        } catch (IOException e) {
            log.warn("Ignoring plugin location {}: it cannot be listed ({})", location, e.toString());
            return;
        }
        if (classPath.isEmpty()) {
            log.warn("Ignoring plugin location {}: it holds no jar and no class file", location);
            return;
        }
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader(location, urls(classPath), routing);
        } catch (MalformedURLException e) {
            log.warn("Ignoring plugin location {}: {}", location, e.toString());
            return;
        }
        loaders.add(loader);
        discoverIn(PluginSource.isolated(loader, classPath));
        JdbcDrivers.register(loader);
    }

    private void discoverIn(PluginSource source) {
        long start = System.nanoTime();
        PluginProbe probe = new PluginProbe(source);
        Set<PluginType> manifestTypes = mode.readsManifests()
                ? EnumSet.allOf(PluginType.class)
                : EnumSet.complementOf(EnumSet.copyOf(ClassFileScanner.SCANNED_TYPES));
        Set<PluginDesc> here = new LinkedHashSet<>();
        for (DiscoveredPlugin plugin : ServiceManifestScanner.scan(probe, manifestTypes)) {
            if (here.add(plugin.desc())) {
                listed.add(plugin.desc());
                found.add(plugin);
            }
        }
        if (mode.scans()) {
            for (DiscoveredPlugin plugin : ClassFileScanner.scan(probe)) {
                if (here.add(plugin.desc())) {
                    found.add(plugin);
                }
            }
        }
        log.info("Found {} plugins in {} in {} ms", here.size(), source, millisSince(start));
        if (log.isDebugEnabled()) {
            here.forEach(desc -> log.debug("Found {} {} {} in {}", desc.type().apiName(), desc.className(),
                    desc.version(), source));
        }
    }

    private void reportMissingManifests() {
        if (mode != PluginDiscoveryMode.HYBRID_WARN && mode != PluginDiscoveryMode.HYBRID_FAIL) {
            return;
        }
        SortedSet<PluginDesc> missing = new TreeSet<>();
        for (DiscoveredPlugin plugin : found) {
            if (!listed.contains(plugin.desc())) {
                missing.add(plugin.desc());
            }
        }
        if (missing.isEmpty()) {
            log.info("Every plugin has a service manifest: {}={} would find the same plugins faster",
                    PluginDiscoveryMode.CONFIG, PluginDiscoveryMode.SERVICE_LOAD);
            return;
        }
        String listing = missing.stream()
                .map(desc -> "  " + desc.location() + "\t" + desc.className() + "\t" + desc.type().apiName()
                        + "\t" + desc.version())
                .collect(Collectors.joining("\n"));
        String problem = missing.size() + " plugins have no service manifest (META-INF/services) and would not be "
                + "found with " + PluginDiscoveryMode.CONFIG + "=" + PluginDiscoveryMode.SERVICE_LOAD + ":\n" + listing;
        if (mode == PluginDiscoveryMode.HYBRID_FAIL) {
            throw new PluginDiscoveryException(problem + "\nAdd manifests to these plugins, or set "
                    + PluginDiscoveryMode.CONFIG + "=" + PluginDiscoveryMode.HYBRID_WARN + " to start with them.");
        }
        log.warn("{}\nAdd manifests to these plugins, or set {}={} to silence this warning.", problem,
                PluginDiscoveryMode.CONFIG, PluginDiscoveryMode.ONLY_SCAN);
    }

    static URL[] urls(List<Path> classPath) throws MalformedURLException {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classPath.get(i).toUri().toURL();
        }
        return urls;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
