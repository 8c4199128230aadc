package io.ferry.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.ferry.connect.rest.Listeners.Listener;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ListenersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:8083   | 127.0.0.1   | 8083",
        "HTTP://myhost:8084/     | myhost      | 8084",
        "http://:8083            | ''          | 8083",
        "http://0.0.0.0:0        | 0.0.0.0     | 0",
        "http://[::1]:8083       | ::1         | 8083"
    })
    void shouldParseAListener(String url, String host, int port) {
        assertThat(Listeners.parse(List.of(url))).containsExactly(new Listener(host, port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost:8443", "localhost:8083", "http://localhost", "http://host:port"})
    void shouldRefuseWhatCannotBeServedNamingTheSetting(String url) {
        assertThatThrownBy(() -> Listeners.parse(List.of(url)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners");
    }

    @Test
    void shouldAdvertiseTheListenerWithTheBoundPortUnlessToldOtherwise() {
        Listener listener = new Listener("127.0.0.1", 0);

        assertThat(Listeners.advertised(RestServerExtension.workerConfig(Map.of()), listener, 41234))
                .isEqualTo(URI.create("http://127.0.0.1:41234/"));
        assertThat(Listeners.advertised(RestServerExtension.workerConfig(Map.of(
                "rest.advertised.host.name", "connect-1.example.com", "rest.advertised.port", "18083")), listener, 41234))
                .isEqualTo(URI.create("http://connect-1.example.com:18083/"));
        assertThat(Listeners.advertised(RestServerExtension.workerConfig(Map.of()), new Listener("myhost", 8083), 8083))
                .isEqualTo(URI.create("http://myhost:8083/"));
    }

    @Test
    void shouldRefuseAnAdvertisedListenerOtherThanHttp() {
        assertThatThrownBy(() -> Listeners.checkAdvertisedListener(RestServerExtension.workerConfig(Map.of("rest.advertised.listener", "https"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rest.advertised.listener");
    }
}
