package io.ferry.connect.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.EnrichedConnectorConfig;
import io.ferry.connect.plugins.PluginKindMismatchException;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.PluginVersionNotFoundException;
import io.ferry.connect.plugins.VersionRequirement;
import io.ferry.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;

/**
 * A connector's definition with its transformations' and predicates' settings, for validation: an
 * alias whose type is missing or is no usable plugin does not fail the whole validation, as it fails
 * a running connector; it gets only its {@code type} key, whose value is then reported as wrong (or, when
 * no installed version matches its {@code plugin.version}, its version key, with the installed versions). The
 * aliases that resolve are added by {@link EnrichedConnectorConfig}, exactly as a connector runs them.
 */
final class TransformationSettings {
    private static final String TYPE = EnrichedConnectorConfig.TYPE;
    private static final String VERSION = EnrichedConnectorConfig.VERSION;

    /** The enriched definition, and the props to validate against it (plugin aliases resolved to classes). */
    record Enriched(ConfigDef definition, Map<String, String> props) {
    }

    private final Plugins plugins;

    TransformationSettings(Plugins plugins) {
        this.plugins = plugins;
    }

    Enriched enrich(ConfigDef base, Map<String, String> props, Class<?> connectorClass) {
        Map<String, String> resolvable = new HashMap<>(props);
        Map<String, String> validated = new HashMap<>(props);
        List<Problem> problems = new ArrayList<>();
        Kind transforms = new Kind(ConnectorConfig.TRANSFORMS, PluginType.TRANSFORMATION, Transformation.class, "transformation",
                ConnectorConfig.TRANSFORMS_GROUP);
        Kind predicates = new Kind(ConnectorConfig.PREDICATES, PluginType.PREDICATE, Predicate.class, "predicate",
                ConnectorConfig.PREDICATES_GROUP);
        for (Kind kind : List.of(transforms, predicates)) {
            List<String> usable = new ArrayList<>();
            for (String alias : aliases(props.get(kind.setting()))) {
                String typeKey = kind.setting() + "." + alias + "." + TYPE;
                String versionKey = kind.setting() + "." + alias + "." + VERSION;
                TypeProblem problem = problemWith(props.get(typeKey), props.get(versionKey), kind, connectorClass);
                PluginVersionNotFoundException versionProblem = problem == null
                        ? versionProblem(props.get(typeKey), props.get(versionKey), kind) : null;
                if (problem == null && versionProblem == null) {
                    usable.add(alias);
                    validated.put(typeKey, plugins.pluginClass(props.get(typeKey).trim(), kind.pluginType()).getName());
                } else {
                    problems.add(new Problem(kind, alias, problem == null ? TypeProblem.NONE : problem, versionProblem));
                }
            }
            resolvable.put(kind.setting(), String.join(",", usable));
        }
        ConfigDef definition = EnrichedConnectorConfig.enrich(base, resolvable, plugins, connectorClass);
        problems.forEach(problem -> defineType(definition, problem));
        return new Enriched(definition, validated);
    }

