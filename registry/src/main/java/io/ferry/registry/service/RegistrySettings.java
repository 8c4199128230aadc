package io.ferry.registry.service;

import java.time.Duration;

import io.ferry.registry.compat.CompatibilityLevel;

/**
 * How a registry node behaves where the API leaves it to the server.
 *
 * @param defaultCompatibility the level when neither subject nor global config sets one
 * @param writeTimeout         how long a write may wait for the log (read to end, append, apply)
 * @param maxSchemaBytes       larger schemas are refused with 42209
 * @param defaultSearchLimit   results of GET /schemas when no (valid) limit is given
 * @param maxSearchLimit       the largest limit GET /schemas honours
 */
public record RegistrySettings(CompatibilityLevel defaultCompatibility, Duration writeTimeout, int maxSchemaBytes,
                               int defaultSearchLimit, int maxSearchLimit) {

    public static RegistrySettings defaults() {
        return new RegistrySettings(CompatibilityLevel.BACKWARD, Duration.ofSeconds(10), 1_000_000, 1000, 1000);
    }

    public RegistrySettings withDefaultCompatibility(CompatibilityLevel level) {
        return new RegistrySettings(level, writeTimeout, maxSchemaBytes, defaultSearchLimit, maxSearchLimit);
    }
}
