package io.ferry.serde.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The converter's fast path writes the bytes, and reads the data, of the generic path through Avro generic data. */
class ConnectBinaryCodecTest {
    private static final AvroData AVRO_DATA = new AvroData(AvroDataOptions.defaults());
    private static final ConnectBinaryWriter WRITER = new ConnectBinaryWriter(AvroDataOptions.defaults());
    private static final AvroBinaryReader READER = new AvroBinaryReader();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferry.serde.connect.ConnectCases#all")
    void shouldWriteTheBytesOfAvrosGenericWriter(String name, Schema schema, Object value) throws Exception {
        org.apache.avro.Schema avro = AVRO_DATA.fromConnectSchema(schema);
        assertThat(ConnectBinaryWriter.supports(schema)).isTrue();

        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(direct, null);
        WRITER.compile(schema, avro).write(value, encoder);
        encoder.flush();
        ByteArrayOutputStream generic = new ByteArrayOutputStream();
        encoder = EncoderFactory.get().binaryEncoder(generic, null);
        new GenericDatumWriter<>(avro).write(AVRO_DATA.fromConnectData(schema, avro, value), encoder);
        encoder.flush();

        assertThat(HexFormat.of().formatHex(direct.toByteArray())).isEqualTo(HexFormat.of().formatHex(generic.toByteArray()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferry.serde.connect.ConnectCases#all")
    void shouldReadTheDataOfAvrosGenericReader(String name, Schema schema, Object value) throws Exception {
        org.apache.avro.Schema avro = AVRO_DATA.fromConnectSchema(schema);
        assertThat(AvroBinaryReader.supports(avro)).isTrue();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<>(avro).write(AVRO_DATA.fromConnectData(schema, avro, value), encoder);
        encoder.flush();
        Schema connect = AVRO_DATA.toConnectSchema(avro, 1);

        Object direct = READER.read(connect, avro, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        Object generic = AVRO_DATA.toConnectValue(connect,
                new GenericDatumReader<>(avro).read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null)));

        assertThat(direct).isEqualTo(generic).isEqualTo(value);
    }
}
