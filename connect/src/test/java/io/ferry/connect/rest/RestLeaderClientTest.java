package io.ferry.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** How a follower sends its connector's task configs to the leader. */
class RestLeaderClientTest {

    @Test
    void shouldFailTheFutureNamingTheSettingWhenTheTlsClientCannotBeMade() {
        // The herder learns of a failure only through the future: it logs it and tries again later.
        RestLeaderClient client = new RestLeaderClient(new WorkerHttpClient(RestServerExtension.workerConfig(
                Map.of("ssl.truststore.location", "/nonexistent/review2-truststore.p12"))), Duration.ofSeconds(5));

        CompletableFuture<Void> sent = client.putTaskConfigs("https://127.0.0.1:1/", "orders", List.of(Map.of("task", "0")));

        assertThat(sent).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(ConfigException.class).withMessageContaining("ssl.truststore.location");
    }
}