    /**
     * Why the type cannot be used, in the copy the connector would run; null when it can (a missing type is reported by
     * the definition itself).
     */
    private TypeProblem problemWith(String type, String version, Kind kind, Class<?> connectorClass) {
        if (type == null || type.isBlank()) {
            return TypeProblem.NONE;
        }
        try {
            Object plugin = plugins.newInstance(copyToCheck(type.trim(), version, kind, connectorClass));
            try {
                Object definition = plugin instanceof Transformation<?> t ? t.config() : ((Predicate<?>) plugin).config();
                return definition == null ? TypeProblem.of(type.trim() + ".config() must return a ConfigDef that is not null.") : null;
            } finally {
                ConverterValidation.closeQuietly(plugin);
            }
        } catch (PluginKindMismatchException e) {
            // Apache's words alone, as its type check reports them, without the "Invalid value" preamble.
            return new TypeProblem(e.getMessage(), true);
        } catch (ConfigException e) {
            return TypeProblem.of(e.getMessage().startsWith("Could not instantiate")
                    ? "Error getting config definition from " + kind.superType().getSimpleName() + ": " + e.getMessage()
                    : "Not a " + kind.superType().getSimpleName());
        } catch (RuntimeException e) {
            return TypeProblem.of("Error getting config definition from " + kind.superType().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * The copy of the plugin the connector would run ({@link Plugins#pluginClassFor}): the one packaged with it when
     * unpinned, which may be another than the latest. The latest when the version is malformed or not installed, which
     * the version key reports.
     *
     * @throws ConfigException when no plugin of the kind has that name, or the connector packages a class of that name
     *                         of another kind
     */
    private Class<?> copyToCheck(String type, String version, Kind kind, Class<?> connectorClass) {
        // First, as Apache does: the class of that name the connector packages, of another kind, fails even if none is installed.
        plugins.requirePackagedKind(connectorClass, type, kind.pluginType());
        Class<?> latest = plugins.pluginClass(type, kind.pluginType());
        try {
            return plugins.pluginClassFor(connectorClass, type, kind.pluginType(), VersionRequirement.parse(version));
        } catch (InvalidVersionSpecificationException | PluginVersionNotFoundException e) {
            return latest;
        }
    }

    /**
     * The failure to find the version the alias asks for; null when it is found. A value that is no version or
     * range at all is a failure too, which the version key's own validator reports in Maven's words.
     */
    private PluginVersionNotFoundException versionProblem(String type, String version, Kind kind) {
        try {
            plugins.pluginClass(type.trim(), kind.pluginType(), VersionRequirement.parse(version));
            return null;
        } catch (InvalidVersionSpecificationException e) {
            return new PluginVersionNotFoundException(e.getMessage(), List.of());
        } catch (PluginVersionNotFoundException e) {
            return e;
        }
    }

    private static void defineVersion(ConfigDef definition, Problem unusable) {
        PluginVersionNotFoundException problem = unusable.versionProblem();
        String key = unusable.kind().setting() + "." + unusable.alias() + "." + VERSION;
        ConfigDef.Validator reportsProblem = (name, value) -> {
            VersionRequirement.VALIDATOR.ensureValid(name, value);
            // Only a value set can miss: unset asks for the latest, which is installed (define() checks the null default).
            if (value != null) {
                throw new ConfigException(name, value, problem.getMessage());
            }
        };
        definition.define(key, Type.STRING, null, reportsProblem, Importance.LOW,
                ConnectorConfig.PLUGIN_VERSION_DOC.formatted(unusable.kind().description()), unusable.kind().group() + ": " + unusable.alias(),
                1, Width.MEDIUM, "Version for " + unusable.alias(), List.of(),
                EnrichedConnectorConfig.fixed(problem == null ? List.of() : List.copyOf(problem.availableVersions())));
    }

    private static void defineType(ConfigDef definition, Problem unusable) {
        if (unusable.versionProblem() != null) {
            defineVersion(definition, unusable);
        }
        Kind kind = unusable.kind();
        String alias = unusable.alias();
        TypeProblem problem = unusable.problem();
        String key = kind.setting() + "." + alias + "." + TYPE;
        if (definition.configKeys().containsKey(key)) {
            return;
        }
        ConfigDef.Validator reportsProblem = (name, value) -> {
            if (value != null && !problem.message().isEmpty()) {
                throw problem.whole() ? new ConfigException(problem.message())
                        : new ConfigException(name, String.valueOf(value), problem.message());
            }
        };
        definition.define(key, Type.CLASS, ConfigDef.NO_DEFAULT_VALUE, reportsProblem, Importance.HIGH,
                "Class for the '" + alias + "' " + kind.description() + ".", kind.group() + ": " + alias, 0, Width.LONG,
                kind.superType().getSimpleName() + " type for " + alias);
    }

    static List<String> aliases(String value) {
        Set<String> aliases = new LinkedHashSet<>();
        if (value != null) {
            for (String alias : value.split(",")) {
                if (!alias.isBlank()) {
                    aliases.add(alias.trim());
                }
            }
        }
        return new ArrayList<>(aliases);
    }

    private record Kind(String setting, PluginType pluginType, Class<?> superType, String description, String group) {
    }

    /**
     * An alias whose plugin cannot be used, and why: its type ("" when it has none), or the version it asks for
     * (null when that is not the problem).
     */
    private record Problem(Kind kind, String alias, TypeProblem problem, PluginVersionNotFoundException versionProblem) {
    }

    /**
     * Why a type cannot be used ("" when the definition reports it itself), and whether the message is the whole error
     * rather than the reason after {@code Invalid value X for configuration K:}.
     */
    private record TypeProblem(String message, boolean whole) {
        static final TypeProblem NONE = of("");

        static TypeProblem of(String reason) {
            return new TypeProblem(reason, false);
        }
    }
}
