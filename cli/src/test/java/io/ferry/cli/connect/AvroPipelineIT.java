package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector pipeline through the schema registry: Apache's FileStream source, an SMT that makes
 * each line a struct, Ferry's AvroConverter registering the struct's schema and writing
 * {@code 0 | id | Avro} to the topic — and back out through the same converter, an SMT and the
 * FileStream sink. Nothing in the pipeline is test code.
 */
class AvroPipelineIT {
    private static final int LINES = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldCarryStructsThroughTheRegistryAndBackUnchanged(FerryCluster cluster) throws Exception {
        var result = FileStreamConverterPipeline.run(cluster, dir, cluster.uniqueTopicName("avro-lines"),
                "io.ferry.serde.connect.AvroConverter", LINES);

        result.assertCarriedUnchanged("AVRO");
        JsonNode schema = JSON.readTree(result.latest().path("schema").asText());
        assertThat(schema.path("type").asText()).isEqualTo("record");
        assertThat(schema.path("fields").get(0).path("name").asText()).isEqualTo("line");
    }
}
