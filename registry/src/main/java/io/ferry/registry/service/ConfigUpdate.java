package io.ferry.registry.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.compat.CompatibilityLevel;

/**
 * A change of compatibility settings (PUT /config): the level, and further settings such as
 * {@code normalize} or {@code compatibilityPolicy} kept as given. Fields left out keep their current value.
 *
 * @param compatibility the new level; null to keep the current one
 * @param others        further settings; null or empty when none
 */
public record ConfigUpdate(CompatibilityLevel compatibility, ObjectNode others) {

    public boolean isEmpty() {
        return compatibility == null && (others == null || others.isEmpty());
    }
}
