package io.ferry.connect.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The loader of one plugin location: child-first for the classes and resources {@link IsolationRules}
 * isolates, parent-first for the rest. Its parent is the {@link RoutingClassLoader}, so a plugin sees
 * the framework's shared classes and, by name, the plugins of other locations.
 *
 * <p>Parallel capable; closing it closes the plugin's jar files.
 */
final class PluginClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final Path location;

    PluginClassLoader(Path location, URL[] urls, ClassLoader parent) {
        super("plugin:" + location.getFileName(), urls, Objects.requireNonNull(parent, "parent"));
        this.location = location;
    }

    /** The plugin location this loader reads: a directory or a jar. */
    Path location() {
        return location;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && IsolationRules.loadsInIsolation(name)) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInPlugin) {
                    // Not bundled with the plugin: the framework or another plugin may have it.
                }
            }
            if (loaded == null) {
                // Parent first, then this plugin's own copy: a shared class the framework lacks still loads.
                loaded = super.loadClass(name, false);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        Objects.requireNonNull(name, "name");
        if (IsolationRules.loadsResourceInIsolation(name)) {
            URL own = findResource(name);
            if (own != null) {
                return own;
            }
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Objects.requireNonNull(name, "name");
        Enumeration<URL> own = findResources(name);
        Enumeration<URL> framework = getParent().getResources(name);
        return IsolationRules.loadsResourceInIsolation(name) ? concat(own, framework) : concat(framework, own);
    }

    /** The resources of this plugin alone, without the framework's: its service manifests. */
    Enumeration<URL> ownResources(String name) throws IOException {
        return findResources(name);
    }

    @Override
    public String toString() {
        return "PluginClassLoader{" + location + "}";
    }

    private static Enumeration<URL> concat(Enumeration<URL> first, Enumeration<URL> second) {
        return new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return first.hasMoreElements() || second.hasMoreElements();
            }

            @Override
            public URL nextElement() {
                if (first.hasMoreElements()) {
                    return first.nextElement();
                }
                if (second.hasMoreElements()) {
                    return second.nextElement();
                }
                throw new NoSuchElementException();
            }
        };
    }
}
