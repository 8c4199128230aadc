package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector pipeline through the schema registry in Protobuf: Apache's FileStream source, an SMT that
 * makes each line a struct, Ferry's ProtobufConverter registering the struct's message and writing
 * {@code 0 | id | message indexes | Protobuf} to the topic — and back out through the same converter, an
 * SMT and the FileStream sink. Nothing in the pipeline is test code.
 */
class ProtobufPipelineIT {
    private static final int LINES = 5_000;

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldCarryStructsThroughTheRegistryAsProtobufAndBackUnchanged(FerryCluster cluster) throws Exception {
        var result = FileStreamConverterPipeline.run(cluster, dir, cluster.uniqueTopicName("proto-lines"),
                "io.ferry.serde.connect.protobuf.ProtobufConverter", LINES);

        var payloads = result.assertCarriedUnchanged("PROTOBUF");
        assertThat(result.latest().path("schema").asText()).contains("message ConnectDefault1 {").contains("string line = 1;");
        assertThat(payloads).allSatisfy(payload -> assertThat(payload[0]).as("message indexes [0]").isZero());
    }
}
