package io.ferry.serde.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Message indexes as Confluent's Protobuf serializer writes them: zig-zag varints, [0] as a single 0x00. */
class MessageIndexesTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(List.of(0), "00"),
                Arguments.of(List.of(1), "0202"),
                Arguments.of(List.of(0, 1), "040002"),
                Arguments.of(List.of(2, 3, 4), "06040608"),
                Arguments.of(List.of(300), "02d804"),
                Arguments.of(List.of(0, 0), "040000"));
    }

    @ParameterizedTest(name = "{0} is written as {1}")
    @MethodSource("vectors")
    void shouldEncodeAsConfluentDoes(List<Integer> indexes, String hex) {
        assertThat(HEX.formatHex(new MessageIndexes(indexes).toBytes())).isEqualTo(hex);
    }

    @ParameterizedTest(name = "{1} is read as {0}")
    @MethodSource("vectors")
    void shouldReadWhatItWritesAndFindThePayloadAfterIt(List<Integer> indexes, String hex) {
        byte[] framed = HEX.parseHex("0000000005" + hex + "ff");
        MessageIndexes.Read read = MessageIndexes.read(framed, WireFormat.HEADER_SIZE);
        assertThat(read.indexes().indexes()).isEqualTo(indexes);
        assertThat(framed[read.nextOffset()]).isEqualTo((byte) 0xff);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void shouldRefuseTruncatedIndexes(String hex, String message) {
        assertThatThrownBy(() -> MessageIndexes.read(HEX.parseHex(hex), 0))
                .isInstanceOf(InvalidWireFormatException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("", "payload ends inside a varint"),
                Arguments.of("80", "payload ends inside a varint"),
                Arguments.of("0602", "invalid message index count 3"),
                Arguments.of("ffffffffff01", "varint longer than 5 bytes"));
    }
}
