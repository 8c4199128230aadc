package io.ferry.connect.herder;

/** A key's definition with the value validated against it; the definition is null for an undefined key. */
public record ConfigInfo(ConfigKeyInfo definition, ConfigValueInfo value) {
}
