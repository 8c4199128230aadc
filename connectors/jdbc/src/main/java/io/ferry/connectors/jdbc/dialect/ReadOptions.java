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
        /** Integer and floating types for NUMERIC with a precision only, as {@code precision_only}. */
        PRECISION_ONLY,
        /** The narrowest primitive that holds the declared precision and scale, Decimal otherwise. */
        BEST_FIT,
        /** As best_fit, and NUMERIC without precision or scale as float64. */
        BEST_FIT_EAGER_DOUBLE
    }
}
