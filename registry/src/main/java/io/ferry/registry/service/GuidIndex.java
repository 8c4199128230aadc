package io.ferry.registry.service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.ferry.registry.store.RegistryIndex;
import io.ferry.registry.store.SchemaContent;
import io.ferry.registry.store.SchemaGuids;

/**
 * Guids of schemas, computed when first asked for rather than at replay: most registries are never
 * asked by guid, and a restart should not pay for it. Content never changes under an id, so a guid
 * once computed stays right.
 */
final class GuidIndex {
    private final RegistryIndex index;
    private final Map<Integer, UUID> guidById = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> idByGuid = new ConcurrentHashMap<>();

    GuidIndex(RegistryIndex index) {
        this.index = index;
    }

    UUID guidOf(int id, SchemaContent content) {
        return guidById.computeIfAbsent(id, key -> {
            UUID guid = SchemaGuids.guidOf(content);
            idByGuid.putIfAbsent(guid, id);
            return guid;
        });
    }

    /** The id of the schema with this guid, computing the guids not known yet. */
    Optional<Integer> idOf(UUID guid) {
        Integer known = idByGuid.get(guid);
        if (known != null && index.schemaById(known).isPresent()) {
            return Optional.of(known);
        }
        for (int id : index.ids()) {
            if (!guidById.containsKey(id)) {
                index.schemaById(id).ifPresent(content -> guidOf(id, content));
            }
        }
        Integer found = idByGuid.get(guid);
        return found != null && index.schemaById(found).isPresent() ? Optional.of(found) : Optional.empty();
    }
}
