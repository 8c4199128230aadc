package io.ferry.connect.plugins;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins a worker can run, and how to make them.
 *
 * <p><b>Where plugins come from.</b> The worker's classpath, and every plugin location of {@code
 * plugin.path} (see {@link #discover(List, PluginDiscoveryMode)}). Each location gets its own child-first
 * class loader: a plugin sees its own copy of a library before the framework's, but always the
 * framework's {@code connect-api}, {@code kafka-clients}, SLF4J and JDK classes — Apache Kafka Connect's
 * rules, including the plugins Apache ships inside Kafka's packages (SMTs, {@code JsonConverter},
 * FileStream connectors…), which are isolated like any other.
 *
 * <p><b>Names.</b> A plugin is named by its class or by an alias: its simple class name, or that name
 * without its kind's suffix ({@code FileStreamSource} for {@code FileStreamSourceConnector}; {@code
 * Connector}, {@code Converter}, {@code HeaderConverter}, {@code Transformation}, {@code Predicate}, {@code
 * ConfigProvider}, {@code ConnectorClientConfigOverridePolicy}). An alias that would name two classes, of
 * any kinds, names neither.
 *
 * <p><b>Versions.</b> When one class is found in several places, every copy is kept with its own loader (Apache
 * Kafka Connect's KIP-891): a connector config may ask for a version or a range of versions ({@link
 * VersionRequirement}) of its connector, converters, transformations and predicates. Without one, the highest
 * version is used, and on a tie the {@code plugin.path} copy — except for a plugin the connector's own config
 * names ({@link #pluginClassFor}), which is the copy packaged in the connector's own plugin location when there
 * is one.
 *
 * <p><b>Lifecycle.</b> Thread-safe once built. {@link #close()} closes the plugin loaders: no plugin class
 * may be loaded or instantiated afterwards.
 */
public final class Plugins implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Plugins.class);

    private final RoutingClassLoader routing;
    private final PluginCatalog catalog;
    private final List<PluginClassLoader> loaders;

    private Plugins(RoutingClassLoader routing, PluginCatalog catalog, List<PluginClassLoader> loaders) {
        this.routing = routing;
        this.catalog = catalog;
        this.loaders = loaders;
        routing.install(catalog.isolatedRoutes(), catalog.aliases());
    }

    /**
     * The plugins on the worker's own classpath that service manifests list ({@code service_load} without a
     * plugin path): fast, for tools and tests that need no isolation.
     */
    public static Plugins onClasspath() {
        return discover(List.of(), PluginDiscoveryMode.SERVICE_LOAD);
    }

    /** The plugins on the classpath and on {@code plugin.path}, found the default way ({@code hybrid_warn}). */
    public static Plugins discover(List<Path> pluginPath) {
        return discover(pluginPath, PluginDiscoveryMode.DEFAULT);
    }

    /**
     * The plugins on the classpath (through their service manifests) and on {@code plugin.path} (as
     * {@code mode} says).
     *
     * <p>Each {@code plugin.path} entry is a directory whose directories and jars are plugin locations, or a
     * jar that is one location (an uber-jar). A location that is a directory provides every jar below it, or
     * its class files when it holds no jar. An entry that does not exist or cannot be read is skipped with a
     * warning. Every plugin found is instantiated once, with its own loader as the thread's context loader,
     * to ask its version; a plugin that cannot be instantiated is skipped with a warning.
     *
     * @param pluginPath the {@code plugin.path} entries; may be empty
     * @param mode       how to find plugins ({@code plugin.discovery})
     * @throws PluginDiscoveryException in {@code hybrid_fail} mode when a plugin has no service manifest
     */
    public static Plugins discover(List<Path> pluginPath, PluginDiscoveryMode mode) {
        Objects.requireNonNull(pluginPath, "pluginPath");
        Objects.requireNonNull(mode, "mode");
        ClassLoader framework = Plugins.class.getClassLoader();
        RoutingClassLoader routing = new RoutingClassLoader(framework);
        // The classpath is the runtime's own distribution, whose plugins (Apache's converters and SMTs,
        // Ferry's connectors) all have service manifests: reading those is enough, and scanning the
        // tens of thousands of classes beside them would cost seconds at every start. Plugins users
        // add go on plugin.path, which is scanned as the mode says.
        PluginDiscovery.Result result = PluginDiscovery.run(mode, framework, routing, List.of(), pluginPath);
        return new Plugins(routing, new PluginCatalog(result.plugins()), result.loaders());
    }

    /** Every plugin of a kind, in {@link PluginDesc} order; a class found in several places is listed for each. */
    public SortedSet<PluginDesc> plugins(PluginType type) {
        return catalog.ofType(type);
    }

    /**
     * The class a name or alias stands for: the discovered plugin's class (from its own loader), else a class
     * of that name on the classpath. For connectors, a simple name or a simple name without {@code Connector}
     * also matches when it is not an alias because another kind shares it.
     *
     * @throws PluginNotFoundException in Apache Kafka Connect's words, naming the kind, the name and what is
     *                                 available, when no class of that kind matches
     */
    public Class<?> pluginClass(String classOrAlias, PluginType type) {
        Objects.requireNonNull(type, "type");
        Class<?> loaded = load(classOrAlias);
        if (loaded != null && type.superType().isAssignableFrom(loaded)) {
            return loaded;
        }
        if (type == PluginType.SOURCE || type == PluginType.SINK) {
            Class<?> matched = connectorBySimpleName(classOrAlias);
            if (matched != null && type.superType().isAssignableFrom(matched)) {
                return matched;
            }
        }
        throw new PluginNotFoundException(NotFoundMessages.notFound(type, classOrAlias, catalog));
    }

    /**
     * The connector class a name or alias stands for, source or sink ({@link PluginType#of} tells which).
     *
     * @throws PluginNotFoundException as {@link #pluginClass}
     */
    public Class<?> connectorClass(String classOrAlias) {
        Class<?> loaded = load(classOrAlias);
        if (loaded == null || !isConnector(loaded)) {
            loaded = connectorBySimpleName(classOrAlias);
        }
        if (loaded == null) {
            throw new PluginNotFoundException(NotFoundMessages.notFound(PluginType.SOURCE, classOrAlias, catalog));
        }
        return loaded;
    }

    /** A new instance of a plugin named by class or alias, made with its own loader as the context loader. */
    public <T> T newPlugin(String classOrAlias, PluginType type, Class<T> as) {
        return as.cast(newInstance(pluginClass(classOrAlias, type)));
    }

    /** {@link #newPlugin(String, PluginType, Class)} in the version a requirement picks. */
    public <T> T newPlugin(String classOrAlias, PluginType type, VersionRequirement version, Class<T> as) {
        return as.cast(newInstance(pluginClass(classOrAlias, type, version)));
    }

    /**
     * The class a name or alias stands for, in the highest installed version the requirement accepts, from that
     * copy's own loader.
     *
     * @throws PluginNotFoundException        as {@link #pluginClass(String, PluginType)}
     * @throws PluginVersionNotFoundException when the plugin is installed, but in no version the requirement
     *                                        accepts, naming the versions that are
     */
    public Class<?> pluginClass(String classOrAlias, PluginType type, VersionRequirement version) {
        Class<?> latest = pluginClass(classOrAlias, type);
        return version.isLatest() ? latest : matching(latest.getName(), List.of(type), version);
    }

    /**
     * The class a connector's own config names for one of its plugins — a converter it sets, a transformation, a
     * predicate — as Apache Kafka Connect resolves it, loading it through the connector's loader when no version is
     * pinned:
     *
     * <ul>
     *   <li>pinned (a version or a range): the copy {@link #pluginClass(String, PluginType, VersionRequirement)}
     *       picks, wherever it is installed;</li>
     *   <li>unpinned (unset or {@value VersionRequirement#LATEST}), and the connector's plugin location packages
     *       the class: that copy, whatever version it is — users copy a converter's jars beside a connector so
     *       that the connector runs with them;</li>
     *   <li>unpinned otherwise, or a connector on the worker's classpath: the copy {@link #pluginClass(String,
     *       PluginType)} gives (the highest version installed, or the classpath's class).</li>
     * </ul>
     *
     * A converter the connector does not set is the worker's, and the worker's converter is not the connector's
     * to choose: resolve it with {@link #pluginClass(String, PluginType, VersionRequirement)}. A converter the connector
     * sets in {@value VersionRequirement#LATEST} is the latest installed: pass {@link #converterOwner} as the connector.
     *
     * @param connectorClass the connector's class, as {@link #connectorClass(String, VersionRequirement)} gave it; null
     *                       when there is none to prefer, for the copy {@code pluginClass} gives
     * Pinned or not, a class of that name the connector's location defines that is not of the kind fails ({@link
     * #requirePackagedKind}).
     *
     * @throws PluginNotFoundException        as {@link #pluginClass(String, PluginType)}, or when unpinned and the
     *                                        connector's location packages a copy that cannot be loaded
     * @throws PluginVersionNotFoundException as {@link #pluginClass(String, PluginType, VersionRequirement)}
     * @throws PluginKindMismatchException    as {@link #requirePackagedKind}
     */
    public Class<?> pluginClassFor(Class<?> connectorClass, String classOrAlias, PluginType type, VersionRequirement version) {
        Objects.requireNonNull(classOrAlias, "classOrAlias");
        requirePackagedKind(connectorClass, classOrAlias, type);
        if (version.isLatest() && connectorClass != null && connectorClass.getClassLoader() instanceof PluginClassLoader own) {
            Class<?> packaged = packagedIn(own, catalog.resolve(classOrAlias.trim()), type);
            if (packaged != null) {
                return packaged;
            }
        }
        return pluginClass(classOrAlias, type, version);
    }

    /**
     * Fails when the connector's plugin location defines a class of the name a connector's config gives (as written: an
     * alias names no class there) that is not a plugin of the kind, as Apache Kafka Connect's does: it resolves every
     * class a connector's config names through the connector's class loader first, whatever version is asked for, and
     * refuses one of another kind rather than looking for a copy of that name elsewhere. Nothing to check for a
     * connector on the worker's classpath, or a null one.
     *
     * @throws PluginKindMismatchException naming the class, the kind and the plugin location
     */
    public void requirePackagedKind(Class<?> connectorClass, String className, PluginType type) {
        if (className == null || connectorClass == null || !(connectorClass.getClassLoader() instanceof PluginClassLoader own)) {
            return;
        }
        Class<?> seen;
        try {
            seen = own.loadClass(className.trim());
        } catch (ClassNotFoundException | LinkageError e) {
            // Not packaged there, or not loadable, which pluginClassFor reports for the copy it would run.
            return;
        }
        if (seen.getClassLoader() == own && !type.superType().isAssignableFrom(seen)) {
            throw new PluginKindMismatchException(seen, type, own);
        }
    }

    /**
     * The connector class to pass to {@link #pluginClassFor} for a converter the connector's config names: the
     * connector's when the config sets no version for it, else null. A converter asked for in a version — {@value
     * VersionRequirement#LATEST} included — is looked up among every installed copy, as Apache Kafka Connect does: it
     * loads a converter through the connector's loader only when no version is set, while an SMT or predicate in
     * {@value VersionRequirement#LATEST} is still the connector's packaged copy.
     *
     * @param versionSetting the value of the converter's {@code plugin.version} in the connector's config; null when unset
     */
    public static Class<?> converterOwner(Class<?> connectorClass, String versionSetting) {
        return versionSetting == null ? connectorClass : null;
    }

    /** {@link #newPlugin(String, PluginType, VersionRequirement, Class)} in the copy {@link #pluginClassFor} picks. */
    public <T> T newPluginFor(Class<?> connectorClass, String classOrAlias, PluginType type, VersionRequirement version, Class<T> as) {
        return as.cast(newInstance(pluginClassFor(connectorClass, classOrAlias, type, version)));
    }

    /**
     * The version an unpinned plugin a connector's config names runs in ({@link #pluginClassFor}): the version of the
     * copy the connector packages, else {@link #latestVersion}; null when discovery found neither. A null connector
     * class packages nothing.
     */
    public String unpinnedVersionFor(Class<?> connectorClass, String classOrAlias, PluginType type) {
        if (classOrAlias != null && connectorClass != null && connectorClass.getClassLoader() instanceof PluginClassLoader own) {
            try {
                Class<?> packaged = packagedIn(own, catalog.resolve(classOrAlias.trim()), type);
                if (packaged != null && !PluginDesc.UNDEFINED_VERSION.equals(installedVersion(packaged))) {
                    return installedVersion(packaged);
                }
            } catch (PluginNotFoundException e) {
                // A default to show, not a copy to run: validating the converter reports why its copy cannot be loaded.
            }
        }
        return latestVersion(classOrAlias, List.of(type));
    }

    /**
     * The class as a plugin location's own loader defines it, when that location packages it; else null.
     *
     * @throws PluginNotFoundException when the location packages a copy that cannot be loaded (a library it needs is
     *                                 missing): the connector would run it, so another copy must not stand in silently
     */
    private static Class<?> packagedIn(PluginClassLoader location, String className, PluginType type) {
        try {
            // Child-first for the classes isolation applies to, so the location's own copy is seen before any other.
            Class<?> seen = location.loadClass(className);
            return seen.getClassLoader() == location && type.superType().isAssignableFrom(seen) ? seen : null;
        } catch (ClassNotFoundException e) {
            return null;
        } catch (LinkageError e) {
            PluginNotFoundException failure = new PluginNotFoundException("The copy of " + className + " packaged in plugin location "
                    + location.location() + " cannot be loaded: " + e);
            failure.initCause(e);
            throw failure;
        }
    }

    /** {@link #connectorClass(String)} in the version a requirement picks, as {@link #pluginClass(String, PluginType, VersionRequirement)}. */
    public Class<?> connectorClass(String classOrAlias, VersionRequirement version) {
        Class<?> latest = connectorClass(classOrAlias);
        return version.isLatest() ? latest : matching(latest.getName(), List.of(PluginType.SOURCE, PluginType.SINK), version);
    }

    /**
     * The versions of a plugin installed, lowest first, each once; empty when discovery did not find it (an
     * unknown name, or a class only loadable by name).
     */
    public List<String> versions(String classOrAlias, Collection<PluginType> kinds) {
        if (classOrAlias == null) {
            return List.of();
        }
        return catalog.copies(catalog.resolve(classOrAlias.trim()), kinds).stream()
                .map(plugin -> plugin.desc().version())
                .distinct()
                .toList();
    }

    /** The version used when none is asked for; null when discovery did not find the plugin. */
    public String latestVersion(String classOrAlias, Collection<PluginType> kinds) {
        List<String> versions = versions(classOrAlias, kinds);
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /**
     * The version discovery found for a plugin class (any of its copies, by identity); {@value
     * PluginDesc#UNDEFINED_VERSION} for a class it did not find.
     */
    public String installedVersion(Class<?> pluginClass) {
        return catalog.copies(pluginClass.getName(), List.of(PluginType.values())).stream()
                .filter(plugin -> plugin.pluginClass() == pluginClass)
                .map(plugin -> plugin.desc().version())
                .findFirst()
                .orElse(PluginDesc.UNDEFINED_VERSION);
    }

    private Class<?> matching(String className, List<PluginType> kinds, VersionRequirement version) {
        List<DiscoveredPlugin> copies = catalog.copies(className, kinds);
        if (copies.isEmpty()) {
            throw new PluginVersionNotFoundException(NotFoundMessages.notDiscovered(className), List.of());
        }
        for (int i = copies.size() - 1; i >= 0; i--) {
            if (version.accepts(copies.get(i).desc().version())) {
                return copies.get(i).pluginClass();
            }
        }
        List<String> available = copies.stream().map(plugin -> plugin.desc().version()).distinct().toList();
        throw new PluginVersionNotFoundException(NotFoundMessages.noVersionMatches(className, version, available), available);
    }

    /**
     * A new instance of a plugin class, made through its public no-arg constructor with {@link #loaderOf} as
     * the thread's context loader (static initialisers and constructors often load classes by name).
     *
     * @throws PluginNotFoundException when the class cannot be instantiated; the cause is attached
     */
    @SuppressWarnings("try") // the loader swap is used only for its close()
    public Object newInstance(Class<?> pluginClass) {
        try (LoaderSwap swap = LoaderSwap.to(loaderOf(pluginClass))) {
            return pluginClass.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw instantiationFailed(pluginClass, e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw instantiationFailed(pluginClass, e);
        }
    }

    /**
     * The loader to run a plugin class with: its own for a {@code plugin.path} plugin, else {@link
     * #classLoader()}, which sees the framework and, by name, every plugin.
     */
    public ClassLoader loaderOf(Class<?> pluginClass) {
        ClassLoader loader = pluginClass.getClassLoader();
        return loader instanceof PluginClassLoader ? loader : routing;
    }

    /**
     * The framework's loader as plugins see it: loads every discovered plugin by class name or alias from
     * its own loader, and every other class from the framework. The context loader for code that resolves
     * plugin names, such as parsing a {@code ConfigDef.Type.CLASS} setting.
     */
    public ClassLoader classLoader() {
        return routing;
    }

    /**
     * What a plugin reports as its version ({@link Versioned#version()}, or a task's {@link Task#version()});
     * {@value PluginDesc#UNDEFINED_VERSION} when it has none, answers {@code null}, or fails.
     */
    public static String versionOf(Object plugin) {
        if (plugin instanceof Versioned || plugin instanceof Task) {
            try {
                String version = plugin instanceof Versioned versioned ? versioned.version() : ((Task) plugin).version();
                return version == null ? PluginDesc.UNDEFINED_VERSION : version;
            } catch (RuntimeException | LinkageError e) {
                log.debug("{}.version() failed", plugin.getClass().getName(), e);
                return PluginDesc.UNDEFINED_VERSION;
            }
        }
        return PluginDesc.UNDEFINED_VERSION;
    }

    /** Closes every plugin loader. Idempotent. */
    @Override
    public void close() {
        loaders.forEach(Plugins::closeQuietly);
    }

    static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            log.warn("Could not close the loader of plugin location {}: {}", loader.location(), e.toString());
        }
    }

    private Class<?> load(String classOrAlias) {
        Objects.requireNonNull(classOrAlias, "classOrAlias");
        try {
            return routing.loadClass(classOrAlias);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private Class<?> connectorBySimpleName(String name) {
        List<DiscoveredPlugin> matches = catalog.connectorsNamed(name);
        if (matches.size() > 1) {
            throw new PluginNotFoundException(NotFoundMessages.ambiguousConnector(name, matches));
        }
        return matches.isEmpty() ? null : matches.get(0).pluginClass();
    }

    private static boolean isConnector(Class<?> candidate) {
        return PluginType.SOURCE.superType().isAssignableFrom(candidate)
                || PluginType.SINK.superType().isAssignableFrom(candidate);
    }

    private static PluginNotFoundException instantiationFailed(Class<?> pluginClass, Throwable cause) {
        PluginNotFoundException e = new PluginNotFoundException("Could not instantiate " + pluginClass.getName()
                + ": " + cause);
        e.initCause(cause);
        return e;
    }
}
