package io.ferry.connectors.jdbc.dialect;

import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ferry.connectors.jdbc.dialect.ReadOptions.NumericMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code numeric.mapping} rules as a table: mapping, precision, scale → Connect type (DECIMAL for Decimal). */
class NumericMapperTest {

    @ParameterizedTest(name = "{0} NUMERIC({1},{2}) -> {3}")
    @CsvSource({
            "NONE, 2, 0, DECIMAL", "NONE, 10, 2, DECIMAL",
            "PRECISION_ONLY, 1, 0, INT8", "PRECISION_ONLY, 2, 0, INT8", "PRECISION_ONLY, 3, 0, INT16",
            "PRECISION_ONLY, 4, 0, INT16", "PRECISION_ONLY, 5, 0, INT32", "PRECISION_ONLY, 9, 0, INT32",
            "PRECISION_ONLY, 10, 0, INT64", "PRECISION_ONLY, 18, 0, INT64", "PRECISION_ONLY, 19, 0, DECIMAL",
            "PRECISION_ONLY, 5, 2, DECIMAL", "PRECISION_ONLY, 0, 0, DECIMAL",
            "BEST_FIT, 4, 0, INT16", "BEST_FIT, 18, 0, INT64", "BEST_FIT, 5, 2, FLOAT64", "BEST_FIT, 18, 4, FLOAT64",
            "BEST_FIT, 19, 2, DECIMAL", "BEST_FIT, 19, 0, DECIMAL", "BEST_FIT, 0, 0, DECIMAL",
            "BEST_FIT_EAGER_DOUBLE, 9, 0, INT32", "BEST_FIT_EAGER_DOUBLE, 5, 2, FLOAT64",
            "BEST_FIT_EAGER_DOUBLE, 38, 10, FLOAT64", "BEST_FIT_EAGER_DOUBLE, 19, 0, DECIMAL",
            "BEST_FIT_EAGER_DOUBLE, 0, 0, FLOAT64"})
    void shouldMapNumericPrecisionAndScaleAsConfigured(NumericMapping mapping, int precision, int scale, String expected) {
        Schema.Type type = NumericMapper.primitive(precision, scale, mapping);
        assertThat(type == null ? "DECIMAL" : type.name()).isEqualTo(expected);
    }
}
