package io.ferry.connect.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything discovery found, indexed: by kind, by class name, by alias. Immutable.
 *
 * <p>When one class is found in several places, every copy is kept, each with its own loader, and a config may
 * ask for one by version ({@link VersionRequirement}). The copy used when none is asked for is Apache Kafka
 * Connect's choice: the highest version ({@link VersionOrder}); on equal versions a {@code plugin.path} copy over
 * the classpath's; then the location that sorts last. A version range picks the copy it accepts that this order
 * puts last.
 */
final class PluginCatalog {
    private static final Comparator<DiscoveredPlugin> PREFERENCE = Comparator.comparing(DiscoveredPlugin::desc);

    private final Map<PluginType, SortedSet<PluginDesc>> byType = new EnumMap<>(PluginType.class);
    private final Map<String, DiscoveredPlugin> preferredByClass = new HashMap<>();
    private final Map<String, List<DiscoveredPlugin>> copiesByClass = new HashMap<>();
    private final Map<String, String> aliases;

    PluginCatalog(List<DiscoveredPlugin> plugins) {
        for (PluginType type : PluginType.values()) {
            byType.put(type, new TreeSet<>());
        }
        for (DiscoveredPlugin plugin : plugins) {
            byType.get(plugin.desc().type()).add(plugin.desc());
            preferredByClass.merge(plugin.desc().className(), plugin,
                    (current, other) -> PREFERENCE.compare(current, other) >= 0 ? current : other);
            copiesByClass.computeIfAbsent(plugin.desc().className(), name -> new ArrayList<>()).add(plugin);
        }
        copiesByClass.values().forEach(copies -> copies.sort(PREFERENCE));
        byType.replaceAll((type, descs) -> Collections.unmodifiableSortedSet(descs));
        this.aliases = Map.copyOf(PluginAliases.of(plugins));
    }

    SortedSet<PluginDesc> ofType(PluginType type) {
        return byType.get(type);
    }

    /** Every connector, sources and sinks together, in {@link PluginDesc} order. */
    SortedSet<PluginDesc> connectors() {
        SortedSet<PluginDesc> all = new TreeSet<>(byType.get(PluginType.SOURCE));
        all.addAll(byType.get(PluginType.SINK));
        return all;
    }

    /** The class name an alias stands for, or the name itself. */
    String resolve(String classOrAlias) {
        return aliases.getOrDefault(classOrAlias, classOrAlias);
    }

    Map<String, String> aliases() {
        return aliases;
    }

    /** The copy of a class that is used, if discovery found it. */
    Optional<DiscoveredPlugin> preferred(String className) {
        return Optional.ofNullable(preferredByClass.get(className));
    }

    /**
     * Every copy of a class discovery found, of one of the kinds, least preferred first (lowest version first).
     */
    List<DiscoveredPlugin> copies(String className, Collection<PluginType> kinds) {
        return copiesByClass.getOrDefault(className, List.of()).stream()
                .filter(plugin -> kinds.contains(plugin.desc().type()))
                .toList();
    }

    /** The discovered classes whose preferred copy is isolated, each to its loader. */
    Map<String, ClassLoader> isolatedRoutes() {
        Map<String, ClassLoader> routes = new HashMap<>();
        preferredByClass.forEach((className, plugin) -> {
            if (plugin.loader() instanceof PluginClassLoader) {
                routes.put(className, plugin.loader());
            }
        });
        return routes;
    }

    /** The preferred copies of the connectors whose simple name is the name, or the name and "Connector". */
    List<DiscoveredPlugin> connectorsNamed(String name) {
        List<DiscoveredPlugin> matches = new ArrayList<>();
        for (PluginDesc desc : connectors()) {
            DiscoveredPlugin plugin = preferredByClass.get(desc.className());
            String simple = plugin.simpleName();
            if ((simple.equals(name) || simple.equals(name + "Connector")) && !matches.contains(plugin)) {
                matches.add(plugin);
            }
        }
        return matches;
    }
}
