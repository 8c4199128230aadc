package io.ferry.registry.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.ferry.registry.service.RegistrySettings;

/**
 * Everything a registry node starts from.
 *
 * @param host            the address to listen on
 * @param port            the port; 0 picks a free one
 * @param advertisedUrl   how other nodes reach this one (for forwarding); null to derive it from host and port
 * @param backend         where the log lives
 * @param settings        registry behaviour (default compatibility, limits, timeouts)
 * @param maxRequestBytes larger request bodies are refused with 413
 */
public record RegistryServerConfig(String host, int port, String advertisedUrl, Backend backend, RegistrySettings settings,
                                   long maxRequestBytes) {

    public RegistryServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(settings, "settings");
    }

    /** Where the log lives. */
    public sealed interface Backend {
    }

    /** A local file: one node, the default. */
    public record LocalBackend(Path dataDir) implements Backend {
        public Path logFile() {
            return dataDir.resolve("schemas.log");
        }
    }

    /**
     * The {@code _schemas} topic of a Kafka cluster; several nodes elect a leader in a group.
     *
     * @param clientConfig      {@code bootstrap.servers} and security settings for every client
     * @param topic             Confluent's {@code kafkastore.topic}
     * @param groupId           Confluent's {@code schema.registry.group.id}: nodes of one registry share it
     * @param replicationFactor for a new topic; fewer brokers lower it
     * @param leaderEligible    whether this node may lead
     * @param sessionTimeout    how long a silent node keeps leadership
     * @param heartbeatInterval how often nodes tell the group they live
     * @param initTimeout       how long to wait for the topic to be read at start
     */
    public record KafkaBackend(Map<String, Object> clientConfig, String topic, String groupId, short replicationFactor,
                               boolean leaderEligible, Duration sessionTimeout, Duration heartbeatInterval, Duration initTimeout)
            implements Backend {

        public KafkaBackend {
            clientConfig = Map.copyOf(clientConfig);
        }

        public static KafkaBackend defaults(Map<String, Object> clientConfig) {
            // 6 s is the shortest session a broker accepts by default (group.min.session.timeout.ms): a
            // crashed leader is replaced in about that long.
            return new KafkaBackend(clientConfig, "_schemas", "schema-registry", (short) 3, true,
                    Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofSeconds(60));
        }
    }

    public static RegistryServerConfig local(String host, int port, Path dataDir) {
        return new RegistryServerConfig(host, port, null, new LocalBackend(dataDir), RegistrySettings.defaults(),
                io.ferry.registry.rest.RegistryHttpServer.DEFAULT_MAX_REQUEST_BYTES);
    }

    public RegistryServerConfig withBackend(Backend newBackend) {
        return new RegistryServerConfig(host, port, advertisedUrl, newBackend, settings, maxRequestBytes);
    }

    public RegistryServerConfig withAdvertisedUrl(String url) {
        return new RegistryServerConfig(host, port, url, backend, settings, maxRequestBytes);
    }
}
