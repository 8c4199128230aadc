package io.ferry.connect.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.SinkConnectorConfig;
import io.ferry.connect.config.SourceConnectorConfig;
import io.ferry.connect.herder.BadRequestException;
import io.ferry.connect.herder.ConfigKeyInfo;
import io.ferry.connect.plugins.LoaderSwap;
import io.ferry.connect.plugins.PluginNotFoundException;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.PluginVersionNotFoundException;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.plugins.VersionRequirement;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * The config definition of one plugin, as {@code GET /connector-plugins/{plugin}/config} shows it:
 * the plugin's own keys first, then, for a connector, the framework's source or sink keys it does
 * not define itself ({@code connector.plugin.version} defaulting, as in Apache, to the latest installed version,
 * which runs when it is unset). The plugin is shown in the version asked for ({@code ?version=}), the latest
 * installed by default.
 */
final class PluginConfigs {
    /** The kinds whose definitions are shown, in the order a name is looked up. */
    private static final List<PluginType> SHOWN = List.of(PluginType.SINK, PluginType.SOURCE, PluginType.CONVERTER,
            PluginType.HEADER_CONVERTER, PluginType.TRANSFORMATION, PluginType.PREDICATE);
    private static final List<PluginType> NOT_SHOWN = List.of(PluginType.CONFIG_PROVIDER,
            PluginType.CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY);

    private final Plugins plugins;

    PluginConfigs(Plugins plugins) {
        this.plugins = plugins;
    }

    List<ConfigKeyInfo> of(String classOrAlias, VersionRequirement version) {
        Class<?> latest = find(classOrAlias, SHOWN);
        if (latest == null) {
            if (find(classOrAlias, NOT_SHOWN) != null) {
                throw new BadRequestException("Invalid plugin class " + classOrAlias
                        + ". Valid types are sink, source, converter, header_converter, transformation, predicate.");
            }
            throw new NotFoundException("Unknown plugin " + classOrAlias + ".");
        }
        Class<?> pluginClass;
        try {
            pluginClass = plugins.pluginClass(latest.getName(), PluginType.of(latest), version);
        } catch (PluginVersionNotFoundException e) {
            throw new BadRequestException(e.getMessage());
        }
        Object plugin = plugins.newInstance(pluginClass);
        try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(pluginClass))) {
            Map<String, ConfigKey> keys = new LinkedHashMap<>(definitionOf(plugin).configKeys());
            ConfigDef base = plugin instanceof SinkConnector ? SinkConnectorConfig.configDef()
                    : plugin instanceof SourceConnector ? SourceConnectorConfig.configDef() : null;
            if (base != null) {
                ConfigKey versionKey = base.configKeys().get(ConnectorConfig.CONNECTOR_VERSION);
                base.configKeys().put(versionKey.name, new ConfigKey(versionKey.name, versionKey.type,
                        plugins.installedVersion(latest), versionKey.validator, versionKey.importance,
                        versionKey.documentation, versionKey.group, versionKey.orderInGroup, versionKey.width,
                        versionKey.displayName, versionKey.dependents, versionKey.recommender, versionKey.internalConfig));
                base.configKeys().forEach(keys::putIfAbsent);
            }
            return ConfigInfosBuilder.keyInfos(keys.values());
        } finally {
            ConverterValidation.closeQuietly(plugin);
        }
    }

    private Class<?> find(String classOrAlias, List<PluginType> kinds) {
        for (PluginType kind : kinds) {
            try {
                return plugins.pluginClass(classOrAlias, kind);
            } catch (PluginNotFoundException e) {
                // Not of this kind; try the next.
            }
        }
        return null;
    }

    private static ConfigDef definitionOf(Object plugin) {
        ConfigDef definition;
        if (plugin instanceof SinkConnector sink) {
            definition = sink.config();
        } else if (plugin instanceof SourceConnector source) {
            definition = source.config();
        } else if (plugin instanceof Converter converter) {
            definition = converter.config();
        } else if (plugin instanceof HeaderConverter converter) {
            definition = converter.config();
        } else if (plugin instanceof Transformation<?> transformation) {
            definition = transformation.config();
        } else {
            definition = ((Predicate<?>) plugin).config();
        }
        return definition == null ? new ConfigDef() : definition;
    }
}
