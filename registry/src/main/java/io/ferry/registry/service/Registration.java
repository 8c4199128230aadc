package io.ferry.registry.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.compat.VersionedSchema;
import io.ferry.registry.schema.SchemaType;
import io.ferry.registry.store.RecordKey;
import io.ferry.registry.store.RegistryIndex;
import io.ferry.registry.store.RegistryMode;
import io.ferry.registry.store.RegistryRecord;
import io.ferry.registry.store.SchemaContent;
import io.ferry.registry.store.SubjectVersion;

/**
 * Registering a schema under a subject, and the checks it shares with lookup and compatibility
 * tests.
 *
 * <p>The order of the rules is Confluent's: an identical live version answers at once (no mode or
 * compatibility check, no write — so re-registering is idempotent, even on a read-only registry);
 * then the mode; then, on the leader, the version number (one more than every version, soft-deleted
 * ones included), the id (the one identical content already has, else one more than the highest
 * ever), the compatibility check against live versions, and the write.
 */
final class Registration {
    private final RegistryIndex index;
    private final SchemaTypes types;
    private final SchemaResolver resolver;
    private final EffectiveSettings effective;
    private final LogWriter writer;
    private final RegistrySettings settings;

    Registration(RegistryIndex index, SchemaTypes types, SchemaResolver resolver, EffectiveSettings effective, LogWriter writer,
                 RegistrySettings settings) {
        this.index = index;
        this.types = types;
        this.resolver = resolver;
        this.effective = effective;
        this.writer = writer;
        this.settings = settings;
    }

    /** A submitted schema, parsed and ready to compare with stored ones. */
    record Candidate(SchemaType type, SchemaResolver.Submitted submitted, SchemaContent content) {
    }

    SubjectVersion register(String subject, RegisterRequest request, boolean normalize) {
        requireValidSubject(subject);
        boolean importing = effective.mode(subject) == RegistryMode.IMPORT;
        Candidate candidate = candidate(subject, request, normalize, !importing);
        Optional<SubjectVersion> existing = identicalLive(subject, candidate.content());
        if (existing.isPresent() && (request.id() == null || request.id() == existing.get().id())) {
            return existing.get();
        }
        return writer.write("register schema", () -> decide(subject, request, candidate));
    }

    private LogWriter.Plan<SubjectVersion> decide(String subject, RegisterRequest request, Candidate candidate) {
        Optional<SubjectVersion> existing = identicalLive(subject, candidate.content());
        if (existing.isPresent() && (request.id() == null || request.id() == existing.get().id())) {
            return LogWriter.Plan.nothing(existing.get());
        }
        RegistryMode mode = effective.mode(subject);
        if (EffectiveSettings.isReadOnly(mode)) {
            throw RegistryErrors.readOnly(subject);
        }
        boolean importing = mode == RegistryMode.IMPORT;
        if (importing && request.id() == null) {
            throw RegistryErrors.notReadWriteMode(subject);
        }
        if (!importing && request.id() != null) {
            throw RegistryErrors.notImportMode(subject);
        }
        List<SubjectVersion> versions = index.versions(subject);
        int version = nextVersion(versions, request, importing);
        int id = chooseId(request, candidate.content());
        if (!importing) {
            CompatibilityResult result = check(subject, candidate, live(versions));
            if (!result.isCompatible()) {
                throw RegistryErrors.incompatible(subject, result.messages(effective.validateFields(subject)));
            }
        }
        List<RegistryRecord> records = new ArrayList<>();
        for (SubjectVersion old : versions) {
            if (old.deleted() && old.id() == id) {
                // Registered again after a soft delete: the new version replaces the old one for good.
                records.add(RegistryRecord.tombstone(new RecordKey.Schema(subject, old.version())));
            }
        }
        SubjectVersion created = new SubjectVersion(subject, version, id, candidate.content(), false);
        records.add(RegistryRecord.of(new RecordKey.Schema(subject, version), created.toRecordValue(false)));
        return new LogWriter.Plan<>(records, created);
    }

