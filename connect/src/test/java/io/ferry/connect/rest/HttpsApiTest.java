package io.ferry.connect.rest;

import static io.ferry.connect.rest.Connectors.createBody;
import static io.ferry.connect.rest.Connectors.sinkConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.ferry.connect.rest.ConnectHttp.Reply;
import org.junit.jupiter.api.Test;

/**
 * https listeners, driven over real TLS by a client that trusts the worker's self-signed
 * certificate: what they answer, what they refuse, and how they sit beside http listeners.
 */
class HttpsApiTest {
    private static final TestCertificates CERTIFICATES = TestCertificates.get();

    @Test
    void shouldAnswerOverTlsOnAnHttpsListenerAndRefusePlainHttp() {
        try (ConnectRestServer server = start(settings("https://127.0.0.1:0", CERTIFICATES.workerSettings("")))) {
            URI url = server.url();
            ConnectHttp https = new ConnectHttp(url, CERTIFICATES.clientContext(false));

            assertThat(url.getScheme()).isEqualTo("https");
            Reply root = https.get("/");
            assertThat(root.status()).isEqualTo(200);
            assertThat(root.json().path("version").asText()).isNotEmpty();
            assertThat(https.get("/connectors").body()).isEqualTo("[]");
            assertThat(server.advertisedUrl()).isEqualTo(URI.create("https://127.0.0.1:" + url.getPort() + "/"));
            ConnectHttp plain = new ConnectHttp(URI.create("http://127.0.0.1:" + url.getPort() + "/"));
            assertThatThrownBy(() -> plain.get("/connectors")).as("plain HTTP on an https port").isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void shouldGiveTheHttpsLocationOfAConnectorCreatedOverTls() {
        try (ConnectRestServer server = start(settings("https://127.0.0.1:0", CERTIFICATES.workerSettings("")))) {
            Reply reply = new ConnectHttp(server.url(), CERTIFICATES.clientContext(false)).post("/connectors", createBody("tls-sink", sinkConfig()));

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.header("Location")).contains(server.url().resolve("/connectors/tls-sink").toString());
        }
    }

    @Test
    void shouldServeHttpAndHttpsListenersSideBySideAdvertisingTheChosenOne() {
        Map<String, String> settings = settings("http://127.0.0.1:0,https://127.0.0.1:0", CERTIFICATES.workerSettings("listeners.https."));
        settings.put("rest.advertised.listener", "https");
        try (ConnectRestServer server = start(settings)) {
            URI http = server.urls().get(0);
            URI https = server.urls().get(1);

            assertThat(http.getScheme()).isEqualTo("http");
            assertThat(https.getScheme()).isEqualTo("https");
            assertThat(new ConnectHttp(http).get("/connectors").status()).isEqualTo(200);
            assertThat(new ConnectHttp(https, CERTIFICATES.clientContext(false)).get("/connectors").status()).isEqualTo(200);
            assertThat(server.advertisedUrl()).isEqualTo(https);
        }
    }

    @Test
    void shouldRefuseAClientWithoutACertificateWhenClientAuthIsRequired() {
        Map<String, String> settings = settings("https://127.0.0.1:0", CERTIFICATES.workerSettings(""));
        settings.put("ssl.client.auth", "required");
        try (ConnectRestServer server = start(settings)) {
            ConnectHttp anonymous = new ConnectHttp(server.url(), CERTIFICATES.clientContext(false));
            ConnectHttp known = new ConnectHttp(server.url(), CERTIFICATES.clientContext(true));

            assertThatThrownBy(() -> anonymous.get("/connectors")).isInstanceOf(UncheckedIOException.class);
            assertThat(known.get("/connectors").status()).isEqualTo(200);
        }
    }

    @Test
    void shouldAcceptAClientWithoutACertificateWhenClientAuthIsOnlyRequested() {
        Map<String, String> settings = settings("https://127.0.0.1:0", CERTIFICATES.workerSettings(""));
        settings.put("ssl.client.auth", "requested");
        try (ConnectRestServer server = start(settings)) {
            assertThat(new ConnectHttp(server.url(), CERTIFICATES.clientContext(false)).get("/connectors").status()).isEqualTo(200);
            assertThat(new ConnectHttp(server.url(), CERTIFICATES.clientContext(true)).get("/connectors").status()).isEqualTo(200);
        }
    }

    private static Map<String, String> settings(String listeners, Map<String, String> tls) {
        Map<String, String> settings = new HashMap<>(tls);
        settings.put("listeners", listeners);
        return settings;
    }

    private static ConnectRestServer start(Map<String, String> settings) {
        return ConnectRestServer.builder(new InMemoryHerder(), RestServerExtension.workerConfig(settings)).build().start();
    }
}
