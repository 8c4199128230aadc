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

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "PostgreSqlDatabaseDialect, jdbc:postgresql://db/shop, PostgreSQL",
            "MySqlDatabaseDialect, jdbc:mariadb://db/shop, MariaDB",
            "MySqlDatabaseDialect, jdbc:mysql://db/shop, MariaDB",
            "SqliteDatabaseDialect, jdbc:sqlite:/tmp/shop.db, SQLite",
            "'', jdbc:postgresql://db/shop, PostgreSQL",
            "' ', jdbc:mariadb://db/shop, MariaDB"})
    void shouldMapConfluentsDialectNamesOntoFerrysDialects(String name, String url, String dialect) {
        assertThat(JdbcDialects.forName(name, url).name()).isEqualTo(dialect);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SqlServerDatabaseDialect, Ferry does not implement", "GenericDatabaseDialect, Ferry does not implement",
            "PostgresDialect, not a dialect name"})
    void shouldRefuseADialectNameFerryDoesNotImplementNamingTheSupportedOnes(String name, String why) {
        assertThatThrownBy(() -> JdbcDialects.forName(name, "jdbc:postgresql://db/shop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dialect.name " + name).hasMessageContaining(why)
                .hasMessageContaining("PostgreSqlDatabaseDialect, MySqlDatabaseDialect, SqliteDatabaseDialect");
    }

    @Test
    void shouldRefuseADialectNameThatContradictsTheUrl() {
        assertThatThrownBy(() -> JdbcDialects.forName("MySqlDatabaseDialect", "jdbc:postgresql://db/shop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MySqlDatabaseDialect serves jdbc:mariadb: and jdbc:mysql: URLs")
                .hasMessageContaining("connection.url is jdbc:postgresql:");
    }

    @Test
    void shouldRecommendTheImplementedNamesAndEmptyAsConfluentsRecommenderDoes() {
        assertThat(new DialectNames.Validator().validValues("dialect.name", java.util.Map.of()))
                .containsExactly("", "PostgreSqlDatabaseDialect", "MySqlDatabaseDialect", "SqliteDatabaseDialect");
    }
}
