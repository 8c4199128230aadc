package io.ferry.serde.connect.protobuf;

import java.util.Map;

/** The choices of {@link ProtobufDataConfig}, as an immutable value; see there for each one. */
public record ProtobufDataOptions(boolean enhancedSchemaSupport, boolean scrubInvalidNames, boolean intForEnums,
                                  boolean optionalForNullables, boolean wrapperForNullables, boolean generateStructForNulls,
                                  boolean generateIndexForUnions, int cacheSize) {
    /** Confluent's defaults. */
    public static ProtobufDataOptions defaults() {
        return new ProtobufDataConfig(Map.of()).options();
    }
}
