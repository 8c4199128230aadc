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

/** PostgreSQL's identifiers, statement text and column types, without a database. */
class PostgresDialectTest {
    private final PostgresDialect dialect = new PostgresDialect();
    private final TableId orders = new TableId(null, "public", "orders");

    @Test
    void shouldQuoteIdentifiersDoublingEmbeddedQuotes() {
        assertThat(dialect.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(dialect.qualified(new TableId("shop", "public", "Orders"))).isEqualTo("\"shop\".\"public\".\"Orders\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "orders|-|-|orders",
            "public.orders|-|public|orders",
            "shop.public.orders|shop|public|orders",
            "\"my.schema\".\"Or\"\"ders\"|-|my.schema|Or\"ders",
            " public . orders |-|public|orders"})
    void shouldParseTableNamesIntoDatabaseSchemaAndTable(String name, String catalog, String schema, String table) {
        assertThat(dialect.parseTableId(name)).isEqualTo(new TableId(catalog, schema, table));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a.b.c.d", "a..b", "\"unclosed", "\"a\"b.c"})
    void shouldRejectMalformedTableNames(String name) {
        assertThatThrownBy(() -> dialect.parseTableId(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteMultiRowInsertAndUpsertStatements() {
        assertThat(dialect.insert(orders, List.of("id", "v"), 2))
                .isEqualTo("INSERT INTO \"public\".\"orders\" (\"id\", \"v\") VALUES (?, ?), (?, ?)");
        assertThat(dialect.upsert(orders, List.of("id"), List.of("a", "b"), 1))
                .isEqualTo("INSERT INTO \"public\".\"orders\" (\"id\", \"a\", \"b\") VALUES (?, ?, ?) ON CONFLICT (\"id\") "
                        + "DO UPDATE SET \"a\" = EXCLUDED.\"a\", \"b\" = EXCLUDED.\"b\"");
        assertThat(dialect.upsert(orders, List.of("k1", "k2"), List.of(), 2))
                .isEqualTo("INSERT INTO \"public\".\"orders\" (\"k1\", \"k2\") VALUES (?, ?), (?, ?) ON CONFLICT (\"k1\", \"k2\") DO NOTHING");
    }

    @Test
    void shouldWriteUpdateAndDeleteStatementsByKey() {
        assertThat(dialect.update(orders, List.of("k1", "k2"), List.of("v")))
                .isEqualTo("UPDATE \"public\".\"orders\" SET \"v\" = ? WHERE \"k1\" = ? AND \"k2\" = ?");
        assertThat(dialect.delete(orders, List.of("id"), 3)).isEqualTo("DELETE FROM \"public\".\"orders\" WHERE \"id\" IN (?, ?, ?)");
        assertThat(dialect.delete(orders, List.of("a", "b"), 2))
                .isEqualTo("DELETE FROM \"public\".\"orders\" WHERE (\"a\" = ? AND \"b\" = ?) OR (\"a\" = ? AND \"b\" = ?)");
    }

    @Test
    void shouldCreateTablesWithNotNullDefaultsAndPrimaryKey() {
        List<ColumnSpec> columns = List.of(new ColumnSpec("id", Schema.INT64_SCHEMA, true),
                new ColumnSpec("name", SchemaBuilder.string().defaultValue("it's").build(), false),
                new ColumnSpec("data", SchemaBuilder.bytes().optional().defaultValue(new byte[] {1, (byte) 0xab}).build(), false),
                new ColumnSpec("on", SchemaBuilder.bool().optional().defaultValue(true).build(), false));
        assertThat(dialect.createTable(orders, columns)).isEqualTo("CREATE TABLE IF NOT EXISTS \"public\".\"orders\" (\n"
                + "  \"id\" BIGINT NOT NULL,\n"
                + "  \"name\" TEXT NOT NULL DEFAULT 'it''s',\n"
                + "  \"data\" BYTEA DEFAULT '\\x01ab',\n"
                + "  \"on\" BOOLEAN DEFAULT TRUE,\n"
                + "  PRIMARY KEY (\"id\")\n)");
        assertThat(dialect.addColumns(orders, columns.subList(1, 3))).containsExactly(
                "ALTER TABLE \"public\".\"orders\" ADD COLUMN \"name\" TEXT NOT NULL DEFAULT 'it''s'",
                "ALTER TABLE \"public\".\"orders\" ADD COLUMN \"data\" BYTEA DEFAULT '\\x01ab'");
    }

    static Stream<Arguments> sqlTypes() {
        return Stream.of(
                Arguments.of(Schema.INT8_SCHEMA, "SMALLINT"), Arguments.of(Schema.INT16_SCHEMA, "SMALLINT"),
                Arguments.of(Schema.INT32_SCHEMA, "INTEGER"), Arguments.of(Schema.INT64_SCHEMA, "BIGINT"),
                Arguments.of(Schema.FLOAT32_SCHEMA, "REAL"), Arguments.of(Schema.FLOAT64_SCHEMA, "DOUBLE PRECISION"),
                Arguments.of(Schema.BOOLEAN_SCHEMA, "BOOLEAN"), Arguments.of(Schema.STRING_SCHEMA, "TEXT"),
                Arguments.of(Schema.BYTES_SCHEMA, "BYTEA"), Arguments.of(Decimal.schema(2), "NUMERIC(1000, 2)"),
                Arguments.of(Decimal.builder(2).parameter("connect.decimal.precision", "10").build(), "NUMERIC(10, 2)"),
                Arguments.of(Date.SCHEMA, "DATE"), Arguments.of(Time.SCHEMA, "TIME"), Arguments.of(Timestamp.SCHEMA, "TIMESTAMP"),
                Arguments.of(SchemaBuilder.array(Schema.STRING_SCHEMA).build(), "TEXT[]"),
                Arguments.of(SchemaBuilder.array(Timestamp.SCHEMA).build(), "TIMESTAMP[]"),
                Arguments.of(SchemaBuilder.array(SchemaBuilder.array(Schema.INT32_SCHEMA).build()).build(), "INTEGER[][]"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sqlTypes")
    void shouldStoreEachConnectTypeInItsColumnType(Schema schema, String sqlType) {
        assertThat(dialect.sqlType(schema)).isEqualTo(sqlType);
        assertThat(dialect.sqlType(schema, true)).isEqualTo(sqlType);
    }

    @Test
    void shouldRefuseTypesWithoutAColumnType() {
        assertThatThrownBy(() -> dialect.sqlType(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build()))
                .isInstanceOf(DataException.class).hasMessageContaining("MAP");
        assertThatThrownBy(() -> dialect.sqlType(SchemaBuilder.array(SchemaBuilder.struct().build()).build()))
                .isInstanceOf(DataException.class).hasMessageContaining("STRUCT");
    }

    @Test
    void shouldAdvertiseTheProtocolsParameterLimit() {
        assertThat(dialect.maxBindParameters()).isEqualTo(65_535);
    }

    /** The columns the source reads as STRING (money as Decimal) take a schemaless value as text PostgreSQL parses. */
    @ParameterizedTest(name = "{1} ({0}) -> {3}")
    @CsvSource(delimiter = '|', value = {
            "1111|inet|0|PARSED_TEXT", "1111|cidr|0|PARSED_TEXT", "1111|macaddr8|0|PARSED_TEXT",
            "1111|interval|49|PARSED_TEXT", "92|timetz|21|PARSED_TEXT", "8|money|0|PARSED_TEXT",
            "-7|bit|1|PARSED_TEXT", "-7|bit|3|PARSED_TEXT", "1111|varbit|0|PARSED_TEXT", "2009|xml|0|PARSED_TEXT",
            "1111|tsvector|0|PARSED_TEXT", "1111|int4range|0|PARSED_TEXT", "1111|point|0|PARSED_TEXT",
            "2002|pair|0|PARSED_TEXT", "2001|addr|0|PARSED_TEXT",
            "12|mood|0|TEXT", "12|\"other\".\"hue\"|0|TEXT", "12|varchar|20|TEXT", "1111|json|0|JSON", "1111|jsonb|0|JSON",
            "1111|uuid|0|UUID", "92|time|15|TIME", "93|timestamptz|35|TIMESTAMP", "4|int4|10|INTEGER", "2|numeric|10|DECIMAL",
            "16|bool|1|BOOLEAN", "-2|bytea|0|BINARY"})
    void shouldGiveEachColumnTypeItsSchemalessKind(int jdbcType, String typeName, int precision, SchemalessValues.ColumnKind kind) {
        ColumnDefinition column = new ColumnDefinition("c", jdbcType, typeName, precision, 0, true, false, false, false);
        assertThat(PostgresDialect.schemalessKind(column)).isEqualTo(kind);
    }
}
