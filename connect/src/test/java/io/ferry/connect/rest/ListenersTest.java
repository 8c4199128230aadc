package io.ferry.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.rest.Listeners.Listener;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ListenersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:8083   | http  | 127.0.0.1   | 8083",
        "HTTP://myhost:8084/     | http  | myhost      | 8084",
        "http://:8083            | http  | ''          | 8083",
        "http://0.0.0.0:0        | http  | 0.0.0.0     | 0",
        "http://[::1]:8083       | http  | ::1         | 8083",
        "https://localhost:8443  | https | localhost   | 8443",
        "HTTPS://:8443/          | https | ''          | 8443"
    })
    void shouldParseAListener(String url, String protocol, String host, int port) {
        assertThat(Listeners.parse(List.of(url))).containsExactly(new Listener(protocol, host, port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://localhost:8443", "localhost:8083", "http://localhost", "https://host:port"})
    void shouldRefuseWhatCannotBeServedNamingTheSetting(String url) {
        assertThatThrownBy(() -> Listeners.parse(List.of(url)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners");
    }

    @Test
    void shouldAdvertiseTheListenerWithTheBoundPortUnlessToldOtherwise() {
        List<Listener> listener = List.of(new Listener("http", "127.0.0.1", 0));

        assertThat(Listeners.advertised(RestServerExtension.workerConfig(Map.of()), listener, index -> 41234))
                .isEqualTo(URI.create("http://127.0.0.1:41234/"));
        assertThat(Listeners.advertised(RestServerExtension.workerConfig(Map.of(
                "rest.advertised.host.name", "connect-1.example.com", "rest.advertised.port", "18083")), listener, index -> 41234))
                .isEqualTo(URI.create("http://connect-1.example.com:18083/"));
        assertThat(Listeners.advertised(RestServerExtension.workerConfig(Map.of()), List.of(new Listener("http", "myhost", 8083)), index -> 8083))
                .isEqualTo(URI.create("http://myhost:8083/"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://a:8443,http://b:8083  | ''    | http://b:8083/",
        "https://a:8443,https://b:8444 | ''    | https://a:8443/",
        "http://b:8083,https://a:8443  | HTTPS | https://a:8443/",
        "https://a:8443,http://b:8083  | http  | http://b:8083/"
    })
    void shouldAdvertiseHttpWhenThereIsAnHttpListenerUnlessTheAdvertisedListenerSaysOtherwise(String listeners, String advertised, String url) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("listeners", listeners));
        if (!advertised.isEmpty()) {
            settings.put("rest.advertised.listener", advertised);
        }
        WorkerConfig worker = RestServerExtension.workerConfig(settings);

        assertThat(Listeners.advertised(worker, Listeners.parse(worker.getList("listeners")), index -> 0)).isEqualTo(URI.create(url));
    }

    @Test
    void shouldRefuseAnAdvertisedListenerWithoutAListenerOfItsProtocol() {
        WorkerConfig worker = RestServerExtension.workerConfig(Map.of("listeners", "http://a:8083", "rest.advertised.listener", "https"));

        assertThatThrownBy(() -> Listeners.advertised(worker, Listeners.parse(worker.getList("listeners")), index -> 0))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rest.advertised.listener").hasMessageContaining("no https listener");
    }

    @Test
    void shouldRefuseAnAdvertisedListenerOtherThanHttpOrHttps() {
        assertThatThrownBy(() -> Listeners.checkAdvertisedListener(RestServerExtension.workerConfig(Map.of("rest.advertised.listener", "ftp"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rest.advertised.listener");
    }
}
