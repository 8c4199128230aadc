package io.ferry.cli.connect.plugins;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.ferry.connect.plugins.PluginType;

/**
 * The service manifests of one jar or class directory, before and after {@code sync-manifests}.
 *
 * @param root   the jar, or the directory of classes, whose {@code META-INF/services} changes
 * @param before the class names listed under each kind now (empty sets for a jar not yet written)
 * @param after  the class names to list under each kind
 */
record ManifestChange(Path root, Map<PluginType, Set<String>> before, Map<PluginType, Set<String>> after) {

    /** Whether anything changes. */
    boolean changes() {
        return !before.equals(after);
    }

    /** Class names listed after but not before, under any kind; sorted. */
    Set<String> added() {
        return difference(after, before);
    }

    /** Class names listed before but not after, under any kind; sorted. */
    Set<String> removed() {
        return difference(before, after);
    }

    /** Whether the manifest of a kind changes. */
    boolean changes(PluginType type) {
        return !before.getOrDefault(type, Set.of()).equals(after.getOrDefault(type, Set.of()));
    }

    private static Set<String> difference(Map<PluginType, Set<String>> from, Map<PluginType, Set<String>> minus) {
        Set<String> names = new TreeSet<>();
        from.values().forEach(names::addAll);
        minus.values().forEach(names::removeAll);
        return names;
    }
}
