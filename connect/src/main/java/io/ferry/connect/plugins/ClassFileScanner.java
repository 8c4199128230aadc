package io.ferry.connect.plugins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins without manifests: reads the header of every class file of a source, and tries each public
 * concrete class whose supertypes lead to a scanned plugin type. Supertypes inside the source are followed
 * through their headers; a supertype outside it (a framework class, a class of another plugin) is loaded,
 * without being initialised, to ask what it implements. So only the candidates and a few foreign
 * supertypes are ever loaded, never every class of a jar.
 *
 * <p>Scanned kinds are Apache Kafka Connect's: connectors, converters, header converters, transformations
 * and predicates. Config providers and client override policies are found only through manifests.
 */
final class ClassFileScanner {
    private static final Logger log = LoggerFactory.getLogger(ClassFileScanner.class);

    static final Set<PluginType> SCANNED_TYPES = Collections.unmodifiableSet(EnumSet.of(
            PluginType.SOURCE, PluginType.SINK, PluginType.CONVERTER, PluginType.HEADER_CONVERTER,
            PluginType.TRANSFORMATION, PluginType.PREDICATE));

    private final PluginProbe probe;
    private final Map<String, ClassHeader> headers;
    private final Map<String, Set<PluginType>> typesByClass = new HashMap<>();

    private ClassFileScanner(PluginProbe probe, Map<String, ClassHeader> headers) {
        this.probe = probe;
        this.headers = headers;
    }

    /** The plugins among the class files of the probe's source. */
    static List<DiscoveredPlugin> scan(PluginProbe probe) {
        ClassIndex index = ClassIndex.of(probe.source().classPath());
        return new ClassFileScanner(probe, index.headers()).scan();
    }

    private List<DiscoveredPlugin> scan() {
        PluginSource source = probe.source();
        List<DiscoveredPlugin> found = new ArrayList<>();
        for (ClassHeader header : new TreeMap<>(headers).values()) {
            if (!header.isPublicConcreteClass()) {
                continue;
            }
            Set<PluginType> types = typesOf(header.name());
            if (types.isEmpty()) {
                continue;
            }
            probe.probe(header.name(), false).ifPresent(probed -> {
                for (PluginType type : types) {
                    PluginDesc desc = new PluginDesc(header.name(), type, probed.version(), source.location());
                    found.add(new DiscoveredPlugin(desc, probed.pluginClass(), source.loader()));
                }
            });
        }
        return found;
    }

    /** The scanned plugin types a class is, through its whole ancestry; memoised. */
    private Set<PluginType> typesOf(String className) {
        Set<PluginType> known = typesByClass.get(className);
        if (known != null) {
            return known;
        }
        // Guards against a malformed cycle in the headers while this class is being resolved.
        typesByClass.put(className, Set.of());
        Set<PluginType> types = EnumSet.noneOf(PluginType.class);
        for (PluginType type : SCANNED_TYPES) {
            if (type.superType().getName().equals(className)) {
                types.add(type);
            }
        }
        ClassHeader header = headers.get(className);
        if (header != null) {
            for (String supertype : header.supertypes()) {
                types.addAll(typesOf(supertype));
            }
        } else {
            types.addAll(typesOfForeignClass(className));
        }
        Set<PluginType> result = types.isEmpty() ? Set.of() : Collections.unmodifiableSet(types);
        typesByClass.put(className, result);
        return result;
    }

    private Set<PluginType> typesOfForeignClass(String className) {
        if (isPlatformClass(className)) {
            return Set.of();
        }
        try {
            Class<?> foreign = Class.forName(className, false, probe.source().loader());
            Set<PluginType> types = EnumSet.noneOf(PluginType.class);
            for (PluginType type : SCANNED_TYPES) {
                if (type.superType().isAssignableFrom(foreign)) {
                    types.add(type);
                }
            }
            return types;
        } catch (ClassNotFoundException | LinkageError e) {
            log.debug("Supertype {} of a class in {} cannot be loaded: {}", className, probe.source(), e.toString());
            return Set.of();
        }
    }

    /** JDK classes never implement a Connect type; no need to load them. */
    private static boolean isPlatformClass(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }
}
