package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector pipeline through the schema registry with JSON Schema: Apache's FileStream source, an SMT that
 * makes each line a struct, Ferry's JsonSchemaConverter registering the struct's JSON Schema and writing
 * {@code 0 | id | JSON} to the topic — and back out through the same converter, an SMT and the FileStream
 * sink. Nothing in the pipeline is test code.
 */
class JsonSchemaPipelineIT {
    private static final int LINES = 5_000;

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldCarryStructsThroughTheRegistryAndBackUnchanged(FerryCluster cluster) throws Exception {
        var result = FileStreamConverterPipeline.run(cluster, dir, cluster.uniqueTopicName("json-lines"),
                "io.ferry.serde.connect.json.JsonSchemaConverter", LINES);

        List<byte[]> payloads = result.assertCarriedUnchanged("JSON");
        assertThat(result.latest().path("schema").asText())
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"line\":{\"type\":\"string\",\"connect.index\":0}}}");
        for (int i = 0; i < LINES; i++) {
            assertThat(new String(payloads.get(i), StandardCharsets.UTF_8)).isEqualTo("{\"line\":\"" + result.input().get(i) + "\"}");
        }
    }
}
