package io.ferry.connect.plugins;

import java.util.Map;

/**
 * The framework as plugins see it, and the one loader that knows every plugin: the parent of every
 * {@link PluginClassLoader}. A name or alias of a discovered isolated plugin loads from that plugin's
 * loader; every other class from the framework's loader.
 *
 * <p>So a connector's config may name a converter that lives in another plugin location, and a classpath
 * plugin given this loader as its context loader finds isolated plugins by name. An Apache runtime class
 * that is nowhere to be found loads as Ferry's stand-in ({@link RuntimeStandIns}). Aliases and stand-ins
 * resolve in {@link #loadClass(String)} only (the JVM refuses a class whose name differs from the one asked
 * of {@code Class.forName}). Parallel capable; the routes are installed once, after discovery.
 */
final class RoutingClassLoader extends ClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private volatile Map<String, ClassLoader> routes = Map.of();
    private volatile Map<String, String> aliases = Map.of();

    RoutingClassLoader(ClassLoader framework) {
        super("ferry-plugins", framework);
    }

    /** Makes the discovered plugins visible: each class name to its loader, each alias to a class name. */
    void install(Map<String, ClassLoader> classRoutes, Map<String, String> classAliases) {
        this.aliases = Map.copyOf(classAliases);
        this.routes = Map.copyOf(classRoutes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        String className = aliases.getOrDefault(name, name);
        ClassLoader plugin = IsolationRules.loadsInIsolation(className) ? routes.get(className) : null;
        if (plugin != null) {
            return plugin.loadClass(className);
        }
        try {
            return super.loadClass(className, resolve);
        } catch (ClassNotFoundException e) {
            String standIn = RuntimeStandIns.standInFor(className);
            if (standIn == null) {
                throw e;
            }
            return super.loadClass(standIn, resolve);
        }
    }

    @Override
    public String toString() {
        return "RoutingClassLoader{" + routes.size() + " isolated plugin classes}";
    }
}
