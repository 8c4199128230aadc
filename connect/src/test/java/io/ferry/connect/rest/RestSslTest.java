package io.ferry.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import io.ferry.connect.config.WorkerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which TLS settings https listeners and the client to other workers take, and how bad ones are refused. */
class RestSslTest {
    private static final TestCertificates CERTIFICATES = TestCertificates.get();

    @Test
    void shouldTakeTheTopLevelSslSettingsWhenNoListenersHttpsOneIsGiven() {
        WorkerConfig worker = worker(Map.of("ssl.keystore.location", "/etc/worker.p12", "ssl.keystore.password", "top",
                "ssl.client.auth", "required", "ssl.enabled.protocols", "TLSv1.3"));

        RestSsl.Settings listeners = RestSsl.forListeners(worker);

        assertThat(listeners.prefix()).isEmpty();
        assertThat(listeners.value("ssl.keystore.location")).isEqualTo("/etc/worker.p12");
        assertThat(listeners.value("ssl.keystore.password")).isEqualTo(new Password("top"));
        assertThat(listeners.value("ssl.client.auth")).isEqualTo("required");
        assertThat(listeners.list("ssl.enabled.protocols")).containsExactly("TLSv1.3");
        assertThat(RestSsl.forClient(worker).values()).isEqualTo(listeners.values());
    }

    @Test
    void shouldTakeOnlyTheListenersHttpsSettingsWhenAnyIsGivenAndLeaveTheClientTheTopLevelOnes() {
        WorkerConfig worker = worker(Map.of("ssl.keystore.location", "/etc/top.p12", "ssl.truststore.location", "/etc/trust.p12",
                "ssl.client.auth", "required", "listeners.https.ssl.keystore.location", "/etc/rest.p12",
                "listeners.https.ssl.keystore.type", "PKCS12"));

        RestSsl.Settings listeners = RestSsl.forListeners(worker);
        RestSsl.Settings client = RestSsl.forClient(worker);

        assertThat(listeners.prefix()).isEqualTo("listeners.https.");
        assertThat(listeners.value("ssl.keystore.location")).isEqualTo("/etc/rest.p12");
        assertThat(listeners.value("ssl.keystore.type")).isEqualTo("PKCS12");
        assertThat(listeners.value("ssl.truststore.location")).as("not taken from ssl.*").isNull();
        assertThat(listeners.value("ssl.client.auth")).as("its default, not ssl.client.auth").isEqualTo("none");
        assertThat(client.value("ssl.keystore.location")).isEqualTo("/etc/top.p12");
        assertThat(client.value("ssl.truststore.location")).isEqualTo("/etc/trust.p12");
    }

    @Test
    void shouldNameTheListenersHttpsKeyOfAValueItsDefinitionRefuses() {
        WorkerConfig worker = worker(Map.of("listeners.https.ssl.client.auth", "sometimes"));

        assertThatThrownBy(() -> RestSsl.forListeners(worker)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.https.ssl.client.auth").hasMessageContaining("sometimes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                | ssl.keystore.location",
        "listeners.https.  | listeners.https.ssl.keystore.location"
    })
    void shouldRefuseAnHttpsListenerWithoutAKeyStoreNamingTheSetting(String prefix, String key) {
        Map<String, String> settings = new HashMap<>();
        settings.put("listeners", "https://127.0.0.1:0");
        settings.put(prefix + "ssl.truststore.location", CERTIFICATES.trustStore().toString());
        settings.put(prefix + "ssl.truststore.password", TestCertificates.PASSWORD);

        assertThatThrownBy(() -> build(settings)).isInstanceOf(ConfigException.class).hasMessageContaining(key)
                .hasMessageContaining("needs a key store");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''               | ssl.keystore.location   | /nowhere/worker.p12 | ssl.keystore.location                  | /nowhere/worker.p12",
        "listeners.https. | ssl.keystore.password   | not-the-password    | listeners.https.ssl.keystore.location  | password",
        "''               | ssl.truststore.password | not-the-password    | ssl.truststore.location                | trust.p12"
    })
    void shouldRefuseAStoreThatCannotBeReadNamingItsSetting(String prefix, String key, String value, String named, String told) {
        Map<String, String> settings = new HashMap<>(CERTIFICATES.workerSettings(prefix));
        settings.put("listeners", "https://127.0.0.1:0");
        settings.put(prefix + key, value);

        assertThatThrownBy(() -> build(settings)).isInstanceOf(ConfigException.class).hasMessageContaining(named).hasMessageContaining(told);
    }

    @Test
    void shouldNameTheInlineKeySettingOfAPemKeyStoreThatCannotBeReadWithoutShowingIt() {
        Map<String, String> settings = new HashMap<>();
        settings.put("listeners", "https://127.0.0.1:0");
        settings.put("ssl.keystore.type", "PEM");
        settings.put("ssl.keystore.key", "-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5\n-----END PRIVATE KEY-----");
        settings.put("ssl.keystore.certificate.chain", "-----BEGIN CERTIFICATE-----\nbm90LWEtY2VydA==\n-----END CERTIFICATE-----");

        assertThatThrownBy(() -> build(settings)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value [hidden] for configuration ssl.keystore.key: ").hasMessageNotContaining("ssl.keystore.location")
                .hasMessageNotContaining("bm90LWEta2V5");
    }

    @Test
    void shouldNotReadTheSslSettingsOfAWorkerWithoutHttpsListeners() {
        Map<String, String> settings = Map.of("listeners", "http://127.0.0.1:0", "ssl.keystore.location", "/nowhere/kafka-client.p12",
                "ssl.keystore.password", "x");

        build(settings).close();
    }

    private static ConnectRestServer build(Map<String, String> settings) {
        return ConnectRestServer.builder(new InMemoryHerder(), worker(settings)).build();
    }

    private static WorkerConfig worker(Map<String, String> settings) {
        return RestServerExtension.workerConfig(settings);
    }
}
