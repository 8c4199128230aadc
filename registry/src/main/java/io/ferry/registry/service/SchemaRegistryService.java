package io.ferry.registry.service;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.store.RecordValue;
import io.ferry.registry.store.RegistryIndex;
import io.ferry.registry.store.RegistryLog;
import io.ferry.registry.store.RegistryMode;
import io.ferry.registry.store.SchemaContent;
import io.ferry.registry.store.SubjectVersion;

/**
 * The registry's operations, one method per API operation. Reads answer from the index; writes
 * go through one {@link LogWriter}. Thread-safe.
 *
 * <p>Writes throw {@link LeaderRequiredException} on a node that does not lead, before deciding
 * anything, so the caller can hand the request to the leader unchanged.
 */
public final class SchemaRegistryService {
    /** The prefix that means "every context" in GET /subjects. */
    private static final String ALL_CONTEXTS = ":*:";

    private final RegistryIndex index;
    private final SchemaTypes types;
    private final RegistrySettings settings;
    private final EffectiveSettings effective;
    private final Registration registration;
    private final Deletions deletions;
    private final SettingsCommands commands;
    private final SchemaResolver resolver;
    private final GuidIndex guids;

    public SchemaRegistryService(RegistryIndex index, RegistryLog log, WriterRole role, SchemaTypes types, RegistrySettings settings) {
        this.index = index;
        this.types = types;
        this.settings = settings;
        this.effective = new EffectiveSettings(index, settings);
        LogWriter writer = new LogWriter(log, role, settings);
        this.resolver = new SchemaResolver(index, types);
        this.guids = new GuidIndex(index);
        this.registration = new Registration(index, types, resolver, effective, writer, settings);
        this.deletions = new Deletions(index, effective, writer);
        this.commands = new SettingsCommands(index, effective, writer);
    }

    // ---- schemas by id ----

    public SchemaContent schemaById(int id) {
        return index.schemaById(id).orElseThrow(() -> RegistryErrors.schemaNotFound(id));
    }

    /**
     * The text of a schema in an output format ({@code format=}); the stored text when none is
     * asked for.
     */
    public String schemaText(int id, String format) {
        SchemaContent content = schemaById(id);
        if (format == null || format.isBlank()) {
            return content.schema();
        }
        return resolver.parseStored(id, content).formatted(format);
    }

    /** The guid of the schema with this id: the same as Confluent's registry gives it. */
    public String guidOf(int id) {
        return guids.guidOf(id, schemaById(id)).toString();
    }

    /** The id of the schema with this guid; 40403 when none has it. */
    public int idOfGuid(String guid) {
        UUID uuid;
        try {
            uuid = UUID.fromString(guid);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(40403, "Schema " + guid + " not found");
        }
        return guids.idOf(uuid).orElseThrow(() -> new RegistryException(40403, "Schema " + guid + " not found"));
    }

    /**
     * GET /subjects/{s}/metadata: the newest version whose metadata properties hold every pair
     * asked for.
     */
    public SubjectVersion latestWithMetadata(String subject, Map<String, String> properties, boolean includeDeleted) {
        List<SubjectVersion> versions = index.versions(subject).stream().filter(version -> includeDeleted || !version.deleted()).toList();
        if (versions.isEmpty()) {
            throw RegistryErrors.subjectNotFound(subject);
        }
        for (int i = versions.size() - 1; i >= 0; i--) {
            SubjectVersion version = versions.get(i);
            JsonNode held = version.content().metadata() == null ? null
                    : version.content().metadata().path("properties");
            boolean matches = properties.entrySet().stream()
                    .allMatch(wanted -> held != null && held.has(wanted.getKey()) && held.get(wanted.getKey()).asText().equals(wanted.getValue()));
            if (matches) {
                return version;
            }
        }
        throw RegistryErrors.schemaNotFound();
    }

    /** The highest id given so far (1 when none, as Confluent answers). */
    public int maxId() {
        return Math.max(1, index.maxId());
    }

    public List<String> subjectsOfId(int id, boolean includeDeleted) {
        return new ArrayList<>(new TreeSet<>(versionsOfId(id, includeDeleted).stream().map(SubjectVersion::subject).toList()));
    }

    public List<SubjectVersion> versionsOfId(int id, boolean includeDeleted) {
        if (index.schemaById(id).isEmpty()) {
            throw RegistryErrors.schemaNotFound();
        }
        return index.versionsUsing(id).stream().filter(version -> includeDeleted || !version.deleted()).toList();
    }

    public List<String> schemaTypes() {
        return types.names();
    }

    /** GET /schemas: versions by subject then version, filtered and paged. */
    public List<SubjectVersion> schemas(String subjectPrefix, boolean includeDeleted, boolean latestOnly, int offset, int limit) {
        String prefix = subjectPrefix == null ? "" : subjectPrefix;
        List<SubjectVersion> matching = new ArrayList<>();
        for (String subject : index.subjects()) {
            if (!subject.startsWith(prefix)) {
                continue;
            }
            List<SubjectVersion> versions = index.versions(subject).stream()
                    .filter(version -> includeDeleted || !version.deleted()).toList();
            if (latestOnly && !versions.isEmpty()) {
                matching.add(versions.get(versions.size() - 1));
            } else if (!latestOnly) {
                matching.addAll(versions);
            }
        }
        int size = limit > 0 && limit <= settings.maxSearchLimit() ? limit : settings.defaultSearchLimit();
        int from = Math.min(Math.max(offset, 0), matching.size());
        return List.copyOf(matching.subList(from, Math.min(matching.size(), from + size)));
    }

    // ---- subjects ----

