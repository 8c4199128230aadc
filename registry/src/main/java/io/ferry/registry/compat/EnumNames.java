package io.ferry.registry.compat;

import java.util.Locale;
import java.util.Optional;

/** Reads the names of the compat settings' enums as Confluent's registry does: any case, spaces around ignored. */
final class EnumNames {

    private EnumNames() {
    }

    static <E extends Enum<E>> Optional<E> fromName(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
