package io.ferry.registry.compat.protobuf;

/** The two schemas compared: the one data was written with, and the one that reads it. */
enum ProtobufSide {
    WRITER, READER
}
