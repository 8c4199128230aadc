package io.ferry.connect.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the plugins a source lists in its service manifests ({@code META-INF/services/<type>}), the way
 * {@link java.util.ServiceLoader} reads them: one class name a line, {@code #} starts a comment. Only the
 * source's own manifests are read, so a plugin location does not report the framework's plugins.
 *
 * <p>The manifests are read here rather than through {@code ServiceLoader} so that one broken entry (a
 * missing dependency, a failing constructor) skips that class only, and so that a class is instantiated
 * once even when it is listed for several kinds.
 */
final class ServiceManifestScanner {
    private static final Logger log = LoggerFactory.getLogger(ServiceManifestScanner.class);

    private ServiceManifestScanner() {
    }

    /** The plugins of the given kinds that the probe's source lists in its manifests. */
    static List<DiscoveredPlugin> scan(PluginProbe probe, Set<PluginType> types) {
        PluginSource source = probe.source();
        List<DiscoveredPlugin> found = new ArrayList<>();
        for (PluginType type : types) {
            for (String className : providerNames(source, type)) {
                probe.probe(className, true).ifPresent(probed -> {
                    if (type.superType().isAssignableFrom(probed.pluginClass())) {
                        PluginDesc desc = new PluginDesc(className, type, probed.version(), source.location());
                        found.add(new DiscoveredPlugin(desc, probed.pluginClass(), source.loader()));
                    } else {
                        log.warn("Skipping {} in {}: it is listed as a {} but does not implement {}",
                                className, source, type.apiName(), type.superType().getName());
                    }
                });
            }
        }
        return found;
    }

    private static Set<String> providerNames(PluginSource source, PluginType type) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(source.ownResources(ServiceManifests.path(type)))) {
                readManifest(url, names);
            }
        } catch (IOException e) {
            log.warn("Could not read the {} manifests of {}: {}", type.apiName(), source, e.toString());
        }
        return names;
    }

    private static void readManifest(URL url, Set<String> names) {
        try {
            URLConnection connection = url.openConnection();
            // A cached jar connection would keep the plugin's jar open after its loader is closed.
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                names.addAll(ServiceManifests.read(in));
            }
        } catch (IOException e) {
            log.warn("Could not read service manifest {}: {}", url, e.toString());
        }
    }
}
