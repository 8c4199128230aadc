package io.ferry.connect.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.plugins.LoaderSwap;
import io.ferry.connect.plugins.PluginKindMismatchException;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.PluginVersionNotFoundException;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.plugins.VersionRequirement;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;

/**
 * Validates the settings of the converters a connector sets itself ({@code key.converter=...} with
 * {@code key.converter.*}), against each converter's own definition, with the {@code converter.type}
 * the worker would give it, in the version its {@code key.converter.plugin.version} picks. Converters the connector
 * inherits from the worker are not checked here.
 */
final class ConverterValidation {
    private static final String TYPE_SETTING = "converter.type";

    /** A converter a connector may set: its setting, its kind, the converter.type it gets, how errors name it. */
    record Slot(String setting, PluginType kind, String converterType, String description) {

        String prefix() {
            return setting + ".";
        }

        /** The setting that picks the converter's version: {@code key.converter.plugin.version}... */
        String versionSetting() {
            return prefix() + WorkerConfig.PLUGIN_VERSION_SUFFIX;
        }
    }

    /** In Apache's order: header, key, value. */
    static final List<Slot> SLOTS = List.of(
            new Slot(ConnectorConfig.HEADER_CONVERTER, PluginType.HEADER_CONVERTER, "header", "header converter"),
            new Slot(ConnectorConfig.KEY_CONVERTER, PluginType.CONVERTER, "key", "key converter"),
            new Slot(ConnectorConfig.VALUE_CONVERTER, PluginType.CONVERTER, "value", "value converter"));

    private final Plugins plugins;

    ConverterValidation(Plugins plugins) {
        this.plugins = plugins;
    }

    /**
     * One section per converter set on the connector whose class passed validation; errors making one go to its class
     * value. Each is the copy the connector would run ({@link Plugins#pluginClassFor}).
     */
    List<ConfigInfos> validate(Map<String, String> props, Map<String, ConfigValue> validated, Class<?> connectorClass) {
        List<ConfigInfos> sections = new ArrayList<>();
        for (Slot slot : SLOTS) {
            ConfigValue classValue = validated.get(slot.setting());
            String className = props.get(slot.setting());
            ConfigValue versionValue = validated.get(slot.versionSetting());
            if (className != null && classValue != null && classValue.errorMessages().isEmpty()
                    && (versionValue == null || versionValue.errorMessages().isEmpty())) {
                sections.add(validate(props, slot, className.trim(), classValue, versionValue, connectorClass));
            }
        }
        return sections;
    }

    /**
     * The definition of a converter set on the connector, in the copy it would run; null when none is set or it cannot be
     * made.
     *
     * @param connectorClass the connector's class; null when unknown, for the latest copy
     */
    ConfigDef definition(Map<String, String> props, Slot slot, Class<?> connectorClass) {
        String className = props.get(slot.setting());
        if (className == null || className.isBlank()) {
            return null;
        }
        try {
            String version = props.get(slot.versionSetting());
            Object converter = plugins.newPluginFor(Plugins.converterOwner(connectorClass, version), className.trim(), slot.kind(),
                    VersionRequirement.parse(version), Object.class);
            try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(converter.getClass()))) {
                return configOf(converter, slot);
            } finally {
                closeQuietly(converter);
            }
        } catch (RuntimeException | InvalidVersionSpecificationException e) {
            return null;
        }
    }

    private ConfigInfos validate(Map<String, String> props, Slot slot, String className, ConfigValue classValue,
            ConfigValue versionValue, Class<?> connectorClass) {
        Object converter;
        try {
            plugins.requirePackagedKind(connectorClass, className, slot.kind());
        } catch (PluginKindMismatchException e) {
            // Apache reports it on the class key, in these words, as its ConfigDef validator of the key does.
            classValue.addErrorMessage(e.getMessage());
            return null;
        }
        try {
            String version = props.get(slot.versionSetting());
            converter = plugins.newPluginFor(Plugins.converterOwner(connectorClass, version), className, slot.kind(),
                    VersionRequirement.of(slot.versionSetting(), version), Object.class);
        } catch (PluginVersionNotFoundException e) {
            // As Apache reports it: on the class and on the version.
            classValue.addErrorMessage(e.getMessage());
            if (versionValue != null) {
                versionValue.addErrorMessage(e.getMessage());
            }
            return null;
        } catch (RuntimeException e) {
            classValue.addErrorMessage("Failed to load class " + className + suffix(e));
            return null;
        }
        try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(converter.getClass()))) {
            ConfigDef definition;
            try {
                definition = configOf(converter, slot);
            } catch (RuntimeException e) {
                classValue.addErrorMessage("Failed to load ConfigDef from " + slot.description() + suffix(e));
                return null;
            }
            if (definition == null) {
                // Converters written before converters declared their settings return null; they are not checked.
                return null;
            }
            Map<String, String> settings = withoutPrefix(props, slot.prefix());
            settings.putIfAbsent(TYPE_SETTING, slot.converterType());
            try {
                return ConfigInfosBuilder.prefixed(definition.configKeys(), definition.validate(settings), slot.prefix());
            } catch (RuntimeException e) {
                classValue.addErrorMessage("Failed to perform config validation for " + slot.description() + suffix(e));
                return null;
            }
        } finally {
            closeQuietly(converter);
        }
    }

    private static ConfigDef configOf(Object converter, Slot slot) {
        return slot.kind() == PluginType.HEADER_CONVERTER ? ((HeaderConverter) converter).config() : ((Converter) converter).config();
    }

    private static String suffix(RuntimeException e) {
        return e.getMessage() != null ? ": " + e.getMessage() : "";
    }

    static Map<String, String> withoutPrefix(Map<String, String> props, String prefix) {
        Map<String, String> result = new HashMap<>();
        props.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }

    static void closeQuietly(Object plugin) {
        if (plugin instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // A throwaway instance, made only to read its definition.
            }
        }
    }
}
