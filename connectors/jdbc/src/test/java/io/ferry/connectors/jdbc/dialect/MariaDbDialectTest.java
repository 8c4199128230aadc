package io.ferry.connectors.jdbc.dialect;

import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MariaDB's identifiers, URLs, statement text and column types, without a database. */
class MariaDbDialectTest {
    private final MariaDbDialect dialect = new MariaDbDialect();
    private final TableId orders = new TableId("shop", null, "orders");

    @Test
    void shouldQuoteIdentifiersWithBackticks() {
        assertThat(dialect.quote("a`b")).isEqualTo("`a``b`");
        assertThat(dialect.qualified(orders)).isEqualTo("`shop`.`orders`");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "orders|-|orders", "shop.orders|shop|orders", "`my.db`.`or``ders`|my.db|or`ders", "\"shop\".orders|shop|orders"})
    void shouldParseTableNamesIntoDatabaseAndTable(String name, String catalog, String table) {
        assertThat(dialect.parseTableId(name)).isEqualTo(new TableId(catalog, null, table));
    }

    @Test
    void shouldRejectThreePartNames() {
        assertThatThrownBy(() -> dialect.parseTableId("a.b.c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://db:3306/shop|jdbc:mysql://db:3306/shop?permitMysqlScheme",
            "jdbc:mysql://db/shop?useSSL=false|jdbc:mysql://db/shop?useSSL=false&permitMysqlScheme",
            "jdbc:mysql://db/shop?permitMysqlScheme|jdbc:mysql://db/shop?permitMysqlScheme",
            "jdbc:mariadb://db/shop|jdbc:mariadb://db/shop"})
    void shouldLetConnectorJAcceptMysqlUrls(String url, String driverUrl) {
        assertThat(dialect.driverUrl(url)).isEqualTo(driverUrl);
    }

    @Test
    void shouldUpsertWithOnDuplicateKeyUpdate() {
        assertThat(dialect.upsert(orders, List.of("id"), List.of("a", "b"), 2))
                .isEqualTo("INSERT INTO `shop`.`orders` (`id`, `a`, `b`) VALUES (?, ?, ?), (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE `a` = VALUES(`a`), `b` = VALUES(`b`)");
        assertThat(dialect.upsert(orders, List.of("k1", "k2"), List.of(), 1))
                .isEqualTo("INSERT INTO `shop`.`orders` (`k1`, `k2`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `k1` = VALUES(`k1`)");
    }

    @Test
    void shouldCreateTablesWithIndexableKeyColumnsAndEscapedDefaults() {
        List<ColumnSpec> columns = List.of(new ColumnSpec("id", Schema.STRING_SCHEMA, true),
                new ColumnSpec("raw", Schema.BYTES_SCHEMA, true),
                new ColumnSpec("note", SchemaBuilder.string().optional().defaultValue("a\\b'c").build(), false),
                new ColumnSpec("on", SchemaBuilder.bool().defaultValue(false).build(), false));
        assertThat(dialect.createTable(orders, columns)).isEqualTo("CREATE TABLE IF NOT EXISTS `shop`.`orders` (\n"
                + "  `id` VARCHAR(256) NOT NULL,\n"
                + "  `raw` VARBINARY(1024) NOT NULL,\n"
                + "  `note` TEXT DEFAULT 'a\\\\b''c',\n"
                + "  `on` BOOLEAN NOT NULL DEFAULT FALSE,\n"
                + "  PRIMARY KEY (`id`, `raw`)\n)");
    }

    static Stream<Arguments> sqlTypes() {
        return Stream.of(
                Arguments.of(Schema.INT8_SCHEMA, "TINYINT"), Arguments.of(Schema.INT16_SCHEMA, "SMALLINT"),
                Arguments.of(Schema.INT32_SCHEMA, "INT"), Arguments.of(Schema.INT64_SCHEMA, "BIGINT"),
                Arguments.of(Schema.FLOAT32_SCHEMA, "FLOAT"), Arguments.of(Schema.FLOAT64_SCHEMA, "DOUBLE"),
                Arguments.of(Schema.BOOLEAN_SCHEMA, "BOOLEAN"), Arguments.of(Schema.STRING_SCHEMA, "TEXT"),
                Arguments.of(Schema.BYTES_SCHEMA, "BLOB"), Arguments.of(Decimal.schema(2), "DECIMAL(65, 2)"),
                Arguments.of(Decimal.builder(2).parameter("connect.decimal.precision", "10").build(), "DECIMAL(10, 2)"),
                Arguments.of(Date.SCHEMA, "DATE"), Arguments.of(Time.SCHEMA, "TIME(3)"), Arguments.of(Timestamp.SCHEMA, "DATETIME(3)"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sqlTypes")
    void shouldStoreEachConnectTypeInItsColumnType(Schema schema, String sqlType) {
        assertThat(dialect.sqlType(schema)).isEqualTo(sqlType);
    }

    @Test
    void shouldUseIndexableTypesForKeyStringsAndBytes() {
        assertThat(dialect.sqlType(Schema.STRING_SCHEMA, true)).isEqualTo("VARCHAR(256)");
        assertThat(dialect.sqlType(Schema.BYTES_SCHEMA, true)).isEqualTo("VARBINARY(1024)");
        assertThat(dialect.sqlType(Schema.INT64_SCHEMA, true)).isEqualTo("BIGINT");
    }

    @Test
    void shouldRefuseTypesWithoutAColumnType() {
        assertThatThrownBy(() -> dialect.sqlType(SchemaBuilder.array(Schema.INT32_SCHEMA).build()))
                .isInstanceOf(DataException.class).hasMessageContaining("ARRAY");
        assertThatThrownBy(() -> dialect.sqlType(Decimal.schema(40))).isInstanceOf(DataException.class)
                .hasMessageContaining("scale 40");
    }

    /** Every column type the source maps takes a schemaless value as the type the source reads it as. */
    @ParameterizedTest(name = "{1}({2}) -> {3}")
    @CsvSource(delimiter = '|', value = {
            "12|ENUM|1|TEXT", "12|SET|3|TEXT", "91|YEAR|0|INTEGER", "-7|BIT|1|BOOLEAN", "-7|BIT|8|INTEGER",
            "16|BOOLEAN|3|BOOLEAN", "-1|JSON|0|JSON", "-1|LONGTEXT|0|TEXT", "-6|TINYINT UNSIGNED|3|INTEGER",
            "4|INT UNSIGNED|10|INTEGER", "-5|BIGINT UNSIGNED|20|DECIMAL", "3|DECIMAL UNSIGNED|10|DECIMAL",
            "92|TIME|14|TIME", "93|TIMESTAMP|23|TIMESTAMP", "93|DATETIME|19|TIMESTAMP", "91|DATE|10|DATE",
            "7|FLOAT|12|FLOAT", "-2|BINARY|3|BINARY", "-4|BLOB|0|BINARY"})
    void shouldGiveEachColumnTypeItsSchemalessKind(int jdbcType, String typeName, int precision, SchemalessValues.ColumnKind kind) {
        ColumnDefinition column = new ColumnDefinition("c", jdbcType, typeName, precision, 0, true, false, false, false);
        assertThat(MariaDbDialect.schemalessKind(column)).isEqualTo(kind);
    }
}
