package io.ferry.connect.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.EnrichedConnectorConfig;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.PluginVersionNotFoundException;
import io.ferry.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The {@code *.plugin.version} settings of a connector as validation shows them, as Apache Kafka Connect does:
 * each defaults to the version that would run and recommends every installed version of its plugin. Unpinned, a
 * converter the connector sets runs in the copy packaged with the connector if there is one, the worker's
 * converter in the worker's pinned version or the latest ({@link Plugins#pluginClassFor}). When no
 * installed version of the connector matches {@code connector.plugin.version}, only the common settings are
 * validated, with the error on {@code connector.class} and {@code connector.plugin.version}.
 */
final class PluginVersionSettings {
    private static final List<PluginType> CONNECTORS = List.of(PluginType.SOURCE, PluginType.SINK);

    private final Plugins plugins;
    private final WorkerConfig worker;

    PluginVersionSettings(Plugins plugins, WorkerConfig worker) {
        this.plugins = plugins;
        this.worker = worker;
    }

    /** Gives the version keys of a definition their defaults and recommended versions, for a connector of this class. */
    void describe(ConfigDef definition, Class<?> connectorClass, Map<String, String> props) {
        List<Object> connectorVersions = List.copyOf(plugins.versions(connectorClass.getName(), CONNECTORS));
        redefine(definition, ConnectorConfig.CONNECTOR_VERSION, plugins.installedVersion(connectorClass), connectorVersions);
        for (ConverterValidation.Slot slot : ConverterValidation.SLOTS) {
            String versionKey = slot.prefix() + WorkerConfig.PLUGIN_VERSION_SUFFIX;
            String own = props.get(slot.setting());
            String className = own != null && !own.isBlank() ? own.trim() : workerConverter(slot.setting());
            String version;
            if (own != null && !own.isBlank()) {
                version = plugins.unpinnedVersionFor(connectorClass, className, slot.kind());
            } else {
                // The worker's converter: its own pinned version, else the latest — never the connector's copy.
                version = worker.getString(versionKey);
                if (version == null) {
                    version = plugins.latestVersion(className, List.of(slot.kind()));
                }
            }
            redefine(definition, versionKey, version, List.copyOf(plugins.versions(className, List.of(slot.kind()))));
        }
    }

    /** The answer of a validation whose connector is installed in no version its config accepts. */
    ConfigInfos noSuchConnectorVersion(String connectorType, Map<String, String> props, PluginVersionNotFoundException e) {
        ConfigDef definition = ConnectorConfig.configDef();
        redefine(definition, ConnectorConfig.CONNECTOR_VERSION,
                plugins.latestVersion(props.get(ConnectorConfig.CONNECTOR_CLASS), CONNECTORS), List.of());
        Map<String, ConfigValue> validated = definition.validateAll(props);
        validated.get(ConnectorConfig.CONNECTOR_CLASS).addErrorMessage(e.getMessage());
        ConfigValue version = validated.get(ConnectorConfig.CONNECTOR_VERSION);
        version.addErrorMessage(e.getMessage());
        version.recommendedValues(new ArrayList<>(e.availableVersions()));
        ConnectorConfigValidator.reportNullValues(props, validated);
        return ConfigInfosBuilder.generate(connectorType, definition.configKeys(), validated.values(),
                new ArrayList<>(definition.groups()));
    }

    private String workerConverter(String setting) {
        Object value = worker.originals().get(setting);
        if (value == null && setting.equals(WorkerConfig.HEADER_CONVERTER)) {
            return worker.getClass(WorkerConfig.HEADER_CONVERTER).getName();
        }
        return value instanceof Class<?> type ? type.getName() : value == null ? null : value.toString().trim();
    }

    private static void redefine(ConfigDef definition, String name, String defaultValue, List<Object> recommended) {
        ConfigKey key = definition.configKeys().get(name);
        if (key == null) {
            return;
        }
        definition.configKeys().put(name, new ConfigKey(name, key.type, defaultValue, key.validator, key.importance,
                key.documentation, key.group, key.orderInGroup, key.width, key.displayName, key.dependents,
                EnrichedConnectorConfig.fixed(recommended), key.internalConfig));
    }
}
