package io.ferry.connect.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.EnrichedConnectorConfig;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * A connector's definition with its transformations' and predicates' settings, for validation: an
 * alias whose type is missing or is no usable plugin does not fail the whole validation, as it fails
 * a running connector; it gets only its {@code type} key, whose value is then reported as wrong. The
 * aliases that resolve are added by {@link EnrichedConnectorConfig}, exactly as a connector runs them.
 */
final class TransformationSettings {
    private static final String TYPE = EnrichedConnectorConfig.TYPE;

    /** The enriched definition, and the props to validate against it (plugin aliases resolved to classes). */
    record Enriched(ConfigDef definition, Map<String, String> props) {
    }

    private final Plugins plugins;

    TransformationSettings(Plugins plugins) {
        this.plugins = plugins;
    }

    Enriched enrich(ConfigDef base, Map<String, String> props) {
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
                String problem = problemWith(props.get(typeKey), kind);
                if (problem == null) {
                    usable.add(alias);
                    validated.put(typeKey, plugins.pluginClass(props.get(typeKey).trim(), kind.pluginType()).getName());
                } else {
                    problems.add(new Problem(kind, alias, problem));
                }
            }
            resolvable.put(kind.setting(), String.join(",", usable));
        }
        ConfigDef definition = EnrichedConnectorConfig.enrich(base, resolvable, plugins);
        problems.forEach(problem -> defineType(definition, problem));
        return new Enriched(definition, validated);
    }

    /** Why the type cannot be used; null when it can (a missing type is reported by the definition itself). */
    private String problemWith(String type, Kind kind) {
        if (type == null || type.isBlank()) {
            return "";
        }
        try {
            Object plugin = plugins.newInstance(plugins.pluginClass(type.trim(), kind.pluginType()));
            try {
                Object definition = plugin instanceof Transformation<?> t ? t.config() : ((Predicate<?>) plugin).config();
                return definition == null ? type.trim() + ".config() must return a ConfigDef that is not null." : null;
            } finally {
                ConverterValidation.closeQuietly(plugin);
            }
        } catch (ConfigException e) {
            return e.getMessage().startsWith("Could not instantiate")
                    ? "Error getting config definition from " + kind.superType().getSimpleName() + ": " + e.getMessage()
                    : "Not a " + kind.superType().getSimpleName();
        } catch (RuntimeException e) {
            return "Error getting config definition from " + kind.superType().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static void defineType(ConfigDef definition, Problem unusable) {
        Kind kind = unusable.kind();
        String alias = unusable.alias();
        String problem = unusable.problem();
        String key = kind.setting() + "." + alias + "." + TYPE;
        if (definition.configKeys().containsKey(key)) {
            return;
        }
        ConfigDef.Validator reportsProblem = (name, value) -> {
            if (value != null && !problem.isEmpty()) {
                throw new ConfigException(name, String.valueOf(value), problem);
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

    /** An alias whose type cannot be used, and why ("" when it has none). */
    private record Problem(Kind kind, String alias, String problem) {
    }
}
