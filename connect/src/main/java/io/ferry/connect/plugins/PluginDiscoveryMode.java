package io.ferry.connect.plugins;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;

/**
 * How plugins are found: the worker setting {@code plugin.discovery}, with Apache Kafka Connect's values
 * and default (KIP-898).
 *
 * <p>Scanning reads the class files of every plugin location (and of the classpath) and finds concrete
 * public classes that extend a connector, converter, header converter, transformation or predicate
 * type. Config providers and client override policies are found through service manifests in every
 * mode, as in Apache Kafka Connect. Service loading reads only the {@code META-INF/services} manifests:
 * much faster, but a plugin without a manifest is not found.
 */
public enum PluginDiscoveryMode {
    /** Scan only; manifests are not needed. */
    ONLY_SCAN,
    /** Scan and read manifests; warn about every plugin that has no manifest. The default. */
    HYBRID_WARN,
    /** Scan and read manifests; refuse to start while a plugin has no manifest. */
    HYBRID_FAIL,
    /** Read manifests only. */
    SERVICE_LOAD;

    /** The setting's name in a worker config. */
    public static final String CONFIG = "plugin.discovery";

    /** Apache Kafka Connect's default. */
    public static final PluginDiscoveryMode DEFAULT = HYBRID_WARN;

    /** Whether class files are scanned. */
    public boolean scans() {
        return this != SERVICE_LOAD;
    }

    /** Whether service manifests are read for every kind of plugin. */
    public boolean readsManifests() {
        return this != ONLY_SCAN;
    }

    /**
     * The mode a setting names, in any case ({@code hybrid_warn}, {@code SERVICE_LOAD}).
     *
     * @throws ConfigException naming the setting and the values it accepts
     */
    public static PluginDiscoveryMode fromConfig(String value) {
        for (PluginDiscoveryMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return mode;
            }
        }
        throw new ConfigException(CONFIG, value, "must be one of " + Arrays.stream(values())
                .map(PluginDiscoveryMode::toString).collect(Collectors.joining(", ")));
    }

    /** As written in a worker config: {@code hybrid_warn}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
