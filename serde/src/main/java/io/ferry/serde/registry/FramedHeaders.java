package io.ferry.serde.registry;

import io.ferry.serde.wire.InvalidWireFormatException;
import io.ferry.serde.wire.WireFormat;
import io.ferry.serde.wire.WireHeader;

/** Reads the wire header of a record's bytes, naming the record when they are not framed. */
public final class FramedHeaders {
    private FramedHeaders() {
    }

    /**
     * @throws InvalidWireFormatException naming topic and key/value: no magic byte, too short for a header
     */
    public static WireHeader read(String topic, boolean isKey, byte[] framed) {
        try {
            return WireFormat.readHeader(framed);
        } catch (InvalidWireFormatException e) {
            throw new InvalidWireFormatException("Cannot deserialize " + RecordSide.describe(topic, isKey) + ": " + e.getMessage());
        }
    }
}
