package io.ferry.serde.testing;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Connect plugin's class loader as Apache Kafka Connect's isolation builds one: the serde's classes and the
 * jars of the test class path whose names start with given prefixes, child-first, with only the worker's API
 * (Java, Kafka, SLF4J) taken from the worker and no fallback to the test's class path, so a class the plugin
 * needs and does not bring fails to load.
 */
public final class PluginClassLoader extends URLClassLoader {
    private final ClassLoader worker;
    private final List<String> loadedFromPlugin = new CopyOnWriteArrayList<>();

    private PluginClassLoader(URL[] urls, ClassLoader worker) {
        super(urls, null);
        this.worker = worker;
    }

    /** The serde's {@code target/classes} and the class-path jars named with one of {@code libraryPrefixes}. */
    public static PluginClassLoader of(List<String> libraryPrefixes, ClassLoader worker) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(new File("target/classes").toURI().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (libraryPrefixes.stream().anyMatch(name::startsWith) && name.endsWith(".jar")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return new PluginClassLoader(urls.toArray(URL[]::new), worker);
    }

    /** The classes this loader defined itself, in order. */
    public List<String> loadedFromPlugin() {
        return List.copyOf(loadedFromPlugin);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("org.apache.kafka.")
                    || name.startsWith("org.slf4j.")) {
                return worker.loadClass(name);
            }
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
                loadedFromPlugin.add(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
