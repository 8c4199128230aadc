package io.ferry.bench.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.ferry.registry.server.RegistryServer;
import io.ferry.serde.avro.KafkaAvroDeserializer;
import io.ferry.serde.avro.KafkaAvroSerializer;
import io.ferry.serde.connect.AvroData;
import io.ferry.serde.connect.AvroDataOptions;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
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
 * Time per record of Ferry's Kafka serializer and deserializer (warm caches, a real registry behind them)
 * against plain Avro binary encoding and decoding of the same record with reused encoders and decoders.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AvroSerdeBenchmark {
    private static final String TOPIC = "orders";

    private RegistryServer registry;
    private GenericRecord record;
    private GenericDatumWriter<GenericRecord> plainWriter;
    private GenericDatumReader<GenericRecord> plainReader;
    private ByteArrayOutputStream plainOut;
    private BinaryEncoder plainEncoder;
    private BinaryDecoder plainDecoder;
    private byte[] plainBytes;
    private KafkaAvroSerializer serializer;
    private KafkaAvroDeserializer deserializer;
    private byte[] framedBytes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        registry = BenchRecords.startRegistry();
        record = BenchRecords.avroOrder(new AvroData(AvroDataOptions.defaults()), 42);
        plainWriter = new GenericDatumWriter<>(record.getSchema());
        plainReader = new GenericDatumReader<>(record.getSchema());
        plainOut = new ByteArrayOutputStream();
        plainBytes = plainEncode();
        serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", registry.url()), false);
        deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", registry.url()), false);
        framedBytes = serializer.serialize(TOPIC, record);
        deserializer.deserialize(TOPIC, framedBytes);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        serializer.close();
        deserializer.close();
        registry.close();
    }

    @Benchmark
    public byte[] plainAvroEncode() throws IOException {
        return plainEncode();
    }

    private byte[] plainEncode() throws IOException {
        plainOut.reset();
        plainEncoder = EncoderFactory.get().binaryEncoder(plainOut, plainEncoder);
        plainWriter.write(record, plainEncoder);
        plainEncoder.flush();
        return plainOut.toByteArray();
    }

    @Benchmark
    public byte[] ferrySerialize() {
        return serializer.serialize(TOPIC, record);
    }

    @Benchmark
    public GenericRecord plainAvroDecode() throws IOException {
        plainDecoder = DecoderFactory.get().binaryDecoder(plainBytes, plainDecoder);
        return plainReader.read(null, plainDecoder);
    }

    @Benchmark
    public Object ferryDeserialize() {
        return deserializer.deserialize(TOPIC, framedBytes);
    }
}