    private static int nextVersion(List<SubjectVersion> versions, RegisterRequest request, boolean importing) {
        int next = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        Integer wanted = request.version();
        if (wanted == null || wanted == -1) {
            return next;
        }
        if (importing) {
            for (SubjectVersion existing : versions) {
                if (existing.version() == wanted) {
                    throw RegistryErrors.overwriteNotPermitted(existing.id());
                }
            }
            return wanted;
        }
        if (wanted != next) {
            throw RegistryErrors.versionNotNext();
        }
        return wanted;
    }

    private int chooseId(RegisterRequest request, SchemaContent content) {
        if (request.id() != null) {
            Optional<SchemaContent> holder = index.schemaById(request.id());
            if (holder.isPresent() && !holder.get().equals(content)) {
                throw RegistryErrors.overwriteNotPermitted(request.id());
            }
            return request.id();
        }
        OptionalInt known = index.idOf(content);
        if (known.isPresent()) {
            return known.getAsInt();
        }
        int id = index.maxId() + 1;
        while (index.schemaById(id).isPresent()) {
            id++;
        }
        return id;
    }

    /**
     * Parses a submitted schema and works out the content it would be stored as: the canonical
     * (or normal) text, concrete references, and — unless importing — the latest version's
     * metadata and rule set when the request brings none.
     */
    Candidate candidate(String subject, RegisterRequest request, boolean normalizeRequested, boolean inherit) {
        SchemaType type = types.require(request.schemaType());
        if (request.schema() == null || request.schema().isBlank()) {
            throw RegistryErrors.emptySchema();
        }
        if (request.schema().getBytes(StandardCharsets.UTF_8).length > settings.maxSchemaBytes()) {
            throw RegistryErrors.schemaTooLarge();
        }
        boolean normalize = normalizeRequested || effective.normalize(subject);
        SchemaResolver.Submitted submitted = resolver.parseSubmitted(type, request.schema(), request.references(), normalize);
        ObjectNode metadata = request.metadata();
        ObjectNode ruleSet = request.ruleSet();
        if (inherit && (metadata == null || ruleSet == null)) {
            Optional<SubjectVersion> latest = latestLive(subject);
            if (latest.isPresent()) {
                metadata = metadata != null ? metadata : latest.get().content().metadata();
                ruleSet = ruleSet != null ? ruleSet : latest.get().content().ruleSet();
            }
        }
        SchemaContent content = new SchemaContent(type, submitted.schema().canonicalString(), submitted.references(), metadata, ruleSet);
        return new Candidate(type, submitted, content);
    }

    /** The compatibility verdict a registration would get, against the given live versions. */
    CompatibilityResult check(String subject, Candidate candidate, List<SubjectVersion> liveVersions) {
        CompatibilityLevel level = effective.level(subject);
        if (level == CompatibilityLevel.NONE || liveVersions.isEmpty()) {
            return CompatibilityResult.compatible(level);
        }
        List<VersionedSchema> previous = new ArrayList<>(liveVersions.size());
        for (SubjectVersion version : liveVersions) {
            previous.add(new VersionedSchema(version.version(), resolver.parseStored(version.id(), version.content())));
        }
        return types.checker(candidate.type()).check(candidate.submitted().schema(), previous, level, effective.policy(subject));
    }

    Optional<SubjectVersion> identicalLive(String subject, SchemaContent content) {
        return identical(subject, content, false);
    }

    Optional<SubjectVersion> identical(String subject, SchemaContent content, boolean includeDeleted) {
        for (SubjectVersion version : index.versions(subject)) {
            if ((includeDeleted || !version.deleted()) && version.content().equals(content)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    private Optional<SubjectVersion> latestLive(String subject) {
        List<SubjectVersion> live = live(index.versions(subject));
        return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
    }

    static List<SubjectVersion> live(List<SubjectVersion> versions) {
        return versions.stream().filter(version -> !version.deleted()).toList();
    }

    /** Confluent refuses control characters and its reserved global name (42208). */
    static void requireValidSubject(String subject) {
        if (subject == null || subject.isEmpty() || subject.equals("__GLOBAL")) {
            throw RegistryErrors.invalidSubject(subject);
        }
        for (int i = 0; i < subject.length(); i++) {
            if (Character.isISOControl(subject.charAt(i))) {
                throw RegistryErrors.invalidSubject(subject);
            }
        }
    }
}
