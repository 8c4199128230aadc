package io.ferry.serde.wire;

import org.apache.kafka.common.errors.SerializationException;

/** Bytes that are not a framed payload: no magic byte, too short for a header, bad message indexes. */
public class InvalidWireFormatException extends SerializationException {
    public InvalidWireFormatException(String message) {
        super(message);
    }
}
