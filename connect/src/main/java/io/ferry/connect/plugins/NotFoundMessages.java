package io.ferry.connect.plugins;

import java.util.Collection;
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

    private static String list(Collection<PluginDesc> descs) {
        return descs.stream().map(PluginDesc::toString).collect(Collectors.joining(", "));
    }
}
