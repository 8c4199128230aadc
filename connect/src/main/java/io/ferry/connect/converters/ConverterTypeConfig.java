package io.ferry.connect.converters;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;

/**
 * The one setting the converters of this package declare: {@code converter.type} ({@code key}, {@code value}
 * or {@code header}), required when a converter is configured as a header converter, set by the worker
 * otherwise. Any other setting is passed on to the converter's serializer and deserializer.
 */
final class ConverterTypeConfig extends ConverterConfig {
    private static final ConfigDef DEFINITION = ConverterConfig.newConfigDef();

    private ConverterTypeConfig(Map<String, ?> settings) {
        super(DEFINITION, settings);
    }

    /** The definition, shared: {@code ConfigDef} is not changed once built. */
    static ConfigDef definition() {
        return DEFINITION;
    }

    /**
     * Whether the settings make a key converter.
     *
     * @throws org.apache.kafka.common.config.ConfigException when {@code converter.type} is missing or not
     *                                                        one of the three types
     */
    static boolean isKey(Map<String, ?> settings) {
        return new ConverterTypeConfig(settings).type() == ConverterType.KEY;
    }

    /** The settings with {@code converter.type} set to key or value, as {@code Converter.configure(map, isKey)} says. */
    static Map<String, Object> withType(Map<String, ?> settings, boolean isKey) {
        Map<String, Object> typed = new HashMap<>(settings);
        typed.put(TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        return typed;
    }
}
