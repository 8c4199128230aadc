package io.ferry.connectors.jdbc.dialect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Choosing the dialect from a {@code connection.url}. */
class JdbcDialectsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "jdbc:postgresql://db:5432/shop, PostgreSQL",
            "JDBC:PostgreSQL://db/shop, PostgreSQL",
            "jdbc:mariadb://db:3306/shop, MariaDB",
            "jdbc:mysql://db:3306/shop, MariaDB",
            "jdbc:sqlite:/tmp/shop.db, SQLite",
            "jdbc:sqlite::memory:, SQLite"})
    void shouldPickTheDialectOfTheUrlScheme(String url, String dialect) {
        assertThat(JdbcDialects.forUrl(url).name()).isEqualTo(dialect);
    }

    @Test
    void shouldNameTheSchemeAndTheSupportedOnesWhenNoDialectServesIt() {
        assertThatThrownBy(() -> JdbcDialects.forUrl("jdbc:sqlserver://db;databaseName=x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlserver:").hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> JdbcDialects.forUrl("postgres")).isInstanceOf(IllegalArgumentException.class);
    }
}
