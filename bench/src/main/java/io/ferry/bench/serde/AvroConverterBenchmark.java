package io.ferry.bench.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.ferry.registry.server.RegistryServer;
import io.ferry.serde.connect.AvroConverter;
import io.ferry.serde.connect.AvroData;
import io.ferry.serde.connect.AvroDataOptions;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
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
 * Time per record of a Connect round trip through Ferry's AvroConverter (Connect data → bytes → Connect
 * data, warm caches, a real registry behind it) against plain Avro binary encoding and decoding of the
 * equivalent GenericRecord.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AvroConverterBenchmark {
    private static final String TOPIC = "orders";

    private RegistryServer registry;
    private Struct struct;
    private GenericRecord record;
    private GenericDatumWriter<GenericRecord> plainWriter;
    private GenericDatumReader<GenericRecord> plainReader;
    private ByteArrayOutputStream plainOut;
    private BinaryEncoder plainEncoder;
    private BinaryDecoder plainDecoder;
    private AvroConverter converter;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        registry = BenchRecords.startRegistry();
        struct = BenchRecords.order(42);
        record = BenchRecords.avroOrder(new AvroData(AvroDataOptions.defaults()), 42);
        plainWriter = new GenericDatumWriter<>(record.getSchema());
        plainReader = new GenericDatumReader<>(record.getSchema());
        plainOut = new ByteArrayOutputStream();
        converter = new AvroConverter();
        converter.configure(Map.of("schema.registry.url", registry.url()), false);
        converterRoundTrip();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        converter.close();
        registry.close();
    }

    @Benchmark
    public GenericRecord plainAvroRoundTrip() throws IOException {
        plainOut.reset();
        plainEncoder = EncoderFactory.get().binaryEncoder(plainOut, plainEncoder);
        plainWriter.write(record, plainEncoder);
        plainEncoder.flush();
        plainDecoder = DecoderFactory.get().binaryDecoder(plainOut.toByteArray(), plainDecoder);
        return plainReader.read(null, plainDecoder);
    }

    @Benchmark
    public SchemaAndValue converterRoundTrip() {
        return converter.toConnectData(TOPIC, converter.fromConnectData(TOPIC, BenchRecords.ORDER, struct));
    }
}
