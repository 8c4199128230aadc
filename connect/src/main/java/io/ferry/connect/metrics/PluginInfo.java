package io.ferry.connect.metrics;

/**
 * A plugin's class name and version, as a task's metrics report them.
 *
 * @param className the fully qualified class name; null when the task has no such plugin
 * @param version   the version the plugin reports; null when it reports none
 */
public record PluginInfo(String className, String version) {

    /** No plugin: both attributes read null. */
    public static final PluginInfo NONE = new PluginInfo(null, null);
}
