package io.ferry.connect.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.ferry.connect.config.WorkerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.ssl.DefaultSslEngineFactory;

/**
 * The TLS settings of the REST API, chosen with Apache Kafka Connect's rules, and the
 * {@link SSLContext} they make.
 *
 * <p>https listeners take the {@code listeners.https.ssl.*} settings when at least one is given, and
 * then only those: a key missing there takes its default, not the top-level value. Otherwise they
 * take the worker's {@code ssl.*}. The client that reaches other workers always takes the worker's
 * {@code ssl.*}. Key and trust stores are read by Kafka's own {@link DefaultSslEngineFactory}, so
 * they are read as the worker's Kafka clients read them (JKS, PKCS12, PEM files or inline PEM).
 */
final class RestSsl {
    private static final ConfigDef SSL = WorkerConfig.sslDefinition();

    /**
     * TLS settings parsed by their definition, keyed without {@code prefix}; {@code prefix} is what
     * their keys start with in the worker config, so that errors name the key the user wrote.
     */
    record Settings(String prefix, Map<String, Object> values) {
        String key(String name) {
            return prefix + name;
        }

        Object value(String name) {
            return values.get(name);
        }

        @SuppressWarnings("unchecked")
        List<String> list(String name) {
            Object value = values.get(name);
            return value == null ? List.of() : (List<String>) value;
        }
    }

    private RestSsl() {
    }

    /**
     * @throws ConfigException naming the key, for a {@code listeners.https.*} value its definition refuses
     */
    static Settings forListeners(WorkerConfig worker) {
        if (worker.originalsWithPrefix(WorkerConfig.LISTENERS_HTTPS_PREFIX).isEmpty()) {
            return forClient(worker);
        }
        // Defined under their full names, so that a refused value is named as the user wrote it.
        ConfigDef prefixed = new ConfigDef();
        for (ConfigDef.ConfigKey key : SSL.configKeys().values()) {
            prefixed.define(WorkerConfig.LISTENERS_HTTPS_PREFIX + key.name, key.type, key.defaultValue, key.validator, key.importance, key.documentation);
        }
        Map<String, ?> values = new AbstractConfig(prefixed, worker.originals(), false).values();
        return new Settings(WorkerConfig.LISTENERS_HTTPS_PREFIX, withoutPrefix(values, WorkerConfig.LISTENERS_HTTPS_PREFIX));
    }

    /** The worker's top-level {@code ssl.*} settings, defaults included. */
    static Settings forClient(WorkerConfig worker) {
        Map<String, Object> values = new HashMap<>();
        for (String name : SSL.names()) {
            values.put(name, worker.values().get(name));
        }
        return new Settings("", values);
    }

    /**
     * The context of an https listener: the key store is required, as it holds the server's certificate.
     *
     * @throws ConfigException naming the key store setting, when there is none or it cannot be read
     */
    static SSLContext serverContext(Settings settings) {
        if (settings.value(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG) == null && settings.value(SslConfigs.SSL_KEYSTORE_KEY_CONFIG) == null) {
            throw new ConfigException(settings.key(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG), null,
                    "an https listener needs a key store holding the server's certificate");
        }
        return context(settings);
    }

    /**
     * The context made by Kafka's {@link DefaultSslEngineFactory} from the settings.
     *
     * @throws ConfigException naming the key store or trust store setting that cannot be used
     */
    static SSLContext context(Settings settings) {
        return configured(settings).sslContext();
    }

    /**
     * The context of the client that reaches other workers. Unless {@code ssl.endpoint.identification.algorithm}
     * is empty, Java's HTTP client checks that the other worker's certificate names the host it
     * was reached at; when it is empty, the trust managers are wrapped so that only the chain is checked.
     *
     * @throws ConfigException naming the key store or trust store setting that cannot be used
     */
    static SSLContext clientContext(Settings settings) {
        Object algorithm = settings.value(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG);
        DefaultSslEngineFactory factory = configured(settings);
        if (algorithm != null && !algorithm.toString().isEmpty()) {
            return factory.sslContext();
        }
        try {
            KeyManager[] keys = null;
            if (factory.keystore() != null) {
                KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(orDefault(settings.value(SslConfigs.SSL_KEYMANAGER_ALGORITHM_CONFIG),
                        KeyManagerFactory.getDefaultAlgorithm()));
                Password password = (Password) (settings.value(SslConfigs.SSL_KEY_PASSWORD_CONFIG) != null
                        ? settings.value(SslConfigs.SSL_KEY_PASSWORD_CONFIG) : settings.value(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG));
                keyManagers.init(factory.keystore(), password == null ? null : password.value().toCharArray());
                keys = keyManagers.getKeyManagers();
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(orDefault(settings.value(SslConfigs.SSL_TRUSTMANAGER_ALGORITHM_CONFIG),
                    TrustManagerFactory.getDefaultAlgorithm()));
            trustManagers.init(factory.truststore());
            SSLContext context = SSLContext.getInstance(settings.value(SslConfigs.SSL_PROTOCOL_CONFIG).toString());
            context.init(keys, AnyHostTrust.wrap(trustManagers.getTrustManagers()), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException(settings.key(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG), locationOf(settings, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG),
                    describe(e));
        }
    }

    private static DefaultSslEngineFactory configured(Settings settings) {
        checkReadable(settings, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG);
        checkReadable(settings, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);
        DefaultSslEngineFactory factory = new DefaultSslEngineFactory();
        try {
            factory.configure(settings.values());
            return factory;
        } catch (KafkaException e) {
            String culprit = culprit(settings, e);
            throw new ConfigException(settings.key(culprit), locationOf(settings, culprit), describe(e));
        }
    }

    private static String orDefault(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    private static void checkReadable(Settings settings, String locationKey) {
        Object location = settings.value(locationKey);
        if (location != null && !Files.isReadable(Path.of(location.toString()))) {
            throw new ConfigException(settings.key(locationKey), location, "no readable file there");
        }
    }

    /**
     * Which setting a failure of the factory is about: the trust store when the failure names its file
     * or a trust store (Kafka calls both files "keystore" when loading them), else the key store; its
     * inline PEM setting when the store is given inline rather than as a file.
     */
    private static String culprit(Settings settings, RuntimeException failure) {
        String text = describe(failure);
        Object trustStore = settings.value(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);
        boolean aboutTrustStore = trustStore != null && text.contains(trustStore.toString())
                || text.toLowerCase(Locale.ROOT).matches(".*trust ?store.*");
        String file = aboutTrustStore ? SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG : SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG;
        String inline = aboutTrustStore ? SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG : SslConfigs.SSL_KEYSTORE_KEY_CONFIG;
        return settings.value(file) == null && settings.value(inline) != null ? inline : file;
    }

    /** The value of a setting as an error may show it: a {@link Password} shows as {@code [hidden]}. */
    private static Object locationOf(Settings settings, String key) {
        return settings.value(key);
    }

    /** The failure and its cause in one line, e.g. "Failed to load SSL keystore ...: keystore password was incorrect". */
    private static String describe(Throwable failure) {
        String text = String.valueOf(failure.getMessage());
        Throwable cause = failure.getCause();
        return cause == null || cause.getMessage() == null || text.contains(cause.getMessage()) ? text : text + ": " + cause.getMessage();
    }

    private static Map<String, Object> withoutPrefix(Map<String, ?> values, String prefix) {
        Map<String, Object> stripped = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                stripped.put(key.substring(prefix.length()), value);
            }
        });
        return stripped;
    }
}
