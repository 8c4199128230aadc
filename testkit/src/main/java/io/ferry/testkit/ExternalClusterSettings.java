package io.ferry.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How tests are pointed at an outside Kafka cluster instead of in-process brokers.
 *
 * <ul>
 *   <li>{@value #BOOTSTRAP_ENV}: the cluster's bootstrap servers; when set, every
 *       {@link FerryCluster} attaches to it;</li>
 *   <li>{@value #CLIENT_CONFIG_ENV}: optionally, a properties file with client settings (security
 *       protocol, SASL, TLS) used by every client the kit creates.</li>
 * </ul>
 */
public record ExternalClusterSettings(String bootstrapServers, Map<String, Object> clientConfig) {

    public static final String BOOTSTRAP_ENV = "FERRY_TEST_BOOTSTRAP_SERVERS";
    public static final String CLIENT_CONFIG_ENV = "FERRY_TEST_CLIENT_CONFIG";

    public ExternalClusterSettings {
        clientConfig = Map.copyOf(clientConfig);
    }

    /** The settings from this process's environment, if it names an outside cluster. */
    public static Optional<ExternalClusterSettings> fromEnvironment() {
        return from(System.getenv());
    }

    static Optional<ExternalClusterSettings> from(Map<String, String> env) {
        String bootstrap = env.get(BOOTSTRAP_ENV);
        if (bootstrap == null || bootstrap.isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> clientConfig = new HashMap<>();
        String configFile = env.get(CLIENT_CONFIG_ENV);
        if (configFile != null && !configFile.isBlank()) {
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(configFile))) {
                props.load(in);
            } catch (IOException e) {
                throw new IllegalStateException(CLIENT_CONFIG_ENV + "=" + configFile + " cannot be read: " + e.getMessage(), e);
            }
            props.forEach((k, v) -> clientConfig.put((String) k, v));
        }
        return Optional.of(new ExternalClusterSettings(bootstrap.trim(), clientConfig));
    }
}
