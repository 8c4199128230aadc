package io.ferry.serde.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The path to a Protobuf message type inside its schema, written between the schema id and a Protobuf
 * payload: the index of a top-level message, then of each nested message down to the one serialized.
 *
 * <p>Encoded as Confluent's Protobuf serializer writes it: a count, then each index, every number as a
 * zig-zag varint; the common path {@code [0]} (the first top-level message) is shortened to the count 0,
 * a single byte {@code 0x00}. Immutable.
 *
 * @param indexes the path, outermost first; never empty
 */
public record MessageIndexes(List<Integer> indexes) {
    /** The first message of the schema. */
    public static final MessageIndexes FIRST = new MessageIndexes(List.of(0));

    public MessageIndexes {
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("a message path has at least one index");
        }
        indexes = List.copyOf(indexes);
    }

    public static MessageIndexes of(Integer... indexes) {
        return new MessageIndexes(List.of(indexes));
    }

    /** The encoded form. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (equals(FIRST)) {
            ZigZagVarint.write(0, out);
            return out.toByteArray();
        }
        ZigZagVarint.write(indexes.size(), out);
        for (int index : indexes) {
            ZigZagVarint.write(index, out);
        }
        return out.toByteArray();
    }

    /**
     * Reads message indexes starting at {@code offset}.
     *
     * @return the indexes and the offset just after them
     * @throws InvalidWireFormatException when the bytes end inside the indexes or the count is implausible
     */
    public static Read read(byte[] bytes, int offset) {
        int[] position = {offset};
        int count = ZigZagVarint.read(bytes, position);
        if (count == 0) {
            return new Read(FIRST, position[0]);
        }
        if (count < 0 || count > bytes.length - position[0]) {
            throw new InvalidWireFormatException("invalid message index count " + count + " at byte " + offset);
        }
        List<Integer> indexes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indexes.add(ZigZagVarint.read(bytes, position));
        }
        return new Read(new MessageIndexes(indexes), position[0]);
    }

    /** Indexes read from bytes, and where the payload after them starts. */
    public record Read(MessageIndexes indexes, int nextOffset) {
    }
}
