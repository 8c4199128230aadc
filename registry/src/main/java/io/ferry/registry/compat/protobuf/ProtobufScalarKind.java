package io.ferry.registry.compat.protobuf;

import java.util.Map;
import java.util.Optional;

/**
 * The groups of scalar types whose values are written the same way on the wire, so a reader of one type in a
 * group reads data written as another (possibly truncated, as Protobuf's own rules for updating a message say).
 * An enum is written as a varint and belongs to {@link #GENERAL_NUMBER}.
 */
enum ProtobufScalarKind {
    GENERAL_NUMBER(true), SIGNED_NUMBER(true), FIXED32(true), FIXED64(true), FLOAT(true), DOUBLE(true),
    STRING_OR_BYTES(false);

    private static final Map<String, ProtobufScalarKind> BY_TYPE = Map.ofEntries(
            Map.entry("int32", GENERAL_NUMBER), Map.entry("int64", GENERAL_NUMBER),
            Map.entry("uint32", GENERAL_NUMBER), Map.entry("uint64", GENERAL_NUMBER),
            Map.entry("bool", GENERAL_NUMBER),
            Map.entry("sint32", SIGNED_NUMBER), Map.entry("sint64", SIGNED_NUMBER),
            Map.entry("fixed32", FIXED32), Map.entry("sfixed32", FIXED32),
            Map.entry("fixed64", FIXED64), Map.entry("sfixed64", FIXED64),
            Map.entry("float", FLOAT), Map.entry("double", DOUBLE),
            Map.entry("string", STRING_OR_BYTES), Map.entry("bytes", STRING_OR_BYTES));

    private final boolean numeric;

    ProtobufScalarKind(boolean numeric) {
        this.numeric = numeric;
    }

    /** A number, whose label may not change (packed and unpacked repeated numbers are written differently). */
    boolean numeric() {
        return numeric;
    }

    /** The group of a scalar type name ({@code int32}); empty for any other name. */
    static Optional<ProtobufScalarKind> of(String typeName) {
        return Optional.ofNullable(BY_TYPE.get(typeName));
    }
}
