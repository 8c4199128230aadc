package io.ferry.connect.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a candidate class of one source the way Apache Kafka Connect does before listing it: loads it
 * with the source's loader, checks that this loader defined it (a framework class visible through a
 * plugin's loader is not that plugin's), that it is public and concrete with a public no-arg
 * constructor, makes one instance with the source's loader as the thread's context loader, and asks its
 * version. A class that fails any step is not a plugin; the reason is logged, as a warning when a
 * service manifest named the class (someone meant it to be a plugin), else at debug level.
 *
 * <p>Each class is tried once per source, however many kinds it belongs to or scanners find it.
 * Not thread-safe: one probe per source, used by one thread.
 */
final class PluginProbe {
    private static final Logger log = LoggerFactory.getLogger(PluginProbe.class);

    /** A class that passed, and the version its instance reported. */
    record Probed(Class<?> pluginClass, String version) {
    }

    private final PluginSource source;
    private final Map<String, Optional<Probed>> tried = new HashMap<>();

    PluginProbe(PluginSource source) {
        this.source = source;
    }

    PluginSource source() {
        return source;
    }

    /**
     * The class if it is a usable plugin of this source.
     *
     * @param listed whether a service manifest named it (failures are then warnings)
     */
    Optional<Probed> probe(String className, boolean listed) {
        Optional<Probed> known = tried.get(className);
        if (known == null || (known.isEmpty() && listed)) {
            known = tryClass(className, listed);
            tried.put(className, known);
        }
        return known;
    }

    @SuppressWarnings("try") // the loader swap is used only for its close()
    private Optional<Probed> tryClass(String className, boolean listed) {
        Class<?> candidate;
        try {
            candidate = Class.forName(className, false, source.loader());
        } catch (ClassNotFoundException | LinkageError e) {
            return skip(listed, className, "it cannot be loaded: " + e);
        }
        if (candidate.getClassLoader() != source.loader()) {
            log.debug("{} is visible from {} but defined by {}; not a plugin of that location",
                    className, source, candidate.getClassLoader());
            return Optional.empty();
        }
        int modifiers = candidate.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers) || candidate.isInterface()) {
            return skip(listed, className, "it is not a public concrete class");
        }
        Constructor<?> constructor;
        try {
            constructor = candidate.getConstructor();
        } catch (NoSuchMethodException | SecurityException e) {
            return skip(listed, className, "it has no public no-arg constructor (an inner class must be static)");
        }
        try (LoaderSwap swap = LoaderSwap.to(source.loader())) {
            Object instance = constructor.newInstance();
            return Optional.of(new Probed(candidate, Plugins.versionOf(instance)));
        } catch (InvocationTargetException e) {
            log.warn("Skipping plugin {} in {}: its constructor failed", className, source, e.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            log.warn("Skipping plugin {} in {}: it cannot be instantiated", className, source, e);
        }
        return Optional.empty();
    }

    private Optional<Probed> skip(boolean listed, String className, String reason) {
        if (listed) {
            log.warn("Skipping {} listed in a service manifest of {}: {}", className, source, reason);
        } else {
            log.debug("Skipping {} in {}: {}", className, source, reason);
        }
        return Optional.empty();
    }
}
