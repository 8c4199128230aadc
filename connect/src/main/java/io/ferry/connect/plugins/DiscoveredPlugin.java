package io.ferry.connect.plugins;

/**
 * A plugin class found in a source, ready to be made.
 *
 * @param desc        what is reported about it
 * @param pluginClass the class, defined by {@code loader}
 * @param loader      its source's loader (the framework's for classpath plugins)
 */
record DiscoveredPlugin(PluginDesc desc, Class<?> pluginClass, ClassLoader loader) {

    /** The class's simple name as Java gives it ({@code Key} for {@code Cast$Key}): the base of its aliases. */
    String simpleName() {
        return pluginClass.getSimpleName();
    }
}
