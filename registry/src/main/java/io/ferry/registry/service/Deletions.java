package io.ferry.registry.service;

import java.util.ArrayList;
import java.util.List;

import io.ferry.registry.store.RecordKey;
import io.ferry.registry.store.RecordValue;
import io.ferry.registry.store.RegistryIndex;
import io.ferry.registry.store.RegistryRecord;
import io.ferry.registry.store.SubjectVersion;

/**
 * Deleting versions and subjects: first softly (hidden, id kept, number reserved), then for good.
 * A version another schema references cannot go. A subject's config and mode go with its last
 * version when it is deleted for good, and stay on a soft delete.
 */
final class Deletions {
    private final RegistryIndex index;
    private final EffectiveSettings effective;
    private final LogWriter writer;

    Deletions(RegistryIndex index, EffectiveSettings effective, LogWriter writer) {
        this.index = index;
        this.effective = effective;
        this.writer = writer;
    }

    /** @return the versions deleted, ascending */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        writer.requireWriter();
        return writer.write("delete subject", () -> {
            List<SubjectVersion> versions = index.versions(subject);
            if (versions.isEmpty()) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            effective.requireWritable(subject);
            List<SubjectVersion> live = Registration.live(versions);
            return permanent ? purgeSubject(subject, versions, live) : softDeleteSubject(subject, live);
        });
    }

    private LogWriter.Plan<List<Integer>> softDeleteSubject(String subject, List<SubjectVersion> live) {
        if (live.isEmpty()) {
            throw RegistryErrors.subjectSoftDeleted(subject);
        }
        for (SubjectVersion version : live) {
            requireNotReferenced(version, false);
        }
        int highest = live.get(live.size() - 1).version();
        RegistryRecord record = RegistryRecord.of(new RecordKey.DeleteSubject(subject), new RecordValue.DeleteSubject(subject, highest));
        return new LogWriter.Plan<>(List.of(record), numbers(live));
    }

    private LogWriter.Plan<List<Integer>> purgeSubject(String subject, List<SubjectVersion> versions, List<SubjectVersion> live) {
        if (!live.isEmpty()) {
            throw RegistryErrors.subjectNotSoftDeleted(subject);
        }
        for (SubjectVersion version : versions) {
            requireNotReferenced(version, true);
        }
        List<RegistryRecord> records = new ArrayList<>();
        for (SubjectVersion version : versions) {
            records.add(RegistryRecord.tombstone(new RecordKey.Schema(subject, version.version())));
        }
        records.addAll(subjectSettingsTombstones(subject));
        return new LogWriter.Plan<>(records, numbers(versions));
    }

    /** @return the version deleted */
    int deleteVersion(String subject, VersionSpec spec, boolean permanent) {
        writer.requireWriter();
        return writer.write("delete schema version", () -> {
            List<SubjectVersion> versions = index.versions(subject);
            if (versions.isEmpty()) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            effective.requireWritable(subject);
            SubjectVersion target = find(versions, spec, permanent);
            if (permanent) {
                if (!target.deleted()) {
                    throw RegistryErrors.versionNotSoftDeleted(subject, target.version());
                }
                requireNotReferenced(target, true);
                List<RegistryRecord> records = new ArrayList<>();
                records.add(RegistryRecord.tombstone(new RecordKey.Schema(subject, target.version())));
                if (versions.size() == 1) {
                    records.addAll(subjectSettingsTombstones(subject));
                }
                return new LogWriter.Plan<>(records, target.version());
            }
            if (target.deleted()) {
                throw RegistryErrors.versionSoftDeleted(subject, target.version());
            }
            requireNotReferenced(target, false);
            RegistryRecord record = RegistryRecord.of(new RecordKey.Schema(subject, target.version()), target.toRecordValue(true));
            return new LogWriter.Plan<>(List.of(record), target.version());
        });
    }

    /**
     * The version a delete names. "latest" is the highest live version; a soft-deleted version
     * is found only when it is to be deleted for good, so that a second soft delete says so.
     */
    private static SubjectVersion find(List<SubjectVersion> versions, VersionSpec spec, boolean permanent) {
        if (spec.isLatest()) {
            List<SubjectVersion> candidates = permanent ? versions : Registration.live(versions);
            if (candidates.isEmpty()) {
                throw RegistryErrors.versionNotFound(spec.number());
            }
            return candidates.get(candidates.size() - 1);
        }
        return versions.stream()
                .filter(version -> version.version() == spec.number())
                .findFirst()
                .orElseThrow(() -> RegistryErrors.versionNotFound(spec.number()));
    }

    /**
     * A version referenced by a live schema cannot be deleted at all; one referenced by any schema,
     * even a soft-deleted one, cannot be deleted for good.
     */
    private void requireNotReferenced(SubjectVersion version, boolean permanent) {
        for (SubjectVersion referrer : index.referrersOf(version.subject(), version.version())) {
            if (permanent || !referrer.deleted()) {
                throw RegistryErrors.referenceExists(version.subject(), version.version());
            }
        }
    }

    private List<RegistryRecord> subjectSettingsTombstones(String subject) {
        List<RegistryRecord> records = new ArrayList<>();
        if (index.config(subject).isPresent()) {
            records.add(RegistryRecord.tombstone(new RecordKey.Config(subject)));
        }
        if (index.mode(subject).isPresent()) {
            records.add(RegistryRecord.tombstone(new RecordKey.Mode(subject)));
        }
        return records;
    }

    private static List<Integer> numbers(List<SubjectVersion> versions) {
        return versions.stream().map(SubjectVersion::version).toList();
    }
}
