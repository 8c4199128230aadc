package io.ferry.connect.plugins;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Where plugins come from: the worker's classpath, or one plugin location with its own loader.
 *
 * @param location  as {@link PluginDesc#location()} reports it: {@value PluginDesc#CLASSPATH} or the
 *                  location's path
 * @param loader    the loader that defines the source's classes
 * @param classPath the jars and class directories to scan
 */
record PluginSource(String location, ClassLoader loader, List<Path> classPath) {

    static PluginSource classpath(ClassLoader framework, List<Path> classPath) {
        return new PluginSource(PluginDesc.CLASSPATH, framework, List.copyOf(classPath));
    }

    static PluginSource isolated(PluginClassLoader loader, List<Path> classPath) {
        return new PluginSource(loader.location().toString(), loader, List.copyOf(classPath));
    }

    boolean isolated() {
        return loader instanceof PluginClassLoader;
    }

    /** The source's own copies of a resource: for a plugin location, not the framework's. */
    Enumeration<URL> ownResources(String name) throws IOException {
        if (loader instanceof PluginClassLoader plugin) {
            return plugin.ownResources(name);
        }
        Enumeration<URL> all = loader.getResources(name);
        return all == null ? Collections.emptyEnumeration() : all;
    }

    @Override
    public String toString() {
        return location;
    }
}
