package io.ferry.connect.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.kafka.connect.components.Versioned;

/**
 * The plugins a worker can run, and how to make them.
 *
 * <p>A plugin is named by its class or by an alias: its simple class name, or that name without the
 * suffix of its kind ({@code FileStreamSink} for {@code FileStreamSinkConnector}). An alias two
 * plugins share names neither.
 *
 * <p>Thread-safe once built.
 */
public final class Plugins implements AutoCloseable {
    private final ClassLoader frameworkLoader;
    private final Map<PluginType, SortedSet<PluginDesc>> found = new EnumMap<>(PluginType.class);

    private Plugins(ClassLoader frameworkLoader) {
        this.frameworkLoader = frameworkLoader;
        for (PluginType type : PluginType.values()) {
            found.put(type, new TreeSet<>());
        }
    }

    /** The plugins on the worker's own classpath, found through their service manifests. */
    public static Plugins onClasspath() {
        Plugins plugins = new Plugins(Plugins.class.getClassLoader());
        plugins.scanServices(plugins.frameworkLoader, PluginDesc.CLASSPATH);
        return plugins;
    }

    /** The plugins on the classpath and on {@code plugin.path}. */
    public static Plugins discover(List<Path> pluginPath) {
        if (!pluginPath.isEmpty()) {
            throw new UnsupportedOperationException("plugin.path is not supported yet");
        }
        return onClasspath();
    }

    private void scanServices(ClassLoader loader, String location) {
        for (PluginType type : PluginType.values()) {
            ServiceLoader<?> services = ServiceLoader.load(type.superType(), loader);
            services.stream().forEach(provider -> {
                Class<?> pluginClass = provider.type();
                if (isConcrete(pluginClass)) {
                    found.get(type).add(new PluginDesc(pluginClass.getName(), type, versionOf(pluginClass), location));
                }
            });
        }
    }

    /** Every plugin of a kind, by class name. */
    public SortedSet<PluginDesc> plugins(PluginType type) {
        return Collections.unmodifiableSortedSet(found.get(type));
    }

    /**
     * The class a name or alias stands for.
     *
     * @throws PluginNotFoundException naming the kind and the name, when none matches
     */
    public Class<?> pluginClass(String classOrAlias, PluginType type) {
        String className = resolve(classOrAlias, type);
        try {
            Class<?> pluginClass = Class.forName(className, false, frameworkLoader);
            if (!type.superType().isAssignableFrom(pluginClass)) {
                throw new PluginNotFoundException(className + " is not a " + type.superType().getSimpleName());
            }
            return pluginClass;
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginNotFoundException("Failed to find any class that implements " + type.superType().getSimpleName()
                    + " and which name matches " + classOrAlias);
        }
    }

    private String resolve(String classOrAlias, PluginType type) {
        if (classOrAlias.indexOf('.') >= 0) {
            return classOrAlias;
        }
        String match = null;
        for (PluginDesc desc : found.get(type)) {
            String simple = desc.simpleName();
            if (simple.equals(classOrAlias) || withoutSuffix(simple, type).equals(classOrAlias)) {
                if (match != null && !match.equals(desc.className())) {
                    throw new PluginNotFoundException("The alias " + classOrAlias + " names more than one " + type.apiName()
                            + " (" + match + ", " + desc.className() + "); use the class name");
                }
                match = desc.className();
            }
        }
        return match != null ? match : classOrAlias;
    }

    private static String withoutSuffix(String simpleName, PluginType type) {
        for (String suffix : new String[] {"Connector", "Converter", "Transformation", "Predicate", "ConfigProvider"}) {
            if (simpleName.endsWith(suffix) && simpleName.length() > suffix.length()) {
                return simpleName.substring(0, simpleName.length() - suffix.length());
            }
        }
        return simpleName;
    }

    /** A new instance of the plugin, made with its own class loader as the context loader. */
    public <T> T newPlugin(String classOrAlias, PluginType type, Class<T> as) {
        return as.cast(newInstance(pluginClass(classOrAlias, type)));
    }

    /** A new instance of a plugin class, made with its own class loader as the context loader. */
    public Object newInstance(Class<?> pluginClass) {
        try (LoaderSwap swap = LoaderSwap.to(loaderOf(pluginClass))) {
            Constructor<?> constructor = pluginClass.getDeclaredConstructor();
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new PluginNotFoundException("Could not instantiate " + pluginClass.getName() + ": " + cause);
        }
    }

    /** The loader a plugin class came from; the framework's for classpath plugins. */
    public ClassLoader loaderOf(Class<?> pluginClass) {
        ClassLoader loader = pluginClass.getClassLoader();
        return loader != null ? loader : frameworkLoader;
    }

    /** What a plugin reports as its version; {@value PluginDesc#UNDEFINED_VERSION} when it cannot say. */
    public static String versionOf(Object plugin) {
        if (plugin instanceof Versioned versioned) {
            try {
                String version = versioned.version();
                return version == null ? PluginDesc.UNDEFINED_VERSION : version;
            } catch (RuntimeException | LinkageError e) {
                return PluginDesc.UNDEFINED_VERSION;
            }
        }
        return PluginDesc.UNDEFINED_VERSION;
    }

    private String versionOf(Class<?> pluginClass) {
        if (!Versioned.class.isAssignableFrom(pluginClass)) {
            return PluginDesc.UNDEFINED_VERSION;
        }
        try (LoaderSwap swap = LoaderSwap.to(loaderOf(pluginClass))) {
            return versionOf(pluginClass.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return PluginDesc.UNDEFINED_VERSION;
        }
    }

    private static boolean isConcrete(Class<?> pluginClass) {
        int modifiers = pluginClass.getModifiers();
        return !Modifier.isAbstract(modifiers) && !pluginClass.isInterface() && Modifier.isPublic(modifiers);
    }

    @Override
    public void close() {
        // Classpath plugins share the framework's loader, which outlives the worker.
    }
}
