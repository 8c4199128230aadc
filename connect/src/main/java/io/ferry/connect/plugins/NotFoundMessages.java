package io.ferry.connect.plugins;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The messages of {@link PluginNotFoundException}, in Apache Kafka Connect's words: REST clients and
 * scripts match on them ("Failed to find any class that implements Connector and which name matches …").
 */
final class NotFoundMessages {

    private NotFoundMessages() {
    }

    static String notFound(PluginType type, String classOrAlias, PluginCatalog catalog) {
        return switch (type) {
            case SOURCE, SINK -> "Failed to find any class that implements Connector and which name matches "
                    + classOrAlias + ", available connectors are: " + list(catalog.connectors());
            case CONFIG_PROVIDER -> "Failed to find any class that implements ConfigProvider and which name matches "
                    + classOrAlias + ", available ConfigProviders are: " + list(catalog.ofType(type));
            default -> "Failed to find any class that implements " + type.superType().getSimpleName()
                    + " and which name matches " + classOrAlias + ", available plugins are: "
                    + list(catalog.ofType(type));
        };
    }

    static String ambiguousConnector(String alias, Collection<DiscoveredPlugin> matches) {
        return "More than one connector matches alias " + alias
                + ". Please use full package and class name instead. Classes found: "
                + list(matches.stream().map(DiscoveredPlugin::desc).toList());
    }

    /** No copy of a discovered plugin has a version the requirement accepts. */
    static String noVersionMatches(String className, VersionRequirement requirement, List<String> available) {
        return "Plugin " + className + " not found that matches the version range " + requirement
                + ", available versions: " + available;
    }

    /** The class was loaded by name but discovery did not find it, so it has no versions to choose from. */
    static String notDiscovered(String className) {
        return "Plugin " + className + " was not found during plugin scan, only plugins discovered with plugin scanners "
                + "are eligible for explicit version specification";
    }

    private static String list(Collection<PluginDesc> descs) {
        return descs.stream().map(PluginDesc::toString).collect(Collectors.joining(", "));
    }
}
