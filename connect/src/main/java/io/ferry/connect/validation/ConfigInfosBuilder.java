package io.ferry.connect.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ferry.connect.herder.ConfigInfo;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.herder.ConfigKeyInfo;
import io.ferry.connect.herder.ConfigValueInfo;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Turns Kafka's {@link ConfigKey}s and {@link ConfigValue}s into the validate answer's records,
 * with Apache Kafka Connect's rules for order, groups and error counts.
 */
final class ConfigInfosBuilder {

    private ConfigInfosBuilder() {
    }

    /** A key's definition as the API shows it; {@code prefix} is put before its name. */
    static ConfigKeyInfo keyInfo(ConfigKey key, String prefix) {
        boolean required = ConfigDef.NO_DEFAULT_VALUE.equals(key.defaultValue);
        String defaultValue = required ? null : ConfigDef.convertToString(key.defaultValue, key.type);
        return new ConfigKeyInfo(prefix + key.name, key.type.name(), required, defaultValue, key.importance.name(),
                key.documentation, key.group, key.orderInGroup, key.width.name(), key.displayName, key.dependents);
    }

    static List<ConfigKeyInfo> keyInfos(Collection<ConfigKey> keys) {
        List<ConfigKeyInfo> infos = new ArrayList<>();
        keys.forEach(key -> infos.add(keyInfo(key, "")));
        return infos;
    }

    /** A validated value; {@code type} is its key's, null for a value without a definition. */
    static ConfigValueInfo valueInfo(String name, ConfigValue value, Type type) {
        List<String> recommended = new ArrayList<>();
        for (Object candidate : value.recommendedValues()) {
            recommended.add(ConfigDef.convertToString(candidate, type == Type.LIST ? Type.STRING : type));
        }
        return new ConfigValueInfo(name, ConfigDef.convertToString(value.value(), type), recommended,
                List.copyOf(value.errorMessages()), value.visible());
    }

    /**
     * The connector's own section: values without a definition first, then every defined key in
     * definition order with its value (if any); the error count is the number of messages.
     */
    static ConfigInfos generate(String name, Map<String, ConfigKey> keys, Collection<ConfigValue> values, List<String> groups) {
        int errors = 0;
        List<ConfigInfo> configs = new ArrayList<>();
        Map<String, ConfigValue> byName = new HashMap<>();
        for (ConfigValue value : values) {
            byName.merge(value.name(), value, ConfigInfosBuilder::withErrorsOf);
            if (!keys.containsKey(value.name())) {
                configs.add(new ConfigInfo(null, valueInfo(value.name(), value, null)));
                errors += value.errorMessages().size();
            }
        }
        for (ConfigKey key : keys.values()) {
            ConfigValue value = byName.get(key.name);
            ConfigValueInfo valueInfo = null;
            if (value != null) {
                valueInfo = valueInfo(value.name(), value, key.type);
                errors += value.errorMessages().size();
            }
            configs.add(new ConfigInfo(keyInfo(key, ""), valueInfo));
        }
        return new ConfigInfos(name, errors, groups, configs);
    }

    /**
     * The later of two values of one key (a connector's own verdict comes after the framework's),
     * keeping the earlier one's errors too: a null value, say, is an error whoever defines the key.
     */
    private static ConfigValue withErrorsOf(ConfigValue earlier, ConfigValue later) {
        for (String error : earlier.errorMessages()) {
            if (!later.errorMessages().contains(error)) {
                later.addErrorMessage(error);
            }
        }
        return later;
    }

    /**
     * A section of settings passed on under a prefix (a converter's, a client's): each value with
     * its definition, names prefixed; the error count is the number of values with errors.
     */
    static ConfigInfos prefixed(Map<String, ConfigKey> keys, List<ConfigValue> values, String prefix) {
        int errors = 0;
        Set<String> groups = new LinkedHashSet<>();
        List<ConfigInfo> configs = new ArrayList<>();
        for (ConfigValue value : values) {
            ConfigKey key = keys.get(value.name());
            ConfigKeyInfo keyInfo = null;
            if (key != null) {
                if (key.group != null) {
                    groups.add(key.group);
                }
                keyInfo = keyInfo(key, prefix);
            }
            if (!value.errorMessages().isEmpty()) {
                errors++;
            }
            configs.add(new ConfigInfo(keyInfo, valueInfo(prefix + value.name(), value, key != null ? key.type : null)));
        }
        return new ConfigInfos("", errors, new ArrayList<>(groups), configs);
    }

    /** Sections added up under the connector's class; null sections are skipped. */
    static ConfigInfos merge(String name, ConfigInfos... sections) {
        int errors = 0;
        List<ConfigInfo> configs = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
        for (ConfigInfos section : sections) {
            if (section != null) {
                errors += section.errorCount();
                configs.addAll(section.configs());
                groups.addAll(section.groups());
            }
        }
        return new ConfigInfos(name, errors, new ArrayList<>(groups), configs);
    }
}
