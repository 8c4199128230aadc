package io.ferry.serde.wire;

/**
 * The framing every registry-aware serializer writes before its payload: {@code 0x0}, then the schema id
 * as a 4-byte big-endian integer. Stateless and thread-safe.
 */
public final class WireFormat {
    /** The first byte of every framed payload. */
    public static final byte MAGIC_BYTE = 0x0;
    /** Bytes of the schema id. */
    public static final int ID_SIZE = 4;
    /** Bytes before the payload: the magic byte and the id. */
    public static final int HEADER_SIZE = 1 + ID_SIZE;

    private WireFormat() {
    }

    /** Writes the magic byte and the id at the start of {@code target}, which must hold at least {@link #HEADER_SIZE} bytes. */
    public static void writeHeader(byte[] target, int schemaId) {
        target[0] = MAGIC_BYTE;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    /** A new array of {@link #HEADER_SIZE} bytes: the header alone. */
    public static byte[] header(int schemaId) {
        byte[] header = new byte[HEADER_SIZE];
        writeHeader(header, schemaId);
        return header;
    }

    /**
     * Reads the header of a framed payload.
     *
     * @throws InvalidWireFormatException when the bytes are shorter than a header or do not start with the magic byte
     */
    public static WireHeader readHeader(byte[] framed) {
        if (framed.length == 0) {
            throw new InvalidWireFormatException("empty payload: expected the magic byte 0x0 and a 4-byte schema id");
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new InvalidWireFormatException(String.format(
                    "unknown magic byte 0x%02x: the payload was not written in the registry wire format (expected 0x00)", framed[0] & 0xff));
        }
        if (framed.length < HEADER_SIZE) {
            throw new InvalidWireFormatException("payload of " + framed.length
                    + " bytes is shorter than the 5-byte header (magic byte and schema id)");
        }
        int id = (framed[1] & 0xff) << 24 | (framed[2] & 0xff) << 16 | (framed[3] & 0xff) << 8 | framed[4] & 0xff;
        return new WireHeader(id, HEADER_SIZE);
    }
}
