package io.ferry.connect.plugins;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Kafka Connect's aliases. Every plugin has two: its simple class name ({@code
 * FileStreamSourceConnector}) and that name cut before the last occurrence of its kind's suffix ({@code
 * FileStreamSource}). The suffix is {@code Connector} for connectors, otherwise the simple name of the
 * kind's interface: {@code Converter}, {@code HeaderConverter}, {@code Transformation}, {@code Predicate},
 * {@code ConfigProvider}, {@code ConnectorClientConfigOverridePolicy} (so {@code
 * AllConnectorClientConfigOverridePolicy} is {@code All}). A name that is only the suffix is not cut.
 *
 * <p>Aliases are one namespace across all kinds: an alias that would name two different classes (two
 * {@code DupConverter}s in different packages, or {@code FooConverter} and {@code FooTransformation}, both
 * {@code Foo}) names neither; their class names still work. One class found in several places, or
 * registered under several kinds ({@code StringConverter} is a converter and a header converter), is
 * one class. Where Apache's own runtime class was found (a {@code plugin.path} location that bundles
 * {@code connect-runtime}), Ferry's stand-in for it ({@link RuntimeStandIns}) leaves it the aliases they
 * share, as they would be in Apache Kafka Connect.
 */
final class PluginAliases {
    private static final Logger log = LoggerFactory.getLogger(PluginAliases.class);

    private PluginAliases() {
    }

    /** Alias to class name, for every alias that names exactly one class. */
    static Map<String, String> of(Collection<DiscoveredPlugin> plugins) {
        Map<String, Set<String>> candidates = new HashMap<>();
        Set<String> discovered = new HashSet<>();
        plugins.forEach(plugin -> discovered.add(plugin.desc().className()));
        for (DiscoveredPlugin plugin : plugins) {
            String className = plugin.desc().className();
            if (RuntimeStandIns.yieldsTo(className, discovered)) {
                continue;
            }
            candidates.computeIfAbsent(plugin.simpleName(), alias -> new TreeSet<>()).add(className);
            candidates.computeIfAbsent(prunedName(plugin.simpleName(), plugin.desc().type()), alias -> new TreeSet<>())
                    .add(className);
        }
        Map<String, String> aliases = new HashMap<>();
        candidates.forEach((alias, classNames) -> {
            if (classNames.size() == 1) {
                aliases.put(alias, classNames.iterator().next());
            } else {
                log.debug("Alias {} is ambiguous ({}); use a class name", alias, classNames);
            }
        });
        return aliases;
    }

    /** The simple name cut before the last occurrence of the kind's suffix, when something precedes it. */
    static String prunedName(String simpleName, PluginType type) {
        String suffix = suffix(type);
        int at = simpleName.lastIndexOf(suffix);
        return at > 0 ? simpleName.substring(0, at) : simpleName;
    }

    static String suffix(PluginType type) {
        return switch (type) {
            case SOURCE, SINK -> "Connector";
            default -> type.superType().getSimpleName();
        };
    }
}
