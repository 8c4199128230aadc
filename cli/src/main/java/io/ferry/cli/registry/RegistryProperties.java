package io.ferry.cli.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.ferry.cli.support.CliException;
import io.ferry.kafka.embedded.HostPort;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.server.RegistryServerConfig;

/**
 * A registry configuration file, read with Confluent Schema Registry's property names so that an
 * existing {@code schema-registry.properties} works: {@code listeners}, {@code host.name},
 * {@code kafkastore.bootstrap.servers}, {@code kafkastore.topic},
 * {@code kafkastore.topic.replication.factor}, {@code schema.registry.group.id},
 * {@code schema.compatibility.level}, {@code leader.eligibility}, and {@code kafkastore.*} client
 * settings (security protocol, SASL, TLS), passed to every Kafka client without the prefix. Ferry's
 * own: {@code ferry.group.session.timeout.ms} and {@code ferry.group.heartbeat.interval.ms}, how
 * fast the nodes notice a crashed leader.
 */
final class RegistryProperties {
    private static final String CLIENT_PREFIX = "kafkastore.";
    private static final java.util.Set<String> STORE_KEYS = java.util.Set.of("kafkastore.bootstrap.servers", "kafkastore.topic",
            "kafkastore.topic.replication.factor", "kafkastore.init.timeout.ms", "kafkastore.timeout.ms", "kafkastore.connection.url");

    private final Properties properties;

    private RegistryProperties(Properties properties) {
        this.properties = properties;
    }

    static RegistryProperties empty() {
        return new RegistryProperties(new Properties());
    }

    static RegistryProperties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new RegistryProperties(properties);
    }

    String get(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The first listener of {@code listeners=http://0.0.0.0:8081,...}. */
    HostPort listener() {
        String listeners = get("listeners");
        if (listeners == null) {
            return null;
        }
        String first = listeners.split(",")[0].trim();
        try {
            URI uri = URI.create(first);
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("not http://HOST:PORT");
            }
            return new HostPort(uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException e) {
            throw new CliException("listeners=" + listeners + " is not http://HOST:PORT (TLS listeners are not supported yet)");
        }
    }

    /** Kafka bootstrap servers, without the {@code PLAINTEXT://} prefixes Confluent's files use. */
    String bootstrapServers() {
        String servers = get("kafkastore.bootstrap.servers");
        return servers == null ? null : servers.replaceAll("[A-Za-z_]+://", "");
    }

    CompatibilityLevel compatibility() {
        String level = get("schema.compatibility.level");
        if (level == null) {
            level = get("avro.compatibility.level");
        }
        if (level == null) {
            return null;
        }
        String name = level;
        return CompatibilityLevel.fromName(level)
                .orElseThrow(() -> new CliException("schema.compatibility.level=" + name + " is not one of "
                        + java.util.Arrays.toString(CompatibilityLevel.values()).toLowerCase(Locale.ROOT)));
    }

    /** Client settings from {@code kafkastore.*} keys, e.g. {@code kafkastore.security.protocol}. */
    Map<String, Object> clientSettings() {
        Map<String, Object> settings = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(CLIENT_PREFIX) && !STORE_KEYS.contains(key)) {
                settings.put(key.substring(CLIENT_PREFIX.length()), properties.getProperty(key).trim());
            }
        }
        return settings;
    }

    /** The Kafka backend these properties describe, with the client config given. */
    RegistryServerConfig.KafkaBackend kafkaBackend(Map<String, Object> clientConfig) {
        RegistryServerConfig.KafkaBackend defaults = RegistryServerConfig.KafkaBackend.defaults(clientConfig);
        String topic = get("kafkastore.topic");
        String group = get("schema.registry.group.id");
        String replication = get("kafkastore.topic.replication.factor");
        String eligible = firstOf("leader.eligibility", "master.eligibility");
        String initTimeout = get("kafkastore.init.timeout.ms");
        String session = get("ferry.group.session.timeout.ms");
        String heartbeat = get("ferry.group.heartbeat.interval.ms");
        return new RegistryServerConfig.KafkaBackend(clientConfig,
                topic != null ? topic : defaults.topic(),
                group != null ? group : defaults.groupId(),
                replication != null ? (short) number("kafkastore.topic.replication.factor", replication) : defaults.replicationFactor(),
                eligible == null || Boolean.parseBoolean(eligible),
                session != null ? Duration.ofMillis(number("ferry.group.session.timeout.ms", session)) : defaults.sessionTimeout(),
                heartbeat != null ? Duration.ofMillis(number("ferry.group.heartbeat.interval.ms", heartbeat)) : defaults.heartbeatInterval(),
                initTimeout != null ? Duration.ofMillis(number("kafkastore.init.timeout.ms", initTimeout)) : defaults.initTimeout());
    }

    private String firstOf(String... keys) {
        for (String key : keys) {
            if (get(key) != null) {
                return get(key);
            }
        }
        return null;
    }

    private static int number(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new CliException(key + "=" + value + " is not a number");
        }
    }
}
