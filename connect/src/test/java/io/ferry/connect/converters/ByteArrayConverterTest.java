package io.ferry.connect.converters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bytes pass through unchanged; anything that is not bytes is bad data. */
class ByteArrayConverterTest {
    private static final byte[] BYTES = {0, 1, 2, (byte) 0xff, 42};

    private final ByteArrayConverter converter = new ByteArrayConverter();

    @Test
    void shouldPassTheSameArrayThroughBothWays() {
        converter.configure(Map.of(), true);

        assertThat(converter.fromConnectData("t", Schema.BYTES_SCHEMA, BYTES)).isSameAs(BYTES);
        assertThat(converter.fromConnectData("t", null, BYTES)).isSameAs(BYTES);
        SchemaAndValue read = converter.toConnectData("t", BYTES);
        assertThat(read.schema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
        assertThat(read.value()).isSameAs(BYTES);
    }

    @Test
    void shouldKeepNullAsNullBothWays() {
        assertThat(converter.fromConnectData("t", Schema.OPTIONAL_BYTES_SCHEMA, null)).isNull();
        assertThat(converter.toConnectData("t", null)).isEqualTo(new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, null));
    }

    static Stream<Arguments> buffers() {
        return Stream.of(
                Arguments.of("heap", ByteBuffer.wrap(BYTES), BYTES),
                Arguments.of("read to its end", ByteBuffer.wrap(BYTES).position(BYTES.length), BYTES),
                Arguments.of("half read", ByteBuffer.wrap(BYTES).position(2), BYTES),
                Arguments.of("limited", ByteBuffer.wrap(BYTES).limit(3), new byte[] {0, 1, 2}),
                Arguments.of("direct", ByteBuffer.allocateDirect(BYTES.length).put(BYTES), BYTES),
                Arguments.of("empty", ByteBuffer.allocate(0), new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buffers")
    void shouldWriteABufferFromItsStartToItsLimit(String kind, ByteBuffer buffer, byte[] expected) {
        assertThat(converter.fromConnectData("t", Schema.BYTES_SCHEMA, buffer)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = Schema.Type.class, names = "BYTES", mode = EnumSource.Mode.EXCLUDE)
    void shouldRefuseASchemaOfAnotherTypeNamingIt(Schema.Type type) {
        Schema schema = new SchemaBuilder(type).build();

        assertThatThrownBy(() -> converter.fromConnectData("t", schema, BYTES))
                .isInstanceOf(DataException.class)
                .hasMessage("Invalid schema type for ByteArrayConverter: " + type);
    }

    static Stream<Object> notBytes() {
        return Stream.of("text", 42, 42L, true, new int[] {1}, new Byte[] {1}, Map.of());
    }

    @ParameterizedTest
    @MethodSource("notBytes")
    void shouldRefuseAValueThatIsNotBytesNamingItsClass(Object value) {
        String expected = "ByteArrayConverter is not compatible with objects of type " + value.getClass();

        assertThatThrownBy(() -> converter.fromConnectData("t", null, value))
                .isInstanceOf(DataException.class).hasMessage(expected);
        assertThatThrownBy(() -> converter.fromConnectHeader("t", "h", null, value))
                .isInstanceOf(DataException.class).hasMessage(expected);
    }

    @Test
    void shouldConvertHeaderValuesAsValues() {
        converter.configure(Map.of(ConverterConfig.TYPE_CONFIG, "header"));

        assertThat(converter.fromConnectHeader("t", "h", Schema.OPTIONAL_BYTES_SCHEMA, BYTES)).isSameAs(BYTES);
        assertThat(converter.toConnectHeader("t", "h", BYTES)).isEqualTo(new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, BYTES));
    }

    @Test
    void shouldDeclareTheConverterTypeAndNeedNoSetting() {
        converter.configure(Map.of());

        assertThat(converter.config().names()).containsExactly(ConverterConfig.TYPE_CONFIG);
        assertThat(converter.version()).isEqualTo(AppInfoParser.getVersion());
    }
}
