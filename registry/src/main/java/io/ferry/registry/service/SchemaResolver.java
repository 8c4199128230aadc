package io.ferry.registry.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;
import io.ferry.registry.store.RegistryIndex;
import io.ferry.registry.store.SchemaContent;
import io.ferry.registry.store.SubjectVersion;

/**
 * Parses schemas with their references resolved against the registry: a submitted schema (42201
 * when it does not parse) and stored ones (cached by id, since an id's content never changes).
 */
final class SchemaResolver {
    private static final int CACHE_LIMIT = 10_000;

    private final RegistryIndex index;
    private final SchemaTypes types;
    private final Map<Integer, ParsedSchema> storedById = new ConcurrentHashMap<>();

    SchemaResolver(RegistryIndex index, SchemaTypes types) {
        this.index = index;
        this.types = types;
    }

    /** A submitted schema and the references it was submitted with, made concrete. */
    record Submitted(ParsedSchema schema, List<SchemaReference> references) {
    }

    /**
     * Parses a submitted schema. References to the latest version (-1) are made concrete.
     *
     * @throws RegistryException 42201 when it does not parse or a reference does not resolve
     */
    Submitted parseSubmitted(SchemaType type, String text, List<SchemaReference> references, boolean normalize) {
        try {
            List<SchemaReference> concrete = new ArrayList<>(references.size());
            for (SchemaReference reference : references) {
                concrete.add(concrete(reference));
            }
            List<ResolvedReference> resolved = resolveAll(concrete);
            ParsedSchema parsed = types.provider(type).parse(text, concrete, resolved,
                    normalize ? ParseOptions.NEW_NORMALIZED : ParseOptions.NEW);
            return new Submitted(normalize ? parsed.normalize() : parsed, concrete);
        } catch (InvalidSchemaException e) {
            throw RegistryErrors.invalidSchema(type, e.getMessage());
        }
    }

    /** Parses a stored schema; the registry stored it, so it parses. */
    ParsedSchema parseStored(int id, SchemaContent content) {
        ParsedSchema cached = storedById.get(id);
        if (cached != null) {
            return cached;
        }
        try {
            ParsedSchema parsed = types.provider(content.type()).parse(content.schema(), content.references(),
                    resolveAll(content.references()), ParseOptions.STORED);
            if (storedById.size() >= CACHE_LIMIT) {
                storedById.clear();
            }
            storedById.put(id, parsed);
            return parsed;
        } catch (InvalidSchemaException e) {
            throw RegistryErrors.storeError("Stored schema " + id + " no longer parses: " + e.getMessage(), e);
        }
    }

    private SchemaReference concrete(SchemaReference reference) throws InvalidSchemaException {
        if (reference.version() != -1) {
            return reference;
        }
        Optional<SubjectVersion> latest = index.versions(reference.subject()).stream()
                .filter(version -> !version.deleted())
                .reduce((first, second) -> second);
        if (latest.isEmpty()) {
            throw missing(reference);
        }
        return new SchemaReference(reference.name(), reference.subject(), latest.get().version());
    }

    /** Every schema the references need, transitively, each after the ones it needs. */
    private List<ResolvedReference> resolveAll(List<SchemaReference> references) throws InvalidSchemaException {
        Map<SchemaReference, ResolvedReference> ordered = new LinkedHashMap<>();
        for (SchemaReference reference : references) {
            resolve(reference, ordered, 0);
        }
        return List.copyOf(ordered.values());
    }

    private void resolve(SchemaReference reference, Map<SchemaReference, ResolvedReference> ordered, int depth)
            throws InvalidSchemaException {
        if (ordered.containsKey(reference)) {
            return;
        }
        if (depth > 100) {
            throw new InvalidSchemaException("References nest more than 100 levels deep at subject \"" + reference.subject() + "\"");
        }
        SubjectVersion target = index.versions(reference.subject()).stream()
                .filter(version -> version.version() == reference.version())
                .findFirst()
                .orElseThrow(() -> missing(reference));
        for (SchemaReference nested : target.content().references()) {
            resolve(nested, ordered, depth + 1);
        }
        ordered.put(reference, new ResolvedReference(reference, target.content().schema()));
    }

    private static InvalidSchemaException missing(SchemaReference reference) {
        return new InvalidSchemaException("No schema reference found for subject \"" + reference.subject()
                + "\" and version " + reference.version());
    }
}
