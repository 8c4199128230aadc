package io.ferry.connect.validation;

import java.util.Locale;
import java.util.Map;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.plugins.LoaderSwap;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;

/**
 * The policy a worker's {@code connector.client.config.override.policy} names: {@code All},
 * {@code None}, {@code Principal}, {@code Allowlist} (with {@code connector.client.config.override.allowlist}),
 * the class names Apache Kafka Connect gives those four in its runtime (so existing worker files work
 * unchanged), or any other policy plugin, configured with the worker's settings.
 */
public final class ClientOverridePolicies {
    private static final String APACHE_PACKAGE = "org.apache.kafka.connect.connector.policy.";
    private static final String SUFFIX = "ConnectorClientConfigOverridePolicy";

    private ClientOverridePolicies() {
    }

    /**
     * The worker's policy, ready to use; the caller closes it.
     *
     * @throws ConfigException naming the setting, when no policy has that name
     */
    public static ConnectorClientConfigOverridePolicy of(WorkerConfig worker, Plugins plugins) {
        String name = worker.getString(WorkerConfig.CONNECTOR_CLIENT_POLICY).trim();
        ConnectorClientConfigOverridePolicy builtIn = builtIn(name, worker);
        if (builtIn != null) {
            return builtIn;
        }
        ConnectorClientConfigOverridePolicy policy;
        try {
            policy = plugins.newPlugin(name, PluginType.CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY, ConnectorClientConfigOverridePolicy.class);
        } catch (ConfigException e) {
            throw new ConfigException(WorkerConfig.CONNECTOR_CLIENT_POLICY, name, e.getMessage());
        }
        Map<String, Object> settings = worker.originals();
        try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(policy.getClass()))) {
            policy.configure(settings);
        }
        return policy;
    }

    private static ConnectorClientConfigOverridePolicy builtIn(String name, WorkerConfig worker) {
        String shortName = name.startsWith(APACHE_PACKAGE) && name.endsWith(SUFFIX)
                ? name.substring(APACHE_PACKAGE.length(), name.length() - SUFFIX.length())
                : name;
        switch (shortName.toLowerCase(Locale.ROOT)) {
            case "all":
                return ClientOverridePolicy.all();
            case "none":
                return ClientOverridePolicy.none();
            case "principal":
                return ClientOverridePolicy.principal();
            case "allowlist":
                return ClientOverridePolicy.allowlist(worker.getList(WorkerConfig.CONNECTOR_CLIENT_ALLOWLIST));
            default:
                return null;
        }
    }
}
