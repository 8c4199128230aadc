package io.ferry.registry.api;

import static io.ferry.registry.api.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a follower answers when it cannot hand a write to a leader: 50004 with none, 50003 when it cannot reach it. */
class ForwardingErrorsIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    private RegistryServerConfig node(FerryCluster cluster, String topic, String group, boolean eligible, String advertised) throws Exception {
        RegistryServerConfig.KafkaBackend backend = new RegistryServerConfig.KafkaBackend(cluster.clientConfig(), topic, group, (short) 1,
                eligible, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(5));
        return RegistryServerConfig.local("127.0.0.1", 0, Files.createTempDirectory(dir, "node")).withBackend(backend).withAdvertisedUrl(advertised);
    }

    @Test
    void shouldAnswer50004WhenNoNodeMayLead(FerryCluster cluster) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (RegistryServer follower = RegistryServer.start(node(cluster, "_schemas-" + suffix, "g-" + suffix, false, null), "test")) {
            RegistryHttp api = new RegistryHttp(follower.url());
            RegistryHttp.Reply register = api.post("/subjects/s/versions", schemaBody("\"int\""));
            assertThat(register.status()).isEqualTo(500);
            assertThat(register.errorCode()).isEqualTo(50004);
            assertThat(register.message()).isEqualTo("Leader not known.");
            RegistryHttp.Reply config = api.put("/config/s", "{\"compatibility\":\"NONE\"}");
            assertThat(config.errorCode()).isEqualTo(50004);
            assertThat(config.message()).isEqualTo("Failed to update compatibility level");
            assertThat(api.get("/subjects").status()).as("reads are served").isEqualTo(200);
            assertThat(api.get("/health").json().path("details").path("leader").isNull()).isTrue();
        }
    }

    @Test
    void shouldAnswer50003WhenTheLeaderCannotBeReached(FerryCluster cluster) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String topic = "_schemas-" + suffix;
        String group = "g-" + suffix;
        // The leader tells the others a URL where nothing listens.
        try (RegistryServer leader = RegistryServer.start(node(cluster, topic, group, true, "http://127.0.0.1:9"), "test");
             RegistryServer follower = RegistryServer.start(node(cluster, topic, group, false, null), "test")) {
            RegistryHttp api = new RegistryHttp(follower.url());
            RegistryHttp.Reply register = api.post("/subjects/s/versions", schemaBody("\"int\""));
            assertThat(register.status()).isEqualTo(500);
            assertThat(register.errorCode()).isEqualTo(50003);
            assertThat(register.message()).isEqualTo("Error while forwarding register schema request to the leader");
            assertThat(new RegistryHttp(leader.url()).post("/subjects/s/versions", schemaBody("\"int\"")).status())
                    .as("the leader itself writes").isEqualTo(200);
        }
    }
}
