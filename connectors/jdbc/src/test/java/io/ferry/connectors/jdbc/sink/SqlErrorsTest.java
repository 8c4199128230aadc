package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlErrorsTest {

    @ParameterizedTest(name = "{0} (state {1}, code {2}) transient: {3}")
    @CsvSource({
            "connection refused,      08001, 0,    true",
            "serialization failure,   40001, 0,    true",
            "deadlock detected,       40P01, 0,    true",
            "MariaDB deadlock,        40001, 1213, true",
            "MariaDB lock wait,       HY000, 1205, true",
            "[SQLITE_BUSY] locked,    ,      5,    true",
            "check violation,         23514, 0,    false",
            "not null violation,      23502, 0,    false",
            "value too long,          22001, 0,    false",
            "MariaDB duplicate key,   23000, 1062, false",
    })
    void shouldTellTransientErrorsFromDataErrors(String message, String state, int code, boolean expected) {
        assertThat(SqlErrors.isTransient(new SQLException(message, state, code))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} (state {1}, code {2}) means the table changed: {3}")
    @CsvSource({
            "column \"qty\" does not exist,          42703, 0,    true",
            "relation \"orders\" does not exist,     42P01, 0,    true",
            "Unknown column 'qty' in 'field list',   42S22, 1054, true",
            "Table 'shop.orders' doesn't exist,      42S02, 1146, true",
            "[SQLITE_ERROR] table orders has no column named qty, , 1, true",
            "check violation,                        23514, 0,    false",
    })
    void shouldTellATableChangedUnderneathFromBadRows(String message, String state, int code, boolean expected) {
        assertThat(SqlErrors.isStructural(new SQLException(message, state, code))).isEqualTo(expected);
    }
}
