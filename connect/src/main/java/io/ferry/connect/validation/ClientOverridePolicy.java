package io.ferry.connect.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest;

/**
 * One of the override policies every worker knows, under Apache Kafka Connect's names: {@code All}
 * (any {@code producer.override.*}, {@code consumer.override.*}, {@code admin.override.*}),
 * {@code None} (none), {@code Principal} (only the client's identity: {@code security.protocol},
 * {@code sasl.mechanism}, {@code sasl.jaas.config}) and {@code Allowlist} (the settings the worker's
 * {@code connector.client.config.override.allowlist} names). Immutable and thread-safe.
 */
public final class ClientOverridePolicy implements ConnectorClientConfigOverridePolicy {
    private static final Set<String> PRINCIPAL_SETTINGS = Set.of(
            CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SaslConfigs.SASL_MECHANISM, SaslConfigs.SASL_JAAS_CONFIG);

    private final String name;
    private final Predicate<String> allowed;

    private ClientOverridePolicy(String name, Predicate<String> allowed) {
        this.name = name;
        this.allowed = allowed;
    }

    public static ClientOverridePolicy all() {
        return new ClientOverridePolicy("All", setting -> true);
    }

    public static ClientOverridePolicy none() {
        return new ClientOverridePolicy("None", setting -> false);
    }

    public static ClientOverridePolicy principal() {
        return new ClientOverridePolicy("Principal", PRINCIPAL_SETTINGS::contains);
    }

    /** Only the given client settings ({@code linger.ms}, not {@code producer.override.linger.ms}). */
    public static ClientOverridePolicy allowlist(Collection<String> allowed) {
        Set<String> settings = Set.copyOf(allowed);
        return new ClientOverridePolicy("Allowlist", settings::contains);
    }

    /** The policy's name: All, None, Principal or Allowlist. */
    public String name() {
        return name;
    }

    @Override
    public List<ConfigValue> validate(ConnectorClientConfigRequest request) {
        List<ConfigValue> values = new ArrayList<>();
        for (Map.Entry<String, Object> setting : request.clientProps().entrySet()) {
            ConfigValue value = new ConfigValue(setting.getKey(), setting.getValue(), new ArrayList<>(), new ArrayList<>());
            if (!allowed.test(setting.getKey())) {
                value.addErrorMessage("The '" + name + "' policy does not allow '" + setting.getKey()
                        + "' to be overridden in the connector configuration.");
            }
            values.add(value);
        }
        return values;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure.
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    @Override
    public String toString() {
        return name;
    }
}
