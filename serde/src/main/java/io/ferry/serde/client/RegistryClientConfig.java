package io.ferry.serde.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Everything the registry client needs, parsed and checked. Immutable.
 *
 * @param urls            registry nodes, without user info, in the order given
 * @param credentials     basic authentication, when configured
 * @param tls             key material for https URLs
 * @param connectTimeout  how long to wait for a connection
 * @param readTimeout     how long to wait for an answer
 * @param retry           when and how often to repeat a failed request
 * @param cacheCapacity   entries per cache
 * @param latestTtl       how long a subject's latest version is remembered; {@code null} for ever
 * @param latestCapacity  subjects whose latest version is remembered
 * @param requestHeaders  extra headers on every request ({@code request.header.*})
 */
public record RegistryClientConfig(List<URI> urls, Optional<BasicCredentials> credentials, TlsSettings tls,
                                   Duration connectTimeout, Duration readTimeout, RetryPolicy retry, int cacheCapacity,
                                   Duration latestTtl, int latestCapacity, Map<String, String> requestHeaders) {

    public RegistryClientConfig {
        if (urls.isEmpty()) {
            throw new ConfigException(RegistryClientSettings.URL, "", "at least one registry URL is needed");
        }
        urls = List.copyOf(urls);
        requestHeaders = Map.copyOf(requestHeaders);
    }

    /** One registry URL, Confluent's defaults otherwise. */
    public static RegistryClientConfig forUrl(String url) {
        return of(Map.of(RegistryClientSettings.URL, url));
    }

    /** Parses the client's settings out of a serde's configuration map; other keys are ignored. */
    public static RegistryClientConfig of(Map<String, ?> configs) {
        return from(new AbstractConfig(RegistryClientSettings.define(new ConfigDef()), configs, false));
    }

    /** Reads the client's settings from a config whose definition includes {@link RegistryClientSettings#define}. */
    public static RegistryClientConfig from(AbstractConfig config) {
        if (config.getPassword(RegistryClientSettings.BEARER_AUTH_TOKEN) != null) {
            throw new ConfigException(RegistryClientSettings.BEARER_AUTH_TOKEN, "[hidden]",
                    "bearer authentication is not supported by Ferry's registry client yet; use basic authentication");
        }
        List<URI> urls = new ArrayList<>();
        List<String> userInfos = new ArrayList<>();
        for (String raw : config.getList(RegistryClientSettings.URL)) {
            URI uri = parseUrl(raw.trim());
            if (uri.getUserInfo() != null) {
                userInfos.add(uri.getUserInfo());
            }
            urls.add(withoutUserInfo(uri));
        }
        int ttl = config.getInt(RegistryClientSettings.LATEST_CACHE_TTL_SEC);
        return new RegistryClientConfig(urls, credentials(config, userInfos), tls(config),
                Duration.ofMillis(config.getInt(RegistryClientSettings.CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(config.getInt(RegistryClientSettings.READ_TIMEOUT_MS)),
                new RetryPolicy(config.getInt(RegistryClientSettings.MAX_RETRIES),
                        Duration.ofMillis(config.getInt(RegistryClientSettings.RETRIES_WAIT_MS)),
                        Duration.ofMillis(config.getInt(RegistryClientSettings.RETRIES_MAX_WAIT_MS))),
                config.getInt(RegistryClientSettings.MAX_SCHEMAS_PER_SUBJECT),
                ttl < 0 ? null : Duration.ofSeconds(ttl),
                config.getInt(RegistryClientSettings.LATEST_CACHE_SIZE),
                headers(config));
    }

    private static URI parseUrl(String raw) {
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new ConfigException(RegistryClientSettings.URL, raw, "expected http://host:port or https://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(RegistryClientSettings.URL, raw, "not a URL: " + e.getMessage());
        }
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new URI(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path);
        } catch (URISyntaxException e) {
            throw new ConfigException(RegistryClientSettings.URL, uri.toString(), e.getMessage());
        }
    }

    private static Optional<BasicCredentials> credentials(AbstractConfig config, List<String> userInfos) {
        String source = config.getString(RegistryClientSettings.BASIC_AUTH_CREDENTIALS_SOURCE).toUpperCase(Locale.ROOT);
        switch (source) {
            case "USER_INFO": {
                String legacy = value(config.getPassword(RegistryClientSettings.LEGACY_USER_INFO));
                String userInfo = legacy.isEmpty() ? value(config.getPassword(RegistryClientSettings.USER_INFO)) : legacy;
                if (userInfo.isEmpty()) {
                    throw new ConfigException(RegistryClientSettings.USER_INFO, "",
                            "basic.auth.credentials.source=USER_INFO needs basic.auth.user.info=user:password");
                }
                return Optional.of(BasicCredentials.parse(RegistryClientSettings.USER_INFO, userInfo));
            }
            case "SASL_INHERIT": {
                Object jaas = config.originals().get("sasl.jaas.config");
                String text = jaas instanceof Password password ? password.value() : jaas == null ? null : jaas.toString();
                return Optional.of(BasicCredentials.fromJaasConfig(text));
            }
            default:
                return userInfos.isEmpty() ? Optional.empty()
                        : Optional.of(BasicCredentials.parse(RegistryClientSettings.URL, userInfos.get(0)));
        }
    }

    private static String value(Password password) {
        return password == null ? "" : password.value();
    }

    private static TlsSettings tls(AbstractConfig config) {
        return new TlsSettings(config.getString(RegistryClientSettings.TRUSTSTORE_LOCATION),
                nullable(config.getPassword(RegistryClientSettings.TRUSTSTORE_PASSWORD)),
                config.getString(RegistryClientSettings.TRUSTSTORE_TYPE),
                config.getString(RegistryClientSettings.KEYSTORE_LOCATION),
                nullable(config.getPassword(RegistryClientSettings.KEYSTORE_PASSWORD)),
                config.getString(RegistryClientSettings.KEYSTORE_TYPE),
                nullable(config.getPassword(RegistryClientSettings.KEY_PASSWORD)),
                config.getString(RegistryClientSettings.SSL_PROTOCOL));
    }

    private static String nullable(Password password) {
        return password == null ? null : password.value();
    }

    private static Map<String, String> headers(AbstractConfig config) {
        Map<String, String> headers = new TreeMap<>();
        config.originalsWithPrefix(RegistryClientSettings.REQUEST_HEADER_PREFIX)
                .forEach((name, value) -> headers.put(name, String.valueOf(value)));
        return headers;
    }
}
