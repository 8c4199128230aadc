package io.ferry.serde.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.ferry.serde.testing.RegistryProxy;
import io.ferry.serde.testing.SerdeEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry client against Ferry's registry over real HTTP, directly or through a proxy that misbehaves on purpose. */
class RegistryClientIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    private static final RegistrySchema USER = RegistrySchema.avro(
            "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
    private static final RegistrySchema USER_TEXT_ID = RegistrySchema.avro(
            "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");

    private static Map<String, Object> config(String url, Object... settings) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", url);
        config.put("retries.wait.ms", 10);
        for (int i = 0; i < settings.length; i += 2) {
            config.put((String) settings[i], settings[i + 1]);
        }
        return config;
    }

    private static RegistryClient client(String url, Object... settings) {
        return CachingRegistryClient.create(RegistryClientConfig.of(config(url, settings)));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldRegisterLookUpAndFetchAsTheRegistryAnswers() {
        RegistryClient client = client(ENV.registryUrl());
        String subject = "users-" + System.nanoTime();
        int id = client.register(subject, USER, false);

        assertThat(client.schemaById(id)).isEqualTo(USER);
        assertThat(client.lookup(subject, USER, false)).isEqualTo(new RegisteredSchema(subject, id, 1, USER));
        assertThat(client.latestVersion(subject)).isEqualTo(new RegisteredSchema(subject, id, 1, USER));
        assertThat(client.register(subject, USER, false)).isEqualTo(id);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("an unknown id", 404, 40403, (java.util.function.Consumer<RegistryClient>) c -> c.schemaById(987654)),
                Arguments.of("an unknown subject", 404, 40401,
                        (java.util.function.Consumer<RegistryClient>) c -> c.latestVersion("nobody-" + System.nanoTime())),
                Arguments.of("a schema not in the subject", 404, 40401,
                        (java.util.function.Consumer<RegistryClient>) c -> c.lookup("nobody-" + System.nanoTime(), USER, false)),
                Arguments.of("an invalid schema", 422, 42201,
                        (java.util.function.Consumer<RegistryClient>) c -> c.register("bad", RegistrySchema.avro("{\"type\":\"nope\"}"), false)));
    }

    @ParameterizedTest(name = "{0}: HTTP {1}, error code {2}")
    @MethodSource("refusals")
    void shouldCarryTheRegistrysStatusAndErrorCode(String what, int status, int code, java.util.function.Consumer<RegistryClient> call) {
        assertThatThrownBy(() -> call.accept(client(ENV.registryUrl())))
                .isInstanceOfSatisfying(RegistryClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.getMessage()).contains("HTTP " + status).contains("error code " + code);
                });
    }

    @Test
    void shouldReportAnIncompatibleSchemaAs409() {
        RegistryClient client = client(ENV.registryUrl());
        String subject = "strict-" + System.nanoTime();
        client.register(subject, USER, false);

        assertThatThrownBy(() -> client.register(subject, USER_TEXT_ID, false))
                .isInstanceOfSatisfying(RegistryClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.isIncompatibleSchema()).isTrue();
                });
    }

    @Test
    void shouldFailOverToTheNextUrlWhenANodeCannotBeReached() throws Exception {
        String dead = "http://127.0.0.1:" + closedPort();
        for (int i = 0; i < 5; i++) {
            RegistryClient client = client(dead + "," + ENV.registryUrl(), "max.retries", 0);
            assertThat(client.register("failover-" + i + "-" + System.nanoTime(), USER, false)).isPositive();
        }
    }

    @Test
    void shouldRetryServerErrorsWithBackoffAndGiveUpAfterTheConfiguredRetries() throws Exception {
        try (RegistryProxy proxy = RegistryProxy.http(ENV.registryUrl())) {
            proxy.failNext(2, 503);
            assertThat(client(proxy.url(), "max.retries", 2).register("retried-" + System.nanoTime(), USER, false)).isPositive();
            assertThat(proxy.requests()).isEqualTo(3);

            proxy.failNext(5, 503);
            assertThatThrownBy(() -> client(proxy.url(), "max.retries", 1).schemaById(1))
                    .isInstanceOfSatisfying(RegistryClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.errorCode()).isEqualTo(50303);
                        assertThat(e.isRetriable()).isTrue();
                    });
        }
    }

    @Test
    void shouldNotRetryClientErrors() throws Exception {
        try (RegistryProxy proxy = RegistryProxy.http(ENV.registryUrl())) {
            assertThatThrownBy(() -> client(proxy.url(), "max.retries", 3).latestVersion("nobody-" + System.nanoTime()))
                    .isInstanceOf(RegistryClientException.class);
            assertThat(proxy.requests()).isEqualTo(1);
        }
    }

    @Test
    void shouldAnswerWarmCallsFromItsCachesAndForgetTheLatestVersionAfterItsTtl() throws Exception {
        try (RegistryProxy proxy = RegistryProxy.http(ENV.registryUrl())) {
            RegistryClient client = client(proxy.url(), "latest.cache.ttl.sec", 1);
            String subject = "cached-" + System.nanoTime();
            int id = client.register(subject, USER, false);
            client.schemaById(id);
            client.lookup(subject, USER, false);
            client.latestVersion(subject);
            int cold = proxy.requests();
            for (int i = 0; i < 100; i++) {
                client.register(subject, USER, false);
                client.schemaById(id);
                client.lookup(subject, USER, false);
                client.latestVersion(subject);
            }
            assertThat(proxy.requests()).isEqualTo(cold);

            Thread.sleep(Duration.ofMillis(1100).toMillis());
            client.latestVersion(subject);
            assertThat(proxy.requests()).isEqualTo(cold + 1);
        }
    }

    @Test
    void shouldSpeakTlsAndBasicAuthentication(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("registry.p12");
        Path truststore = dir.resolve("trust.p12");
        RegistryProxy.makeKeyMaterial(keystore, truststore, "changeit");
        try (RegistryProxy proxy = RegistryProxy.https(ENV.registryUrl(), keystore, "changeit")) {
            proxy.requireAuthorization(new BasicCredentials("ferry", "s3cret:x").header());
            Object[] tls = {"schema.registry.ssl.truststore.location", truststore.toString(),
                "schema.registry.ssl.truststore.password", "changeit", "schema.registry.ssl.truststore.type", "PKCS12"};

            RegistryClient userInfo = client(proxy.url(), concat(tls, "basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "ferry:s3cret:x"));
            assertThat(userInfo.register("secure-" + System.nanoTime(), USER, false)).isPositive();

            String withUser = proxy.url().replace("https://", "https://ferry:s3cret%3Ax@");
            assertThat(client(withUser, tls).register("secure-url-" + System.nanoTime(), USER, false)).isPositive();

            assertThatThrownBy(() -> client(proxy.url(), concat(tls, "basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "ferry:wrong")).schemaById(1))
                    .isInstanceOfSatisfying(RegistryClientException.class, e -> assertThat(e.status()).isEqualTo(401));
            assertThatThrownBy(() -> client(proxy.url(), "max.retries", 0).schemaById(1))
                    .isInstanceOfSatisfying(RegistryClientException.class, e -> assertThat(e.status()).isEqualTo(RegistryClientException.NO_RESPONSE));
        }
        assertThat(Files.exists(keystore)).isTrue();
    }

    private static Object[] concat(Object[] first, Object... more) {
        Object[] all = new Object[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
