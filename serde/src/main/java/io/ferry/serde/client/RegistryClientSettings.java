package io.ferry.serde.client;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The registry client's settings, with Confluent's names and defaults, so that the registry part of an
 * existing serializer or converter configuration works unchanged. Declared once here and added to every
 * serde's {@link ConfigDef}.
 */
public final class RegistryClientSettings {
    public static final String URL = "schema.registry.url";
    public static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    /** Confluent's older name of {@link #USER_INFO}; it wins when both are set, as in Confluent's client. */
    public static final String LEGACY_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String LATEST_CACHE_SIZE = "latest.cache.size";
    public static final String REQUEST_HEADER_PREFIX = "request.header.";

    public static final String SSL_PREFIX = "schema.registry.ssl.";
    public static final String TRUSTSTORE_LOCATION = SSL_PREFIX + "truststore.location";
    public static final String TRUSTSTORE_PASSWORD = SSL_PREFIX + "truststore.password";
    public static final String TRUSTSTORE_TYPE = SSL_PREFIX + "truststore.type";
    public static final String KEYSTORE_LOCATION = SSL_PREFIX + "keystore.location";
    public static final String KEYSTORE_PASSWORD = SSL_PREFIX + "keystore.password";
    public static final String KEYSTORE_TYPE = SSL_PREFIX + "keystore.type";
    public static final String KEY_PASSWORD = SSL_PREFIX + "key.password";
    public static final String SSL_PROTOCOL = SSL_PREFIX + "protocol";

    private static final String GROUP = "Schema registry";

    private RegistryClientSettings() {
    }

    /** Adds the client's settings to {@code def} and returns it. */
    public static ConfigDef define(ConfigDef def) {
        return defineTls(defineConnection(def), 100);
    }

    /** Where the registry is, how long to wait, how often to retry, what to cache, whose credentials. */
    private static ConfigDef defineConnection(ConfigDef def) {
        int order = 0;
        return def
                .define(URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                        "Comma-separated URLs of the registry's nodes. Requests go to one of them and fail over to the next when it "
                                + "cannot be reached. http:// or https://; user:password@ in a URL is used for basic authentication "
                                + "when basic.auth.credentials.source=URL.", GROUP, ++order, ConfigDef.Width.LONG, "Registry URLs")
                .define(MAX_SCHEMAS_PER_SUBJECT, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "How many schemas each of the client's caches holds (ids, subject-schema pairs).", GROUP, ++order,
                        ConfigDef.Width.SHORT, "Cache size")
                .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "URL",
                        ConfigDef.CaseInsensitiveValidString.in("URL", "USER_INFO", "SASL_INHERIT"), Importance.MEDIUM,
                        "Where the basic authentication credentials come from: URL (user info of the registry URL), USER_INFO "
                                + "(basic.auth.user.info) or SASL_INHERIT (the username and password of sasl.jaas.config).",
                        GROUP, ++order, ConfigDef.Width.SHORT, "Credentials source")
                .define(USER_INFO, Type.PASSWORD, "", Importance.MEDIUM,
                        "user:password for basic authentication when basic.auth.credentials.source=USER_INFO.", GROUP, ++order,
                        ConfigDef.Width.MEDIUM, "User info")
                .define(LEGACY_USER_INFO, Type.PASSWORD, "", Importance.LOW, "Deprecated name of " + USER_INFO + ".", GROUP,
                        ++order, ConfigDef.Width.MEDIUM, "User info (deprecated)")
                .define(CONNECT_TIMEOUT_MS, Type.INT, 60000, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "How long to wait for a connection to a registry node.", GROUP, ++order, ConfigDef.Width.SHORT, "Connect timeout")
                .define(READ_TIMEOUT_MS, Type.INT, 60000, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "How long to wait for a registry's answer.", GROUP, ++order, ConfigDef.Width.SHORT, "Read timeout")
                .define(MAX_RETRIES, Type.INT, 3, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "How often a request is repeated after no node answered, or a node answered 408, 429 or 5xx.", GROUP,
                        ++order, ConfigDef.Width.SHORT, "Retries")
                .define(RETRIES_WAIT_MS, Type.INT, 1000, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "The wait before the first retry; it doubles for each further retry. A random part of it (up to half) is "
                                + "left out, so that clients do not retry in step.", GROUP, ++order, ConfigDef.Width.SHORT, "Retry wait")
                .define(RETRIES_MAX_WAIT_MS, Type.INT, 20000, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "The longest wait before a retry.", GROUP, ++order, ConfigDef.Width.SHORT, "Longest retry wait")
                .define(LATEST_CACHE_TTL_SEC, Type.INT, -1, Importance.LOW,
                        "How long the latest version of a subject is remembered, in seconds; -1 for as long as the client lives.",
                        GROUP, ++order, ConfigDef.Width.SHORT, "Latest version TTL")
                .define(LATEST_CACHE_SIZE, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "How many subjects' latest versions are remembered.", GROUP, ++order, ConfigDef.Width.SHORT, "Latest cache size");
    }

    /** Key material for https URLs, and the refused bearer token. */
    private static ConfigDef defineTls(ConfigDef def, int firstOrder) {
        int order = firstOrder;
        return def
                .define(TRUSTSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
                        "Trust store for https registry URLs; the JDK's trusted certificates when unset.", GROUP, ++order,
                        ConfigDef.Width.LONG, "Trust store")
                .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the trust store.", GROUP, ++order,
                        ConfigDef.Width.MEDIUM, "Trust store password")
                .define(TRUSTSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "Trust store format: JKS or PKCS12.", GROUP, ++order,
                        ConfigDef.Width.SHORT, "Trust store type")
                .define(KEYSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
                        "Key store with the client certificate, for registries that ask for one.", GROUP, ++order,
                        ConfigDef.Width.LONG, "Key store")
                .define(KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the key store.", GROUP, ++order,
                        ConfigDef.Width.MEDIUM, "Key store password")
                .define(KEYSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "Key store format: JKS or PKCS12.", GROUP, ++order,
                        ConfigDef.Width.SHORT, "Key store type")
                .define(KEY_PASSWORD, Type.PASSWORD, null, Importance.LOW,
                        "Password of the private key; the key store's password when unset.", GROUP, ++order,
                        ConfigDef.Width.MEDIUM, "Key password")
                .define(SSL_PROTOCOL, Type.STRING, "TLSv1.3", Importance.LOW,
                        "The TLS protocol of the SSL context (TLSv1.3 also allows TLSv1.2 when the server offers no more).", GROUP,
                        ++order, ConfigDef.Width.SHORT, "TLS protocol")
                .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.LOW,
                        "Not supported yet: setting it is refused, so that a configuration that relies on it fails at start.",
                        GROUP, ++order, ConfigDef.Width.MEDIUM, "Bearer token");
    }
}
