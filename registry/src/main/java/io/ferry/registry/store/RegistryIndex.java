package io.ferry.registry.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.ferry.registry.schema.SchemaReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's state, rebuilt by applying the log's records in order, and read by every request.
 *
 * <p>One handler per record kind. Applying is done by the log's single applier thread; reads come
 * from any thread and see a consistent state (a read-write lock; lookups by id need no lock).
 * Every read returns immutable values.
 */
public final class RegistryIndex implements RecordApplier {
    private static final Logger log = LoggerFactory.getLogger(RegistryIndex.class);
    private static final Comparator<SubjectVersionKey> KEY_ORDER =
            Comparator.comparing(SubjectVersionKey::subject).thenComparingInt(SubjectVersionKey::version);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<String, NavigableMap<Integer, SubjectVersion>> subjects = new TreeMap<>();
    private final Map<Integer, SchemaContent> contentById = new ConcurrentHashMap<>();
    private final Map<SchemaContent, Integer> idByContent = new HashMap<>();
    /** Ids are mostly used by one version: small lists, sorted when read. */
    private final Map<Integer, List<SubjectVersionKey>> versionsById = new HashMap<>();
    private final Map<SubjectVersionKey, List<SubjectVersionKey>> referrers = new HashMap<>();
    private final Map<String, RecordValue.Config> configs = new HashMap<>();
    private final Map<String, RegistryMode> modes = new HashMap<>();
    private RecordValue.Config globalConfig;
    private RegistryMode globalMode;
    private volatile int maxId;
    private volatile long appliedOffset = -1;

    /** A subject and version, as a map key. */
    public record SubjectVersionKey(String subject, int version) {
    }

