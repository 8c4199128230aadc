package io.ferry.registry.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityPolicy;
import io.ferry.registry.store.RecordKey;
import io.ferry.registry.store.RecordValue;
import io.ferry.registry.store.RegistryIndex;
import io.ferry.registry.store.RegistryMode;
import io.ferry.registry.store.RegistryRecord;
import io.ferry.registry.store.SubjectVersion;

/** Changing compatibility settings and modes, globally ({@code subject == null}) or per subject. */
final class SettingsCommands {
    private final RegistryIndex index;
    private final EffectiveSettings effective;
    private final LogWriter writer;

    SettingsCommands(RegistryIndex index, EffectiveSettings effective, LogWriter writer) {
        this.index = index;
        this.effective = effective;
        this.writer = writer;
    }

    /** Merges the update into the scope's own settings; answers with the merged settings. */
    ConfigUpdate updateConfig(String subject, ConfigUpdate update) {
        if (update.isEmpty()) {
            throw RegistryErrors.invalidCompatibilityLevel();
        }
        if (subject != null) {
            Registration.requireValidSubject(subject);
        }
        writer.requireWriter();
        return writer.write("update compatibility level", () -> {
            effective.requireWritable(subject);
            Optional<RecordValue.Config> current = index.config(subject);
            ObjectNode others = JsonNodeFactory.instance.objectNode();
            current.map(RecordValue.Config::others).ifPresent(others::setAll);
            if (update.others() != null) {
                others.setAll(update.others());
            }
            RecordValue.Config merged = new RecordValue.Config(
                    update.compatibility() != null ? update.compatibility() : current.map(RecordValue.Config::level).orElse(null),
                    others.isEmpty() ? null : others);
            requireCombinable(subject, update, merged);
            RegistryRecord record = RegistryRecord.of(new RecordKey.Config(subject), merged);
            return new LogWriter.Plan<>(List.of(record), new ConfigUpdate(merged.level(), merged.others()));
        });
    }

    /**
     * Refuses (42203) an update that leaves a LOGICAL policy in force with a forward level, each taken from
     * the merged settings, else from what the scope inherits. Only updates that set either are checked.
     */
    private void requireCombinable(String subject, ConfigUpdate update, RecordValue.Config merged) {
        boolean setsPolicy = update.others() != null && update.others().has(EffectiveSettings.POLICY);
        if (update.compatibility() == null && !setsPolicy) {
            return;
        }
        CompatibilityLevel level = merged.level() != null ? merged.level() : effective.level(subject);
        CompatibilityPolicy policy = Optional.ofNullable(merged.others())
                .map(others -> others.path(EffectiveSettings.POLICY).asText(null))
                .flatMap(CompatibilityPolicy::fromName)
                .orElseGet(() -> effective.policy(subject));
        if (!policy.allows(level)) {
            throw RegistryErrors.logicalPolicyWithForwardLevel(level);
        }
    }

    /** Removes the scope's own settings; answers with what was in force before. */
    RecordValue.Config deleteConfig(String subject, RecordValue.Config fallback) {
        writer.requireWriter();
        return writer.write("delete compatibility level", () -> {
            Optional<RecordValue.Config> current = index.config(subject);
            if (subject != null && current.isEmpty()) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            effective.requireWritable(subject);
            List<RegistryRecord> records = current.isPresent()
                    ? List.of(RegistryRecord.tombstone(new RecordKey.Config(subject)))
                    : List.of();
            return new LogWriter.Plan<>(records, current.orElse(fallback));
        });
    }

    /**
     * Sets a mode. Entering IMPORT needs an empty scope (no live version), unless forced; it also
     * forgets the scope's soft-deleted versions, so imported versions cannot meet them.
     */
    RegistryMode updateMode(String subject, RegistryMode mode, boolean force) {
        if (subject != null) {
            Registration.requireValidSubject(subject);
        }
        writer.requireWriter();
        return writer.write("update mode", () -> {
            List<RegistryRecord> records = new ArrayList<>();
            records.add(RegistryRecord.of(new RecordKey.Mode(subject), new RecordValue.Mode(mode)));
            boolean entersImport = mode == RegistryMode.IMPORT && index.mode(subject).orElse(null) != RegistryMode.IMPORT;
            if (entersImport) {
                if (!force && hasLiveVersions(subject)) {
                    throw RegistryErrors.cannotImport();
                }
                records.add(RegistryRecord.of(new RecordKey.ClearSubject(subject), new RecordValue.ClearSubject(subject)));
            }
            return new LogWriter.Plan<>(records, mode);
        });
    }

    private boolean hasLiveVersions(String subject) {
        List<SubjectVersion> versions = subject == null ? index.allVersions() : index.versions(subject);
        return versions.stream().anyMatch(version -> !version.deleted());
    }

    /** Removes the scope's own mode; answers with the mode in force before. */
    RegistryMode deleteMode(String subject) {
        writer.requireWriter();
        return writer.write("delete mode", () -> {
            Optional<RegistryMode> current = index.mode(subject);
            if (subject != null && current.isEmpty()) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            List<RegistryRecord> records = current.isPresent()
                    ? List.of(RegistryRecord.tombstone(new RecordKey.Mode(subject)))
                    : List.of();
            return new LogWriter.Plan<>(records, current.orElse(RegistryMode.READWRITE));
        });
    }
}
