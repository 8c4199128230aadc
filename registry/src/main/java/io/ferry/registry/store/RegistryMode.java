package io.ferry.registry.store;

import java.util.Locale;
import java.util.Optional;

/** What writes a registry or a subject accepts. The names are Confluent's. */
public enum RegistryMode {
    /** Reads and writes. */
    READWRITE,
    /** Reads only; writes fail. */
    READONLY,
    /** Reads only, and the subject's own mode cannot relax it. */
    READONLY_OVERRIDE,
    /** Writes carry their own ids and versions, to copy another registry. */
    IMPORT;

    public static Optional<RegistryMode> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RegistryMode.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
