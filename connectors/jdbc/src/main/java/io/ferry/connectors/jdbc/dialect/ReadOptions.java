package io.ferry.connectors.jdbc.dialect;

import java.time.ZoneId;

/**
 * Settings of the SQL-to-Connect mapping.
 *
 * @param timeZone       the zone in which the database's zoneless date/time values are read ({@code db.timezone})
 * @param numericMapping how NUMERIC/DECIMAL columns map ({@code numeric.mapping})
 */
public record ReadOptions(ZoneId timeZone, NumericMapping numericMapping) {

    /** Confluent's {@code numeric.mapping} values. */
    public enum NumericMapping {
        /** Always Connect's Decimal. */
        NONE,
        /** INT8 to INT64 for a NUMERIC of scale 0 and precision 1 to 18; Decimal otherwise. */
        PRECISION_ONLY,
        /** As precision_only, and FLOAT64 for precision 1 to 18 with a positive scale; Decimal otherwise. */
        BEST_FIT,
        /** As best_fit for integers; FLOAT64 for any positive scale, and for NUMERIC without a declared precision. */
        BEST_FIT_EAGER_DOUBLE;

        /**
         * The mapping of a {@code numeric.mapping} config value ({@code none}, {@code precision_only},
         * {@code best_fit}, {@code best_fit_eager_double}; any case).
         *
         * @throws IllegalArgumentException naming the accepted values
         */
        public static NumericMapping of(String configValue) {
            for (NumericMapping mapping : values()) {
                if (mapping.name().equalsIgnoreCase(configValue == null ? "" : configValue.strip())) {
                    return mapping;
                }
            }
            throw new IllegalArgumentException("numeric.mapping must be one of none, precision_only, best_fit, "
                    + "best_fit_eager_double; not " + configValue);
        }
    }
}
