package io.ferry.bench.serde;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.ferry.registry.server.RegistryServer;
import io.ferry.serde.connect.AvroConverter;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Records per second through a converter round trip (Connect data → bytes → Connect data) of the same
 * records: Apache's JsonConverter with the schema in every message ({@code schemas.enable=true}) against
 * Ferry's AvroConverter with a registry id. {@link MessageSizes} prints the bytes per message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonVersusAvroBenchmark {
    private static final String TOPIC = "orders";

    private RegistryServer registry;
    private Struct struct;
    private Converter json;
    private Converter avro;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        registry = BenchRecords.startRegistry();
        struct = BenchRecords.order(42);
        json = jsonConverter();
        avro = avroConverter(registry.url());
        jsonRoundTrip();
        avroRoundTrip();
    }

    static Converter jsonConverter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);
        return converter;
    }

    static Converter avroConverter(String registryUrl) {
        AvroConverter converter = new AvroConverter();
        converter.configure(Map.of("schema.registry.url", registryUrl), false);
        return converter;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        json.close();
        avro.close();
        registry.close();
    }

    @Benchmark
    public SchemaAndValue jsonRoundTrip() {
        return json.toConnectData(TOPIC, json.fromConnectData(TOPIC, BenchRecords.ORDER, struct));
    }

    @Benchmark
    public SchemaAndValue avroRoundTrip() {
        return avro.toConnectData(TOPIC, avro.fromConnectData(TOPIC, BenchRecords.ORDER, struct));
    }
}
