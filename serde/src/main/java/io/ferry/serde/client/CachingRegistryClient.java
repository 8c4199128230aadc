package io.ferry.serde.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link RegistryClient} that remembers answers: schemas by id and (subject, schema) → id and version for
 * as long as it lives (both never change in a registry), a subject's latest version for the configured
 * time to live (it changes when a version is added). Errors are not remembered. Thread-safe; a warm lookup
 * takes no lock.
 */
public final class CachingRegistryClient implements RegistryClient {
    private final RegistryClient delegate;
    private final Clock clock;
    private final Duration latestTtl;
    private final BoundedCache<Integer, RegistrySchema> byId;
    private final BoundedCache<SubjectKey, Integer> registered;
    private final BoundedCache<SubjectKey, RegisteredSchema> versions;
    private final BoundedCache<String, Expiring> latest;
    private final BoundedCache<Rendering, RegistrySchema> rendered;
    private final BoundedCache<Rendering, RegisteredSchema> subjectVersions;

    /**
     * @param latestTtl how long a latest version is remembered; {@code null} for ever
     */
    public CachingRegistryClient(RegistryClient delegate, int capacity, Duration latestTtl, int latestCapacity, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.latestTtl = latestTtl;
        this.byId = new BoundedCache<>(capacity);
        this.registered = new BoundedCache<>(capacity);
        this.versions = new BoundedCache<>(capacity);
        this.latest = new BoundedCache<>(latestCapacity);
        this.rendered = new BoundedCache<>(capacity);
        this.subjectVersions = new BoundedCache<>(capacity);
    }

    /** The REST client behind caches, as the configuration asks. */
    public static CachingRegistryClient create(RegistryClientConfig config) {
        return new CachingRegistryClient(new RestRegistryClient(config), config.cacheCapacity(), config.latestTtl(),
                config.latestCapacity(), Clock.systemUTC());
    }

    private record SubjectKey(String subject, RegistrySchema schema, boolean normalize) {
    }

    /** A schema (by id, or by subject and version) in one rendering; the subject is null for ids. */
    private record Rendering(String subject, int number, String format) {
    }

    private record Expiring(RegisteredSchema value, Instant expires) {
    }

    @Override
    public int register(String subject, RegistrySchema schema, boolean normalize) {
        SubjectKey key = new SubjectKey(subject, schema, normalize);
        Integer id = registered.get(key);
        if (id == null) {
            id = delegate.register(subject, schema, normalize);
            registered.put(key, id);
        }
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, RegistrySchema schema, boolean normalize) {
        return versions.computeIfAbsent(new SubjectKey(subject, schema, normalize), key -> {
            RegisteredSchema found = delegate.lookup(subject, schema, normalize);
            registered.put(key, found.id());
            return found;
        });
    }

    @Override
    public RegistrySchema schemaById(int id) {
        return byId.computeIfAbsent(id, delegate::schemaById);
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        Expiring cached = latest.get(subject);
        Instant now = clock.instant();
        if (cached != null && (cached.expires() == null || now.isBefore(cached.expires()))) {
            return cached.value();
        }
        RegisteredSchema fresh = delegate.latestVersion(subject);
        latest.put(subject, new Expiring(fresh, latestTtl == null ? null : now.plus(latestTtl)));
        byId.put(fresh.id(), fresh.schema());
        return fresh;
    }

    @Override
    public RegistrySchema schemaById(int id, String format) {
        return rendered.computeIfAbsent(new Rendering(null, id, format), key -> delegate.schemaById(id, format));
    }

    @Override
    public RegisteredSchema version(String subject, int version, String format) {
        // A version's schema never changes while it lives; a deleted and re-registered version is a new id.
        return subjectVersions.computeIfAbsent(new Rendering(subject, version, format), key -> delegate.version(subject, version, format));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
