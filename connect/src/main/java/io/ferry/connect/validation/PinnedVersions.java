package io.ferry.connect.validation;

import java.util.HashMap;
import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.EnrichedConnectorConfig;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.PluginVersionNotFoundException;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.plugins.VersionRequirement;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;

/**
 * The plugin versions a connector config pins, as masking reads them: a {@code *.plugin.version} of the connector,
 * a converter, a transformation or a predicate that no installed version of its plugin matches (one removed from
 * {@code plugin.path}, or never installed on this worker), or that is no version or range at all, is dropped, so
 * that the latest installed version's definition names that plugin's secrets rather than none being masked.
 */
final class PinnedVersions {
    private final Plugins plugins;

    PinnedVersions(Plugins plugins) {
        this.plugins = plugins;
    }

    /** A copy of the config without the version settings that no installed version of their plugin matches. */
    Map<String, String> orLatestInstalled(Map<String, String> config) {
        Map<String, String> props = new HashMap<>(config);
        dropIfMissing(props, props.get(ConnectorConfig.CONNECTOR_CLASS), ConnectorConfig.CONNECTOR_VERSION, null);
        for (ConverterValidation.Slot slot : ConverterValidation.SLOTS) {
            dropIfMissing(props, props.get(slot.setting()), slot.versionSetting(), slot.kind());
        }
        dropAliasesIfMissing(props, ConnectorConfig.TRANSFORMS, PluginType.TRANSFORMATION);
        dropAliasesIfMissing(props, ConnectorConfig.PREDICATES, PluginType.PREDICATE);
        return props;
    }

    private void dropAliasesIfMissing(Map<String, String> props, String setting, PluginType kind) {
        for (String alias : TransformationSettings.aliases(props.get(setting))) {
            String prefix = setting + "." + alias + ".";
            dropIfMissing(props, props.get(prefix + EnrichedConnectorConfig.TYPE), prefix + EnrichedConnectorConfig.VERSION, kind);
        }
    }

    /** @param kind the plugin's kind; null for the connector (a source or a sink) */
    private void dropIfMissing(Map<String, String> props, String classOrAlias, String versionKey, PluginType kind) {
        String version = props.get(versionKey);
        if (classOrAlias == null || classOrAlias.isBlank() || version == null) {
            return;
        }
        try {
            VersionRequirement requirement = VersionRequirement.parse(version);
            if (kind == null) {
                plugins.connectorClass(classOrAlias.trim(), requirement);
            } else {
                plugins.pluginClass(classOrAlias.trim(), kind, requirement);
            }
        } catch (PluginVersionNotFoundException | InvalidVersionSpecificationException e) {
            props.remove(versionKey);
        } catch (RuntimeException e) {
            // No such plugin in any version: there is no definition to read either way.
        }
    }
}
