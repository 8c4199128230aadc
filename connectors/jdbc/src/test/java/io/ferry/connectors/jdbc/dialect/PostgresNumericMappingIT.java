package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ferry.connectors.jdbc.dialect.ReadOptions.NumericMapping;
import io.ferry.connectors.jdbc.testing.TestDatabase;

/** PostgreSQL NUMERIC columns under each {@code numeric.mapping}, including the unconstrained NUMERIC. */
class PostgresNumericMappingIT {
    private static final AtomicInteger TABLES = new AtomicInteger();

    @TempDir
    static Path dir;
    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    static Stream<Arguments> numerics() {
        return Stream.of(
                Arguments.of(NumericMapping.NONE, new TypeCase("numeric(4,0)", "1234", TypeCase.decimal(4, 0), new BigDecimal("1234"))),
                Arguments.of(NumericMapping.NONE, new TypeCase("numeric", "12", TypeCase.decimal(0, 0), new BigDecimal("12"))),
                Arguments.of(NumericMapping.PRECISION_ONLY, new TypeCase("numeric(2,0)", "99", Schema.OPTIONAL_INT8_SCHEMA, (byte) 99)),
                Arguments.of(NumericMapping.PRECISION_ONLY, new TypeCase("numeric(4,0)", "9999", Schema.OPTIONAL_INT16_SCHEMA, (short) 9999)),
                Arguments.of(NumericMapping.PRECISION_ONLY, new TypeCase("numeric(9,0)", "999999999", Schema.OPTIONAL_INT32_SCHEMA, 999999999)),
                Arguments.of(NumericMapping.PRECISION_ONLY, new TypeCase("numeric(18,0)", "999999999999999999",
                        Schema.OPTIONAL_INT64_SCHEMA, 999999999999999999L)),
                Arguments.of(NumericMapping.PRECISION_ONLY, new TypeCase("numeric(19,0)", "1", TypeCase.decimal(19, 0), new BigDecimal("1"))),
                Arguments.of(NumericMapping.PRECISION_ONLY, new TypeCase("numeric(5,2)", "1.25", TypeCase.decimal(5, 2), new BigDecimal("1.25"))),
                Arguments.of(NumericMapping.BEST_FIT, new TypeCase("numeric(5,2)", "1.25", Schema.OPTIONAL_FLOAT64_SCHEMA, 1.25d)),
                Arguments.of(NumericMapping.BEST_FIT, new TypeCase("numeric(9,0)", "7", Schema.OPTIONAL_INT32_SCHEMA, 7)),
                Arguments.of(NumericMapping.BEST_FIT, new TypeCase("numeric(30,2)", "1.25", TypeCase.decimal(30, 2), new BigDecimal("1.25"))),
                Arguments.of(NumericMapping.BEST_FIT, new TypeCase("numeric", "3", TypeCase.decimal(0, 0), new BigDecimal("3"))),
                Arguments.of(NumericMapping.BEST_FIT_EAGER_DOUBLE, new TypeCase("numeric(30,2)", "1.25", Schema.OPTIONAL_FLOAT64_SCHEMA, 1.25d)),
                Arguments.of(NumericMapping.BEST_FIT_EAGER_DOUBLE, new TypeCase("numeric", "1.125", Schema.OPTIONAL_FLOAT64_SCHEMA, 1.125d)),
                Arguments.of(NumericMapping.BEST_FIT_EAGER_DOUBLE, new TypeCase("numeric(30,0)", "5", TypeCase.decimal(30, 0), new BigDecimal("5"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("numerics")
    void shouldMapNumericColumnsAsNumericMappingSays(NumericMapping mapping, TypeCase type) throws Exception {
        type.check(database, new PostgresDialect(), new ReadOptions(ZoneOffset.UTC, mapping), TABLES.incrementAndGet());
    }
}
