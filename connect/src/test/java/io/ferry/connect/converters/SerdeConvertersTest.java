package io.ferry.connect.converters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.BooleanSerializer;
import org.apache.kafka.common.serialization.DoubleSerializer;
import org.apache.kafka.common.serialization.FloatSerializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.ShortSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The converters that write what a {@code kafka-clients} serializer writes: one table of types, one runner
 * per behaviour. Bytes are checked against the serializer itself, messages against Apache Kafka Connect's.
 */
class SerdeConvertersTest {
    private static final String TOPIC = "topic";

    /**
     * One converter: how to make it, the serializer whose bytes it must write, values to round-trip, the
     * schema it reads with, the name its messages use, a value of a wrong type and bytes of a wrong length.
     */
    record Case(String typeName, Supplier<SerdeConverter<?>> converter, Serializer<Object> serializer, List<Object> samples,
            Schema schema, Object wrongValue, byte[] wrongBytes) {

        @Override
        public String toString() {
            return typeName;
        }
    }

    @SuppressWarnings("unchecked")
    private static Serializer<Object> untyped(Serializer<?> serializer) {
        return (Serializer<Object>) serializer;
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("short", ShortConverter::new, untyped(new ShortSerializer()),
                        List.of((short) 0, (short) 1, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE),
                        Schema.OPTIONAL_INT16_SCHEMA, 7, new byte[] {1, 2, 3}),
                new Case("integer", IntegerConverter::new, untyped(new IntegerSerializer()),
                        List.of(0, 1, -1, 123_456_789, Integer.MIN_VALUE, Integer.MAX_VALUE),
                        Schema.OPTIONAL_INT32_SCHEMA, 7L, new byte[] {1, 2}),
                new Case("long", LongConverter::new, untyped(new LongSerializer()),
                        List.of(0L, 1L, -1L, 1_700_000_000_000L, Long.MIN_VALUE, Long.MAX_VALUE),
                        Schema.OPTIONAL_INT64_SCHEMA, 7, new byte[] {1, 2, 3, 4}),
                new Case("float", FloatConverter::new, untyped(new FloatSerializer()),
                        List.of(0f, -0f, 1.5f, -3.25e10f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY),
                        Schema.OPTIONAL_FLOAT32_SCHEMA, 1.5d, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                new Case("double", DoubleConverter::new, untyped(new DoubleSerializer()),
                        List.of(0d, -0d, 2.5d, Math.PI, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY),
                        Schema.OPTIONAL_FLOAT64_SCHEMA, 2.5f, new byte[] {1, 2, 3, 4}),
                new Case("boolean", BooleanConverter::new, untyped(new BooleanSerializer()),
                        List.of(true, false),
                        Schema.OPTIONAL_BOOLEAN_SCHEMA, "true", new byte[] {1, 0}));
    }

    static Stream<Arguments> samples() {
        return cases().flatMap(c -> c.samples().stream().map(sample -> Arguments.of(c, sample)));
    }

    private static SerdeConverter<?> configured(Case c, boolean isKey) {
        SerdeConverter<?> converter = c.converter().get();
        converter.configure(Map.of(), isKey);
        return converter;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void shouldWriteTheSerializersBytesAndReadTheValueBackWithTheOptionalSchema(Case c, Object sample) {
        SerdeConverter<?> converter = configured(c, false);

        byte[] written = converter.fromConnectData(TOPIC, c.schema(), sample);

        assertThat(written).isEqualTo(c.serializer().serialize(TOPIC, sample));
        assertThat(converter.toConnectData(TOPIC, written)).isEqualTo(new SchemaAndValue(c.schema(), sample));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void shouldConvertHeaderValuesAsValues(Case c, Object sample) {
        SerdeConverter<?> converter = c.converter().get();
        converter.configure(Map.of(ConverterConfig.TYPE_CONFIG, "header"));

        byte[] written = converter.fromConnectHeader(TOPIC, "h", null, sample);

        assertThat(written).isEqualTo(c.serializer().serialize(TOPIC, sample));
        assertThat(converter.toConnectHeader(TOPIC, "h", written)).isEqualTo(new SchemaAndValue(c.schema(), sample));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldWriteTheSameBytesForKeysAndWithoutASchema(Case c) {
        Object sample = c.samples().get(1);

        assertThat(configured(c, true).fromConnectData(TOPIC, null, sample)).isEqualTo(c.serializer().serialize(TOPIC, sample));
    }

    static Stream<Case> numberCases() {
        return cases().filter(c -> !c.typeName().equals("boolean"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numberCases")
    void shouldWriteANumberWhateverSchemaItComesWithAsApachesNumberConvertersDo(Case c) {
        Object sample = c.samples().get(2);

        assertThat(configured(c, false).fromConnectData(TOPIC, Schema.STRING_SCHEMA, sample))
                .isEqualTo(c.serializer().serialize(TOPIC, sample));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldKeepNullAsNullBothWays(Case c) {
        SerdeConverter<?> converter = configured(c, false);

        assertThat(converter.fromConnectData(TOPIC, c.schema(), null)).isNull();
        assertThat(converter.fromConnectHeader(TOPIC, "h", null, null)).isNull();
        assertThat(converter.toConnectData(TOPIC, null)).isEqualTo(new SchemaAndValue(c.schema(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRefuseAValueOfAnotherJavaTypeAsBadData(Case c) {
        SerdeConverter<?> converter = configured(c, false);
        String expected = c.typeName().equals("boolean")
                ? "BooleanConverter is not compatible with objects of type " + c.wrongValue().getClass()
                : "Failed to serialize to " + c.typeName() + " (was " + c.wrongValue().getClass() + "): ";

        assertThatThrownBy(() -> converter.fromConnectData(TOPIC, null, c.wrongValue()))
                .isInstanceOf(DataException.class).hasMessage(expected);
        assertThatThrownBy(() -> converter.fromConnectHeader(TOPIC, "h", null, c.wrongValue()))
                .isInstanceOf(DataException.class).hasMessage(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRefuseBytesOfTheWrongLengthAsBadData(Case c) {
        SerdeConverter<?> converter = configured(c, false);

        assertThatThrownBy(() -> converter.toConnectData(TOPIC, c.wrongBytes()))
                .isInstanceOf(DataException.class)
                .hasMessage("Failed to deserialize " + c.typeName() + ": ")
                .hasCauseInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> converter.toConnectHeader(TOPIC, "h", c.wrongBytes()))
                .isInstanceOf(DataException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldDeclareOnlyTheConverterTypeAndRequireItOfAHeaderConverter(Case c) {
        SerdeConverter<?> converter = c.converter().get();

        assertThat(converter.config().names()).containsExactly(ConverterConfig.TYPE_CONFIG);
        assertThatThrownBy(() -> converter.configure(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining(ConverterConfig.TYPE_CONFIG);
        assertThatThrownBy(() -> converter.configure(Map.of(ConverterConfig.TYPE_CONFIG, "both")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("both");
        assertThat(converter.version()).isEqualTo(AppInfoParser.getVersion());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldCloseWithoutFailingAndTwice(Case c) {
        SerdeConverter<?> converter = configured(c, true);

        converter.close();
        converter.close();

        assertThat(converter.toConnectData(TOPIC, null).value()).isNull();
    }
}
