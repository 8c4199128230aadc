package io.ferry.registry.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.ferry.registry.compat.CompatibilityChecker;
import io.ferry.registry.compat.CompatibilityCheckers;
import io.ferry.registry.schema.SchemaProvider;
import io.ferry.registry.schema.SchemaType;

/** The schema types this registry serves: a parser and a compatibility checker for each. */
public final class SchemaTypes {
    private final Map<SchemaType, SchemaProvider> providers = new EnumMap<>(SchemaType.class);
    private final CompatibilityCheckers checkers;

    public SchemaTypes(Collection<? extends SchemaProvider> schemaProviders, CompatibilityCheckers checkers) {
        schemaProviders.forEach(provider -> providers.put(provider.type(), provider));
        this.checkers = checkers;
    }

    /** The type a request names, if this registry serves it; 42201 otherwise. */
    public SchemaType require(String name) {
        return SchemaType.fromName(name)
                .filter(providers::containsKey)
                .orElseThrow(() -> RegistryErrors.unknownSchemaType(name));
    }

    public SchemaProvider provider(SchemaType type) {
        SchemaProvider provider = providers.get(type);
        if (provider == null) {
            throw RegistryErrors.unknownSchemaType(type.name());
        }
        return provider;
    }

    public CompatibilityChecker checker(SchemaType type) {
        return checkers.forType(type).orElseThrow(() -> RegistryErrors.unknownSchemaType(type.name()));
    }

    /** The names GET /schemas/types answers with. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        // The order Confluent's registry answers with.
        for (SchemaType type : List.of(SchemaType.JSON, SchemaType.PROTOBUF, SchemaType.AVRO)) {
            if (providers.containsKey(type)) {
                names.add(type.name());
            }
        }
        return names;
    }
}
