package io.ferry.connect.herder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of what the API shows: a PASSWORD-type value is shown as {@value #HIDDEN}
 * (unless it is a {@code ${provider:path:key}} reference, which is shown as it is); a config sent
 * back with {@value #HIDDEN} keeps the stored secret; and a task config that carries a resolved
 * secret is stored with the reference instead.
 */
public final class ConfigMasking {
    static final String HIDDEN = "[hidden]";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[^}]*}");

    private final Function<Map<String, String>, Set<String>> passwordKeys;

    /** @param passwordKeys the PASSWORD-type keys of a connector config's full definition */
    public ConfigMasking(Function<Map<String, String>, Set<String>> passwordKeys) {
        this.passwordKeys = passwordKeys;
    }

    /** The config as the API shows it. */
    public Map<String, String> mask(Map<String, String> config, Map<String, String> connectorConfig) {
        Set<String> secrets = secretKeys(connectorConfig);
        Map<String, String> masked = new LinkedHashMap<>();
        new java.util.TreeMap<>(config).forEach((key, value) -> masked.put(key,
                secrets.contains(key) && value != null && !REFERENCE.matcher(value).find() ? HIDDEN : value));
        return masked;
    }

    /** A submitted config in which {@value #HIDDEN} stands for the secret already stored under that key. */
    public Map<String, String> unmask(Map<String, String> submitted, Map<String, String> stored) {
        if (stored == null) {
            return submitted;
        }
        Set<String> secrets = secretKeys(submitted);
        Map<String, String> result = new HashMap<>(submitted);
        submitted.forEach((key, value) -> {
            if (HIDDEN.equals(value) && secrets.contains(key) && stored.containsKey(key)) {
                result.put(key, stored.get(key));
            }
        });
        return result;
    }

    /**
     * Task configs as they are stored: where a task's value is what a reference in the connector's
     * config resolved to, the reference is stored instead, so the secret never rests in a store.
     */
    public static List<Map<String, String>> reverseTransform(Map<String, String> raw, Map<String, String> resolved,
            List<Map<String, String>> taskConfigs) {
        List<Map<String, String>> result = new ArrayList<>();
        for (Map<String, String> taskConfig : taskConfigs) {
            Map<String, String> stored = new HashMap<>(taskConfig);
            raw.forEach((key, rawValue) -> {
                if (rawValue != null && REFERENCE.matcher(rawValue).find() && stored.containsKey(key)
                        && stored.get(key) != null && stored.get(key).equals(resolved.get(key))) {
                    stored.put(key, rawValue);
                }
            });
            result.add(stored);
        }
        return result;
    }

    private Set<String> secretKeys(Map<String, String> connectorConfig) {
        try {
            return passwordKeys.apply(connectorConfig);
        } catch (RuntimeException e) {
            // A config whose plugins cannot be found has no definition to mask by: hide nothing more than we know.
            return Set.of();
        }
    }
}
