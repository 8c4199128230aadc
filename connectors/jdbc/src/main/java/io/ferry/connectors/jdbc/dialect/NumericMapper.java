package io.ferry.connectors.jdbc.dialect;

import java.sql.Types;

import org.apache.kafka.connect.data.Schema;

import io.ferry.connectors.jdbc.dialect.ReadOptions.NumericMapping;

/**
 * {@code numeric.mapping}: which Connect type a NUMERIC or DECIMAL column of a given precision and scale
 * becomes. The rules are those of Confluent's JDBC source, applied to DECIMAL columns too (MariaDB reports
 * its DECIMAL columns as {@link Types#DECIMAL}, which would otherwise ignore the setting):
 * <ul>
 *   <li>{@code none}: Decimal with the column's scale.</li>
 *   <li>{@code precision_only}: scale 0 and precision 1..18 become INT8 (precision below 3), INT16 (below 5),
 *       INT32 (below 10) or INT64; anything else Decimal.</li>
 *   <li>{@code best_fit}: precision 1..18 with scale 0 as {@code precision_only}, precision 1..18 with a
 *       positive scale FLOAT64; anything else Decimal.</li>
 *   <li>{@code best_fit_eager_double}: scale 0 and precision 1..18 as integers, any positive scale FLOAT64
 *       whatever the precision, and a NUMERIC without a declared precision FLOAT64; anything else Decimal.</li>
 * </ul>
 * A precision of 0 means the column declares none (PostgreSQL's unconstrained NUMERIC).
 */
final class NumericMapper {
    /** The largest precision whose integers all fit in a Connect INT64. */
    static final int MAX_INTEGER_PRECISION = 18;

    private NumericMapper() {
    }

    static ColumnMapping mapping(ColumnDefinition column, NumericMapping mapping) {
        Schema.Type primitive = primitive(column.precision(), column.scale(), mapping);
        if (primitive == null) {
            return ColumnReaders.decimal(column, Math.max(column.scale(), 0));
        }
        return switch (primitive) {
            case INT8 -> ColumnReaders.int8(column);
            case INT16 -> ColumnReaders.int16(column);
            case INT32 -> ColumnReaders.int32(column);
            case INT64 -> ColumnReaders.int64(column);
            default -> ColumnReaders.float64(column);
        };
    }

    /** The primitive type the mapping gives a NUMERIC(precision, scale), or null for Decimal. */
    static Schema.Type primitive(int precision, int scale, NumericMapping mapping) {
        boolean integerFits = precision > 0 && precision <= MAX_INTEGER_PRECISION && scale == 0;
        return switch (mapping) {
            case NONE -> null;
            case PRECISION_ONLY -> integerFits ? integerType(precision) : null;
            case BEST_FIT -> integerFits ? integerType(precision)
                    : precision > 0 && precision <= MAX_INTEGER_PRECISION && scale > 0 ? Schema.Type.FLOAT64 : null;
            case BEST_FIT_EAGER_DOUBLE -> integerFits ? integerType(precision)
                    : scale > 0 || precision == 0 ? Schema.Type.FLOAT64 : null;
        };
    }

    private static Schema.Type integerType(int precision) {
        if (precision < 3) {
            return Schema.Type.INT8;
        }
        if (precision < 5) {
            return Schema.Type.INT16;
        }
        return precision < 10 ? Schema.Type.INT32 : Schema.Type.INT64;
    }
}
