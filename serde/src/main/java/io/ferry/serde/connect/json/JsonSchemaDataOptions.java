package io.ferry.serde.connect.json;

import java.util.Map;

/**
 * The choices of {@link JsonSchemaDataConfig}, as an immutable value.
 *
 * @param additionalProperties   whether struct schemas allow undeclared properties
 * @param optionalForNonRequired whether properties not in {@code required} become optional fields
 * @param decimalFormat          how decimals are written
 * @param replaceNullWithDefault whether a null with a default is written and read as the default
 * @param cacheSize              how many converted schemas are remembered each way
 */
public record JsonSchemaDataOptions(boolean additionalProperties, boolean optionalForNonRequired,
                                    JsonSchemaDataConfig.DecimalFormat decimalFormat, boolean replaceNullWithDefault,
                                    int cacheSize) {

    /** Confluent's defaults. */
    public static JsonSchemaDataOptions defaults() {
        return new JsonSchemaDataConfig(Map.of()).options();
    }
}