    @Override
    public void apply(RegistryRecord record, long offset) {
        lock.writeLock().lock();
        try {
            RecordKey key = record.key();
            if (key instanceof RecordKey.Schema schema) {
                applySchema(schema, (RecordValue.Schema) record.value());
            } else if (key instanceof RecordKey.Config config) {
                applyConfig(config.subject(), (RecordValue.Config) record.value());
            } else if (key instanceof RecordKey.Mode mode) {
                applyMode(mode.subject(), record.value() == null ? null : ((RecordValue.Mode) record.value()).mode());
            } else if (key instanceof RecordKey.DeleteSubject delete && record.value() instanceof RecordValue.DeleteSubject value) {
                softDeleteUpTo(delete.subject(), value.version());
            } else if (key instanceof RecordKey.ClearSubject clear && record.value() != null) {
                if (clear.subject() == null) {
                    new ArrayList<>(subjects.keySet()).forEach(this::removeSoftDeleted);
                } else {
                    removeSoftDeleted(clear.subject());
                }
            }
            appliedOffset = Math.max(appliedOffset, offset);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void applySchema(RecordKey.Schema key, RecordValue.Schema value) {
        SubjectVersionKey versionKey = new SubjectVersionKey(key.subject(), key.version());
        NavigableMap<Integer, SubjectVersion> versions = subjects.get(key.subject());
        SubjectVersion previous = versions == null ? null : versions.get(key.version());
        if (previous != null) {
            unlink(versionKey, previous);
        }
        if (value == null) {
            if (versions != null) {
                versions.remove(key.version());
                if (versions.isEmpty()) {
                    subjects.remove(key.subject());
                }
            }
            return;
        }
        SubjectVersion version = SubjectVersion.of(value);
        SchemaContent holder = contentById.get(version.id());
        if (holder != null && !holder.equals(version.content())) {
            // Only a second writer racing the leader could write this; the first record of an id wins.
            log.error("Skipping version {} of subject {}: id {} already stands for another schema", key.version(), key.subject(), version.id());
            if (previous != null) {
                link(versionKey, previous);
            }
            return;
        }
        subjects.computeIfAbsent(key.subject(), s -> new TreeMap<>()).put(key.version(), version);
        link(versionKey, version);
    }

    private void link(SubjectVersionKey key, SubjectVersion version) {
        contentById.putIfAbsent(version.id(), version.content());
        idByContent.put(version.content(), version.id());
        addOnce(versionsById.computeIfAbsent(version.id(), id -> new ArrayList<>(1)), key);
        if (version.id() > maxId) {
            maxId = version.id();
        }
        for (SchemaReference reference : version.content().references()) {
            addOnce(referrers.computeIfAbsent(new SubjectVersionKey(reference.subject(), reference.version()), k -> new ArrayList<>(1)), key);
        }
    }

    private static void addOnce(List<SubjectVersionKey> keys, SubjectVersionKey key) {
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }

    /** Forgets what a version linked; an id no version uses any more is forgotten too. */
    private void unlink(SubjectVersionKey key, SubjectVersion version) {
        List<SubjectVersionKey> users = versionsById.get(version.id());
        if (users != null) {
            users.remove(key);
            if (users.isEmpty()) {
                versionsById.remove(version.id());
                contentById.remove(version.id());
                idByContent.remove(version.content(), version.id());
            }
        }
        for (SchemaReference reference : version.content().references()) {
            SubjectVersionKey target = new SubjectVersionKey(reference.subject(), reference.version());
            List<SubjectVersionKey> set = referrers.get(target);
            if (set != null) {
                set.remove(key);
                if (set.isEmpty()) {
                    referrers.remove(target);
                }
            }
        }
    }

    private void applyConfig(String subject, RecordValue.Config value) {
        if (subject == null) {
            globalConfig = value;
        } else if (value == null) {
            configs.remove(subject);
        } else {
            configs.put(subject, value);
        }
    }

    private void applyMode(String subject, RegistryMode mode) {
        if (subject == null) {
            globalMode = mode;
        } else if (mode == null) {
            modes.remove(subject);
        } else {
            modes.put(subject, mode);
        }
    }

    private void softDeleteUpTo(String subject, int upTo) {
        NavigableMap<Integer, SubjectVersion> versions = subjects.get(subject);
        if (versions == null) {
            return;
        }
        for (SubjectVersion version : versions.headMap(upTo, true).values()) {
            if (!version.deleted()) {
                versions.put(version.version(), new SubjectVersion(subject, version.version(), version.id(), version.content(), true));
            }
        }
    }

    private void removeSoftDeleted(String subject) {
        NavigableMap<Integer, SubjectVersion> versions = subjects.get(subject);
        if (versions == null) {
            return;
        }
        for (SubjectVersion version : new ArrayList<>(versions.values())) {
            if (version.deleted()) {
                unlink(new SubjectVersionKey(subject, version.version()), version);
                versions.remove(version.version());
            }
        }
        if (versions.isEmpty()) {
            subjects.remove(subject);
        }
    }

    // ---- reads ----

    /** The schema a global id stands for, while any version (live or soft-deleted) uses it. */
    public Optional<SchemaContent> schemaById(int id) {
        return Optional.ofNullable(contentById.get(id));
    }

    /** Every id that stands for a schema now. */
    public List<Integer> ids() {
        return List.copyOf(contentById.keySet());
    }

    /** The highest id ever applied (0 when none). */
    public int maxId() {
        return maxId;
    }

    /** The offset of the last applied record, -1 before any. */
    public long appliedOffset() {
        return appliedOffset;
    }

    /** The id that already stands for this content, if any. */
    public OptionalInt idOf(SchemaContent content) {
        return read(() -> {
            Integer id = idByContent.get(content);
            return id == null ? OptionalInt.empty() : OptionalInt.of(id);
        });
    }

    /** Every subject with at least one version (live or soft-deleted), sorted. */
    public List<String> subjects() {
        return read(() -> List.copyOf(subjects.keySet()));
    }

    /** Every version of a subject, live and soft-deleted, oldest first; empty when it has none. */
    public List<SubjectVersion> versions(String subject) {
        return read(() -> {
            NavigableMap<Integer, SubjectVersion> versions = subjects.get(subject);
            return versions == null ? List.of() : List.copyOf(versions.values());
        });
    }

    /** Every version of every subject, by subject then version. */
    public List<SubjectVersion> allVersions() {
        return read(() -> {
            List<SubjectVersion> all = new ArrayList<>();
            subjects.values().forEach(versions -> all.addAll(versions.values()));
            return Collections.unmodifiableList(all);
        });
    }

    /** The subject versions that use an id, by subject then version. */
    public List<SubjectVersion> versionsUsing(int id) {
        return read(() -> {
            List<SubjectVersionKey> keys = versionsById.get(id);
            List<SubjectVersion> result = new ArrayList<>();
            if (keys != null) {
                for (SubjectVersionKey key : sorted(keys)) {
                    result.add(subjects.get(key.subject()).get(key.version()));
                }
            }
            return Collections.unmodifiableList(result);
        });
    }

    /** The versions whose schemas reference {@code subject} at {@code version}. */
    public List<SubjectVersion> referrersOf(String subject, int version) {
        return read(() -> {
            List<SubjectVersionKey> keys = referrers.get(new SubjectVersionKey(subject, version));
            List<SubjectVersion> result = new ArrayList<>();
            if (keys != null) {
                for (SubjectVersionKey key : sorted(keys)) {
                    result.add(subjects.get(key.subject()).get(key.version()));
                }
            }
            return Collections.unmodifiableList(result);
        });
    }

    /** The subject's own config, or the global one when {@code subject} is null. */
    public Optional<RecordValue.Config> config(String subject) {
        return read(() -> Optional.ofNullable(subject == null ? globalConfig : configs.get(subject)));
    }

    /** The subject's own mode, or the global one when {@code subject} is null. */
    public Optional<RegistryMode> mode(String subject) {
        return read(() -> Optional.ofNullable(subject == null ? globalMode : modes.get(subject)));
    }

    /** Whether the registry holds no schema at all (IMPORT mode may be entered only then). */
    public boolean isEmpty() {
        return read(subjects::isEmpty);
    }

    private static List<SubjectVersionKey> sorted(List<SubjectVersionKey> keys) {
        List<SubjectVersionKey> copy = new ArrayList<>(keys);
        copy.sort(KEY_ORDER);
        return copy;
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
