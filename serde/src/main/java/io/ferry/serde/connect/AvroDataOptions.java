package io.ferry.serde.connect;

/** The settings of {@link AvroDataConfig}, as an immutable value. */
public record AvroDataOptions(boolean connectMetaData, boolean enhancedSchemaSupport, boolean scrubInvalidNames,
                              boolean allowOptionalMapKeys, boolean flattenSingletonUnion, boolean ignoreDefaultForNullables,
                              int cacheSize) {

    public static AvroDataOptions defaults() {
        return AvroDataConfig.defaults().options();
    }
}