    public List<String> subjects(String subjectPrefix, boolean includeDeleted, boolean deletedOnly) {
        String prefix = subjectPrefix == null || subjectPrefix.equals(ALL_CONTEXTS) ? "" : subjectPrefix;
        List<String> result = new ArrayList<>();
        for (String subject : index.subjects()) {
            if (!subject.startsWith(prefix)) {
                continue;
            }
            boolean live = index.versions(subject).stream().anyMatch(version -> !version.deleted());
            if (deletedOnly ? !live : (live || includeDeleted)) {
                result.add(subject);
            }
        }
        return result;
    }

    public List<Integer> versions(String subject, boolean includeDeleted, boolean deletedOnly) {
        List<Integer> numbers = index.versions(subject).stream()
                .filter(version -> deletedOnly ? version.deleted() : includeDeleted || !version.deleted())
                .map(SubjectVersion::version)
                .toList();
        if (numbers.isEmpty()) {
            throw RegistryErrors.subjectNotFound(subject);
        }
        return numbers;
    }

    public SubjectVersion version(String subject, VersionSpec spec, boolean includeDeleted) {
        List<SubjectVersion> versions = index.versions(subject).stream()
                .filter(version -> includeDeleted || !version.deleted()).toList();
        if (versions.isEmpty()) {
            throw RegistryErrors.subjectNotFound(subject);
        }
        if (spec.isLatest()) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(version -> version.version() == spec.number()).findFirst()
                .orElseThrow(() -> RegistryErrors.versionNotFound(spec.number()));
    }

    /** The ids of live schemas that reference the version, ascending. */
    public List<Integer> referencedBy(String subject, VersionSpec spec, boolean includeDeleted) {
        SubjectVersion target = version(subject, spec, includeDeleted);
        return new ArrayList<>(new TreeSet<>(index.referrersOf(subject, target.version()).stream()
                .filter(referrer -> includeDeleted || !referrer.deleted())
                .map(SubjectVersion::id).toList()));
    }

    /** POST /subjects/{s}: the version of the subject that holds this schema. */
    public SubjectVersion lookup(String subject, RegisterRequest request, boolean normalize, boolean includeDeleted) {
        if (index.versions(subject).stream().noneMatch(version -> includeDeleted || !version.deleted())) {
            throw RegistryErrors.subjectNotFound(subject);
        }
        Registration.Candidate candidate = registration.candidate(subject, request, normalize, true);
        Optional<SubjectVersion> found = registration.identical(subject, candidate.content(), includeDeleted);
        if (found.isEmpty() && !normalize) {
            Registration.Candidate normalized = registration.candidate(subject, request, true, true);
            found = registration.identical(subject, normalized.content(), includeDeleted);
        }
        return found.orElseThrow(RegistryErrors::schemaNotFound);
    }

    /** POST /subjects/{s}/versions. */
    public SubjectVersion register(String subject, RegisterRequest request, boolean normalize) {
        return registration.register(subject, request, normalize);
    }

    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return deletions.deleteSubject(subject, permanent);
    }

    public int deleteVersion(String subject, VersionSpec spec, boolean permanent) {
        return deletions.deleteVersion(subject, spec, permanent);
    }

    // ---- compatibility ----

    /**
     * POST /compatibility/subjects/{s}/versions[/{v}]: with a version, against that version only;
     * without, against what a registration would be checked against.
     */
    public CompatibilityResult testCompatibility(String subject, Optional<VersionSpec> spec, RegisterRequest request, boolean normalize) {
        Registration.Candidate candidate = registration.candidate(subject, request, normalize, true);
        List<SubjectVersion> live = Registration.live(index.versions(subject));
        List<SubjectVersion> against;
        if (spec.isEmpty()) {
            against = live;
        } else if (spec.get().isLatest()) {
            against = live.isEmpty() ? List.of() : List.of(live.get(live.size() - 1));
        } else {
            int number = spec.get().number();
            against = List.of(live.stream().filter(version -> version.version() == number).findFirst()
                    .orElseThrow(() -> RegistryErrors.versionNotFound(number)));
        }
        return registration.check(subject, candidate, against);
    }

    /** Whether verbose compatibility messages report fields as validated, per the subject's settings. */
    public boolean validateFields(String subject) {
        return effective.validateFields(subject);
    }

    // ---- config ----

    /** GET /config and GET /config/{s}. */
    public RecordValue.Config config(String subject, boolean defaultToGlobal) {
        if (subject != null) {
            Optional<RecordValue.Config> own = index.config(subject);
            if (own.isPresent()) {
                return own.get();
            }
            if (!defaultToGlobal) {
                throw RegistryErrors.subjectCompatibilityNotConfigured(subject);
            }
        }
        return index.config(null).orElseGet(this::defaultConfig);
    }

    private RecordValue.Config defaultConfig() {
        return new RecordValue.Config(settings.defaultCompatibility(), null);
    }

    public ConfigUpdate updateConfig(String subject, ConfigUpdate update) {
        return commands.updateConfig(subject, update);
    }

    public RecordValue.Config deleteConfig(String subject) {
        return commands.deleteConfig(subject, defaultConfig());
    }

    // ---- modes ----

    /** GET /mode and GET /mode/{s}. */
    public RegistryMode mode(String subject, boolean defaultToGlobal) {
        if (subject != null) {
            Optional<RegistryMode> own = index.mode(subject);
            if (own.isPresent()) {
                return own.get();
            }
            if (!defaultToGlobal) {
                throw RegistryErrors.subjectModeNotConfigured(subject);
            }
        }
        return effective.mode(null);
    }

    public RegistryMode updateMode(String subject, RegistryMode mode, boolean force) {
        return commands.updateMode(subject, mode, force);
    }

    public RegistryMode deleteMode(String subject) {
        return commands.deleteMode(subject);
    }
}
