package io.ferry.connect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.Configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.plugins.TestArtifacts;
import io.ferry.connect.rest.ConnectHttp;
import io.ferry.connect.rest.ConnectHttp.Reply;
import io.ferry.connect.testplugins.TokenGuardRestExtension;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.connect.health.ConnectorHealth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache's own connect-basic-auth-extension jar, unchanged, on the {@code plugin.path} of a distributed
 * cluster of two workers, with its JAAS {@code KafkaConnect} login context and credentials file: requests
 * without the right credentials are refused as Apache refuses them; with them, a connector is created
 * through the worker that does not lead (the request and its credentials forwarded to the leader), and
 * its task configs reach the leader through the internal endpoint the extension lets through. A second
 * extension, from the classpath, sees the connector through its cluster state.
 */
class BasicAuthRestExtensionIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BASIC_AUTH = "org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension";
    private static final String JAAS_PROPERTY = "java.security.auth.login.config";
    private static final String REFUSED = "User cannot access the resource.";

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    static Path dir;

    private static String previousJaas;
    private static final List<AutoCloseable> workers = new ArrayList<>();
    private static ConnectHttp follower;

    @BeforeAll
    static void startSecuredCluster() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials.properties"), "ferry=s3cret\n");
        Path jaas = Files.writeString(dir.resolve("connect.jaas"), "KafkaConnect {\n"
                + "  org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required\n"
                + "  file=\"" + credentials.toAbsolutePath().toString().replace("\\", "\\\\") + "\";\n"
                + "};\n");
        // JAAS is configured for the whole JVM: set here only, read afresh, and restored after.
        previousJaas = System.getProperty(JAAS_PROPERTY);
        System.setProperty(JAAS_PROPERTY, jaas.toString());
        Configuration.setConfiguration(null);

        Path pluginPath = dir.resolve("plugins");
        Path location = Files.createDirectories(pluginPath.resolve("basic-auth"));
        Files.copy(TestArtifacts.basicAuthExtensionJar(), location.resolve(TestArtifacts.basicAuthExtensionJar().getFileName()));

        FerryCluster cluster = KAFKA.cluster();
        String group = cluster.uniqueTopicName("basic-auth");
        workers.add(DistributedConnect.start(secured(cluster, group, "leader", pluginPath), "test"));
        DistributedConnect second = DistributedConnect.start(secured(cluster, group, "follower", pluginPath), "test");
        workers.add(second);
        follower = new ConnectHttp(second.restUrl());
    }

    private static Map<String, String> secured(FerryCluster cluster, String group, String workerId, Path pluginPath) {
        Map<String, String> settings = WorkerFixture.distributedSettings(cluster, group, workerId);
        settings.put("plugin.path", pluginPath.toString());
        settings.put("rest.extension.classes", BASIC_AUTH + ",TokenGuardRestExtension");
        return settings;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (int i = workers.size() - 1; i >= 0; i--) {
            workers.get(i).close();
        }
        if (previousJaas == null) {
            System.clearProperty(JAAS_PROPERTY);
        } else {
            System.setProperty(JAAS_PROPERTY, previousJaas);
        }
        Configuration.setConfiguration(null);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Reply send(String method, String path, String body, String authorization) {
        return authorization == null
                ? follower.send(method, path, body, body == null ? null : "application/json", null)
                : follower.send(method, path, body, body == null ? null : "application/json", null, "Authorization", authorization);
    }

    @Test
    void shouldRefuseRequestsWithoutTheRightCredentialsAsApachesExtensionDoes() {
        Reply anonymous = send("GET", "/connectors", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo(REFUSED);

        Reply wrongPassword = send("GET", "/connectors", null, basic("ferry", "guess"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(REFUSED);

        Reply unknownUser = send("GET", "/", null, basic("mallory", "s3cret"));
        assertThat(unknownUser.status()).isEqualTo(401);

        Reply allowed = send("GET", "/", null, basic("ferry", "s3cret"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().path("kafka_cluster_id").asText()).isNotBlank();
    }

    @Test
    void shouldRunAConnectorCreatedWithCredentialsThroughTheWorkerThatDoesNotLead() {
        FerryCluster cluster = KAFKA.cluster();
        String topic = cluster.uniqueTopicName("secured");
        cluster.createTopic(topic, 1);
        String body = ConnectHttp.json(Map.of("name", "secured", "config", Map.of("connector.class", "SequenceSource",
                "tasks.max", "1", "topic", topic, "records.per.partition", "10")));
        String credentials = basic("ferry", "s3cret");

        assertThat(send("POST", "/connectors", body, null).status()).isEqualTo(401);
        Reply created = send("POST", "/connectors", body, credentials);
        assertThat(created.status()).as("%s", created).isEqualTo(201);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status = send("GET", "/connectors/secured/status", null, credentials).json();
            assertThat(status.path("connector").path("state").asText()).as("%s", status).isEqualTo("RUNNING");
            assertThat(status.path("tasks")).as("%s", status).hasSize(1);
            assertThat(status.path("tasks").get(0).path("state").asText()).as("%s", status).isEqualTo("RUNNING");
        });
        await().atMost(WAIT).until(() -> WorkerFixture.recordCount(cluster, topic) == 10);

        await().atMost(WAIT).untilAsserted(() -> {
            ConnectorHealth health = TokenGuardRestExtension.CLUSTER.get().connectorHealth("secured");
            assertThat(health.connectorState().state()).isEqualTo("RUNNING");
            assertThat(health.tasksState()).hasSize(1);
            assertThat(health.tasksState().get(0).state()).isEqualTo("RUNNING");
        });
        assertThat(TokenGuardRestExtension.CLUSTER.get().connectors()).contains("secured");
        assertThat(send("DELETE", "/connectors/secured", null, credentials).status()).isEqualTo(204);
    }
}
