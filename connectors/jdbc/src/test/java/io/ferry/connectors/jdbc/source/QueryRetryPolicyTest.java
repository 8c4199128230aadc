package io.ferry.connectors.jdbc.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code query.retry.attempts}: which errors are retried, and how many times in a row. */
class QueryRetryPolicyTest {

    @ParameterizedTest(name = "attempts {0}, failure {1} -> retry {2}")
    @CsvSource({
            "-1, 1, true", "-1, 1000, true",
            "0, 1, true", "0, 1000, true",
            "1, 1, true", "1, 2, false",
            "3, 3, true", "3, 4, false"})
    void shouldAllowAsManyRetriesInARowAsConfiguredAndAnyNumberForMinusOneAndZero(int attempts, int failures, boolean retry) {
        assertThat(new QueryRetryPolicy(attempts).allowsRetryAfter(failures)).isEqualTo(retry);
    }

    @ParameterizedTest(name = "SQL state {0} -> curable {1}")
    @CsvSource({
            "57014, true", "55P03, true", "57P01, true", "08006, true", "40001, true", "HY000, true",
            "42P01, false", "42703, false", "22012, false", "0A000, false", "28000, false", "3D000, false", "3F000, false"})
    void shouldRetryTheSqlStatesARetryMayCure(String state, boolean curable) {
        assertThat(QueryRetryPolicy.curable(new SQLException("failed", state))).isEqualTo(curable);
    }

    @Test
    void shouldNeverRetryTheDriversNonTransientErrorsAndAlwaysItsTransientOnes() {
        assertThat(QueryRetryPolicy.curable(new SQLSyntaxErrorException("no such table", "HY000"))).isFalse();
        assertThat(QueryRetryPolicy.curable(new SQLTimeoutException("max_statement_time exceeded", "70100"))).isTrue();
        assertThat(QueryRetryPolicy.curable(new SQLTransientConnectionException("reset"))).isTrue();
        assertThat(QueryRetryPolicy.curable(new SQLException("no state"))).isTrue();
        assertThat(QueryRetryPolicy.curable(new java.sql.SQLNonTransientConnectionException("socket closed", "08000")))
                .as("a broken connection, which MariaDB's driver calls non-transient").isTrue();
    }
}
