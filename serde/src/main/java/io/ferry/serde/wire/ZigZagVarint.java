package io.ferry.serde.wire;

import java.io.ByteArrayOutputStream;

/** Signed 32-bit integers as zig-zag varints (Protobuf's {@code sint32}, Kafka's {@code ByteUtils.writeVarint}). */
final class ZigZagVarint {
    private ZigZagVarint() {
    }

    static void write(int value, ByteArrayOutputStream out) {
        int v = (value << 1) ^ (value >> 31);
        while ((v & 0xffffff80) != 0) {
            out.write((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    /** Reads at {@code position[0]} and advances it. */
    static int read(byte[] bytes, int[] position) {
        int value = 0;
        int shift = 0;
        while (true) {
            if (position[0] >= bytes.length) {
                throw new InvalidWireFormatException("payload ends inside a varint at byte " + position[0]);
            }
            int b = bytes[position[0]++] & 0xff;
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
            if (shift > 28) {
                throw new InvalidWireFormatException("varint longer than 5 bytes at byte " + (position[0] - 1));
            }
        }
        return (value >>> 1) ^ -(value & 1);
    }
}
