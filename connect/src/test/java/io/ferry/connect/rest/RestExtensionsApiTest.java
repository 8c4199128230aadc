package io.ferry.connect.rest;

import static io.ferry.connect.rest.Connectors.createBody;
import static io.ferry.connect.rest.Connectors.sinkConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.rest.ConnectHttp.Reply;
import io.ferry.connect.rest.extension.RestExtensions;
import io.ferry.connect.testplugins.TokenGuardRestExtension;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.health.ConnectorHealth;
import org.apache.kafka.connect.health.ConnectorType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * REST extensions ({@code rest.extension.classes}) on the REST API over HTTP: the JAX-RS filters an
 * extension registers run on every request, in priority order, may refuse a request with their own
 * response, and the extension sees the cluster through the herder.
 */
class RestExtensionsApiTest {
    private static final String TOKEN = "t0k3n";

    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension()
            .restExtensions("TokenGuardRestExtension")
            .worker("test.rest.token", TOKEN);

    @BeforeEach
    void forgetRequests() {
        TokenGuardRestExtension.SEEN.clear();
    }

    private Reply withToken(String method, String path, String body) {
        return rest.http().send(method, path, body, body == null ? null : "application/json", null, "X-Token", TOKEN);
    }

    @Test
    void shouldAnswerWithTheResponseARequestFilterAbortsWithAndNotRunTheRoute() {
        Reply refused = rest.http().post("/connectors", createBody("orders-sink", sinkConfig()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(refused.header("X-Refused")).contains("token");
        assertThat(refused.header("X-Guarded")).as("response filters see an aborted request's response").contains("yes");
        assertThat(refused.json().path("refused").asText()).isEqualTo("connectors");
        assertThat(rest.herder().connectors().join()).as("the route did not run").isEmpty();
    }

    @Test
    void shouldAnswerUnknownPathsAndMethodsBeforeAnyFilterRunsAsJaxRsDoes() {
        assertThat(rest.http().get("/no-such-path").status()).isEqualTo(404);
        assertThat(rest.http().delete("/connectors").status()).isEqualTo(405);
        assertThat(TokenGuardRestExtension.SEEN).isEmpty();
    }

    @Test
    void shouldRunTheRouteAndTheResponseFiltersWhenNoFilterAborts() {
        Reply created = withToken("POST", "/connectors", createBody("orders-sink", sinkConfig()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Guarded")).contains("yes");
        assertThat(created.json().path("name").asText()).isEqualTo("orders-sink");
        assertThat(withToken("GET", "/connectors", null).body()).isEqualTo("[\"orders-sink\"]");
    }

    @Test
    void shouldRunRequestFiltersByPriorityWhateverTheirRegistrationOrder() {
        withToken("GET", "/connectors/orders-sink/status", null);

        assertThat(TokenGuardRestExtension.SEEN).containsExactly("GET connectors/orders-sink/status", "guard");
    }

    @Test
    void shouldGiveTheExtensionTheClusterAsTheHerderSeesIt() {
        withToken("POST", "/connectors", createBody("orders-sink", sinkConfig()));
        ConnectClusterState cluster = TokenGuardRestExtension.CLUSTER.get();

        assertThat(cluster.connectors()).containsExactly("orders-sink");
        ConnectorHealth health = cluster.connectorHealth("orders-sink");
        assertThat(health.name()).isEqualTo("orders-sink");
        assertThat(health.type()).isEqualTo(ConnectorType.SINK);
        assertThat(health.connectorState().state()).isEqualTo("RUNNING");
        assertThat(health.connectorState().workerId()).isEqualTo(InMemoryHerder.WORKER_ID);
        assertThat(health.tasksState()).containsOnlyKeys(0, 1);
        assertThat(health.tasksState().get(1).taskId()).isEqualTo(1);
        assertThat(health.tasksState().get(1).state()).isEqualTo("RUNNING");
        assertThat(cluster.connectorConfig("orders-sink")).containsEntry("topics", sinkConfig().get("topics"));
        assertThat(cluster.clusterDetails().kafkaClusterId()).isEqualTo("test-cluster");
    }

    @Test
    void shouldCloseTheExtensionsWithTheServer() {
        assertThat(TokenGuardRestExtension.CLOSED.get()).isFalse();
        rest.server().close();

        assertThat(TokenGuardRestExtension.CLOSED.get()).isTrue();
    }

    @Test
    void shouldRefuseAnExtensionThatIsNotInstalledNamingTheSetting() {
        WorkerConfig worker = RestServerExtension.workerConfig(Map.of(WorkerConfig.REST_EXTENSION_CLASSES, "com.example.NoSuchExtension"));

        assertThatThrownBy(() -> RestExtensions.load(worker, rest.plugins(), rest.herder(), Duration.ofSeconds(1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(WorkerConfig.REST_EXTENSION_CLASSES)
                .hasMessageContaining("com.example.NoSuchExtension");
    }
}
