package io.ferry.connect.plugins;

import java.util.Objects;

/**
 * A plugin found at startup.
 *
 * @param className the plugin's class
 * @param type      its kind
 * @param version   what it reports (its {@code version()} when {@code Versioned}), else {@code undefined}
 * @param location  where it was found: {@code classpath} or the path of its {@code plugin.path} entry
 */
public record PluginDesc(String className, PluginType type, String version, String location) implements Comparable<PluginDesc> {

    public static final String UNDEFINED_VERSION = "undefined";
    public static final String CLASSPATH = "classpath";

    public PluginDesc {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(type, "type");
        version = version == null ? UNDEFINED_VERSION : version;
    }

    /** The class name without its package. */
    public String simpleName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    @Override
    public int compareTo(PluginDesc other) {
        int byName = className.compareTo(other.className);
        return byName != 0 ? byName : version.compareTo(other.version);
    }
}
