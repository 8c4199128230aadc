package io.ferry.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client one worker reaches another with, against a worker on 127.0.0.2, an address its
 * certificate does not name (it names 127.0.0.1 and localhost).
 */
class WorkerHttpClientTest {
    private static final TestCertificates CERTIFICATES = TestCertificates.get();
    private static ConnectRestServer server;

    @BeforeAll
    static void startWorkerOnAnAddressItsCertificateDoesNotName() {
        Map<String, String> settings = new HashMap<>(CERTIFICATES.workerSettings(""));
        settings.put("listeners", "https://127.0.0.2:0");
        server = ConnectRestServer.builder(new InMemoryHerder(), RestServerExtension.workerConfig(settings)).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldRefuseAWorkerWhoseCertificateDoesNotNameItsHost() {
        WorkerHttpClient client = new WorkerHttpClient(RestServerExtension.workerConfig(CERTIFICATES.workerSettings("")));

        assertThatThrownBy(() -> get(client, server.url())).isInstanceOf(IOException.class).hasMessageContaining("127.0.0.2");
    }

    @Test
    void shouldOnlyCheckTheChainWhenEndpointIdentificationIsOff() throws Exception {
        Map<String, String> settings = new HashMap<>(CERTIFICATES.workerSettings(""));
        settings.put("ssl.endpoint.identification.algorithm", "");
        WorkerHttpClient client = new WorkerHttpClient(RestServerExtension.workerConfig(settings));

        assertThat(get(client, server.url()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAWorkerWhoseCertificateItDoesNotTrustEvenWithoutEndpointIdentification() {
        WorkerHttpClient client = new WorkerHttpClient(RestServerExtension.workerConfig(Map.of("ssl.endpoint.identification.algorithm", "")));

        assertThatThrownBy(() -> get(client, server.url())).isInstanceOf(IOException.class);
    }

    private static HttpResponse<String> get(WorkerHttpClient client, URI url) throws IOException, InterruptedException {
        return client.forUrl(url).send(HttpRequest.newBuilder(url.resolve("/connectors")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
