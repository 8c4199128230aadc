package io.ferry.registry.service;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityPolicy;
import io.ferry.registry.store.RecordValue;
import io.ferry.registry.store.RegistryIndex;
import io.ferry.registry.store.RegistryMode;

/**
 * The settings in force for a subject: its own, else the global ones, else the server's defaults.
 * A global READONLY_OVERRIDE wins over any subject's mode.
 */
final class EffectiveSettings {
    /** The config setting that holds the compatibility policy. */
    static final String POLICY = "compatibilityPolicy";

    private final RegistryIndex index;
    private final RegistrySettings settings;

    EffectiveSettings(RegistryIndex index, RegistrySettings settings) {
        this.index = index;
        this.settings = settings;
    }

    CompatibilityLevel level(String subject) {
        return ownLevel(subject)
                .or(() -> ownLevel(null))
                .orElse(settings.defaultCompatibility());
    }

    private Optional<CompatibilityLevel> ownLevel(String subject) {
        return index.config(subject).map(RecordValue.Config::level);
    }

    boolean normalize(String subject) {
        return flag(subject, "normalize");
    }

    boolean validateFields(String subject) {
        return flag(subject, "validateFields");
    }

    /**
     * The subject's {@code compatibilityPolicy}, else the global one, else STRICT. A value this registry
     * does not know (a newer registry may have written it) counts as unset, as Confluent's registry reads it.
     */
    CompatibilityPolicy policy(String subject) {
        return setting(subject, POLICY).or(() -> setting(null, POLICY))
                .flatMap(value -> CompatibilityPolicy.fromName(value.asText()))
                .orElse(CompatibilityPolicy.DEFAULT);
    }

    private boolean flag(String subject, String name) {
        return setting(subject, name).or(() -> setting(null, name)).map(JsonNode::asBoolean).orElse(false);
    }

    private Optional<JsonNode> setting(String subject, String name) {
        return index.config(subject)
                .map(RecordValue.Config::others)
                .map(others -> others.get(name))
                .filter(value -> !value.isNull());
    }

    RegistryMode mode(String subject) {
        Optional<RegistryMode> global = index.mode(null);
        if (global.isPresent() && global.get() == RegistryMode.READONLY_OVERRIDE) {
            return RegistryMode.READONLY_OVERRIDE;
        }
        return (subject == null ? Optional.<RegistryMode>empty() : index.mode(subject))
                .or(() -> global)
                .orElse(RegistryMode.READWRITE);
    }

    static boolean isReadOnly(RegistryMode mode) {
        return mode == RegistryMode.READONLY || mode == RegistryMode.READONLY_OVERRIDE;
    }

    /** Refuses writes to a subject in a read-only mode (42205). */
    void requireWritable(String subject) {
        if (isReadOnly(mode(subject))) {
            throw subject == null ? RegistryErrors.registryReadOnly() : RegistryErrors.readOnly(subject);
        }
    }
}
