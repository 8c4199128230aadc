package io.ferry.cli.connect.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ferry.connect.plugins.PluginLocationReport;
import io.ferry.connect.plugins.PluginLocationReport.Plugin;
import io.ferry.connect.plugins.PluginType;

/**
 * What {@code sync-manifests} changes in one plugin location, as Apache's tool does: a loadable plugin that no
 * manifest lists is added, to the jar itself for a single jar, to the directory for a directory of classes,
 * and to a jar of its own ({@value #MANIFESTS_JAR}) for a directory of jars, whose jars are left as shipped; a
 * manifest entry that names no loadable plugin is removed from every jar or directory that lists it, unless
 * asked to keep it.
 */
final class ManifestPlan {
    /** The jar that holds the manifests written for a directory of jars. */
    static final String MANIFESTS_JAR = "ferry-service-manifests.jar";

    private ManifestPlan() {
    }

    /** The jars and directories of the location whose manifests change; none when all are right. */
    static List<ManifestChange> of(PluginLocationReport report, boolean keepNotFound) {
        Map<Path, Map<PluginType, Set<String>>> before = new LinkedHashMap<>(report.manifests());
        Path target = switch (report.layout()) {
            case JAR, CLASSES -> report.location();
            case JARS -> report.location().resolve(MANIFESTS_JAR);
        };
        before.putIfAbsent(target, emptyManifests());
        Map<Path, Map<PluginType, Set<String>>> after = new LinkedHashMap<>();
        before.forEach((root, manifests) -> after.put(root, copy(manifests)));
        for (Plugin plugin : report.plugins()) {
            if (plugin.loadable() && !plugin.hasManifest()) {
                after.get(target).get(plugin.type()).add(plugin.className());
            } else if (!plugin.loadable() && plugin.hasManifest() && !keepNotFound) {
                after.values().forEach(manifests -> manifests.get(plugin.type()).remove(plugin.className()));
            }
        }
        List<ManifestChange> changes = new ArrayList<>();
        before.forEach((root, manifests) -> {
            ManifestChange change = new ManifestChange(root, manifests, after.get(root));
            if (change.changes()) {
                changes.add(change);
            }
        });
        return changes;
    }

    private static Map<PluginType, Set<String>> emptyManifests() {
        return copy(Map.of());
    }

    private static Map<PluginType, Set<String>> copy(Map<PluginType, Set<String>> manifests) {
        Map<PluginType, Set<String>> copy = new EnumMap<>(PluginType.class);
        for (PluginType type : PluginType.values()) {
            copy.put(type, new LinkedHashSet<>(manifests.getOrDefault(type, Set.of())));
        }
        return copy;
    }
}
