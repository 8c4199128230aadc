package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
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

        assertThat(result.output()).isEqualTo(result.input());
        assertThat(result.latest().path("version").asInt()).isEqualTo(1);
        assertThat(result.latest().path("schemaType").asText()).isEqualTo("PROTOBUF");
        assertThat(result.latest().path("schema").asText()).contains("message ConnectDefault1 {").contains("string line = 1;");
        int id = result.latest().path("id").asInt();
        assertThat(result.raw()).hasSize(LINES).allSatisfy(record -> {
            ByteBuffer value = ByteBuffer.wrap(record.value());
            assertThat(value.get()).as("magic byte").isZero();
            assertThat(value.getInt()).as("schema id").isEqualTo(id);
            assertThat(value.get()).as("message indexes [0]").isZero();
        });
    }
}
