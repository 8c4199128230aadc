package io.ferry.serde.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WireFormatTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of(1, "0000000001"),
                Arguments.of(42, "000000002a"),
                Arguments.of(256, "0000000100"),
                Arguments.of(0x01020304, "0001020304"),
                Arguments.of(Integer.MAX_VALUE, "007fffffff"));
    }

    @ParameterizedTest(name = "id {0} is framed as {1}")
    @MethodSource("headers")
    void shouldWriteMagicByteAndBigEndianId(int id, String hex) {
        assertThat(HEX.formatHex(WireFormat.header(id))).isEqualTo(hex);
        WireHeader header = WireFormat.readHeader(HEX.parseHex(hex + "0a0b"));
        assertThat(header.schemaId()).isEqualTo(id);
        assertThat(header.payloadOffset()).isEqualTo(5);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "empty payload"),
                Arguments.of("7b226e616d65223a", "unknown magic byte 0x7b"),
                Arguments.of("0100000001", "unknown magic byte 0x01"),
                Arguments.of("000000", "payload of 3 bytes is shorter than the 5-byte header"));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @MethodSource("invalid")
    void shouldRefuseBytesThatAreNotFramed(String hex, String message) {
        assertThatThrownBy(() -> WireFormat.readHeader(HEX.parseHex(hex)))
                .isInstanceOf(InvalidWireFormatException.class)
                .hasMessageContaining(message);
    }
}
