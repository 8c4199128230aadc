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

import io.ferry.connectors.jdbc.dialect.SqliteTypes.DeclaredType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLite's declared-type rules, identifiers, statements and column types, without a database. */
class SqliteDialectTest {
    private final SqliteDialect dialect = new SqliteDialect();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "INTEGER|INTEGER", "BIGINT|INTEGER", "UNSIGNED BIG INT|INTEGER", "int8|INTEGER",
            "VARCHAR(255)|TEXT", "NCHAR(5)|TEXT", "CLOB|TEXT", "text|TEXT",
            "BLOB|BLOB", "REAL|REAL", "DOUBLE PRECISION|REAL", "FLOAT|REAL",
            "NUMERIC|DECIMAL", "DECIMAL(10,5)|DECIMAL", "BOOLEAN|BOOLEAN", "DATE|DATE", "DATETIME|TIMESTAMP",
            "TIMESTAMP|TIMESTAMP", "TIME|TIME", "JSON|JSON", "MONEY|OTHER", "|OTHER"})
    void shouldClassifyDeclaredTypesBySqliteAffinityAndKnownNames(String declared, DeclaredType expected) {
        assertThat(SqliteTypes.classify(declared)).isEqualTo(expected);
    }

    @Test
    void shouldReadPrecisionAndScaleFromTheDeclaredType() {
        ColumnDefinition column = new ColumnDefinition("v", java.sql.Types.NUMERIC, "DECIMAL( 10 , 5 )", 0, 0, true, false, false, false);
        ColumnDefinition declared = SqliteTypes.withDeclaredPrecision(column);
        assertThat(declared.precision()).isEqualTo(10);
        assertThat(declared.scale()).isEqualTo(5);
    }

    @Test
    void shouldParseTableAndAttachedSchemaNames() {
        assertThat(dialect.parseTableId("orders")).isEqualTo(TableId.of("orders"));
        assertThat(dialect.parseTableId("aux.\"my table\"")).isEqualTo(new TableId(null, "aux", "my table"));
        assertThatThrownBy(() -> dialect.parseTableId("a.b.c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldUpsertWithOnConflict() {
        assertThat(dialect.upsert(TableId.of("t"), List.of("k"), List.of("v"), 2)).isEqualTo(
                "INSERT INTO \"t\" (\"k\", \"v\") VALUES (?, ?), (?, ?) ON CONFLICT (\"k\") DO UPDATE SET \"v\" = EXCLUDED.\"v\"");
        assertThat(dialect.upsert(TableId.of("t"), List.of("k"), List.of(), 1))
                .isEqualTo("INSERT INTO \"t\" (\"k\") VALUES (?) ON CONFLICT (\"k\") DO NOTHING");
    }

    @Test
    void shouldWriteDefaultsAsSqliteLiterals() {
        List<ColumnSpec> columns = List.of(new ColumnSpec("on", SchemaBuilder.bool().defaultValue(true).build(), false),
                new ColumnSpec("day", Date.builder().defaultValue(new java.util.Date(0)).build(), false));
        assertThat(dialect.addColumns(TableId.of("t"), columns)).containsExactly(
                "ALTER TABLE \"t\" ADD COLUMN \"on\" BOOLEAN NOT NULL DEFAULT 1",
                "ALTER TABLE \"t\" ADD COLUMN \"day\" DATE NOT NULL DEFAULT '1970-01-01'");
    }

    static Stream<Arguments> sqlTypes() {
        return Stream.of(
                Arguments.of(Schema.INT8_SCHEMA, "INTEGER"), Arguments.of(Schema.INT64_SCHEMA, "INTEGER"),
                Arguments.of(Schema.FLOAT32_SCHEMA, "REAL"), Arguments.of(Schema.FLOAT64_SCHEMA, "REAL"),
                Arguments.of(Schema.BOOLEAN_SCHEMA, "BOOLEAN"), Arguments.of(Schema.STRING_SCHEMA, "TEXT"),
                Arguments.of(Schema.BYTES_SCHEMA, "BLOB"), Arguments.of(Decimal.schema(4), "DECIMAL(38,4)"),
                Arguments.of(Date.SCHEMA, "DATE"), Arguments.of(Time.SCHEMA, "TIME"), Arguments.of(Timestamp.SCHEMA, "TIMESTAMP"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sqlTypes")
    void shouldStoreEachConnectTypeInADeclaredTypeThatReadsBack(Schema schema, String sqlType) {
        assertThat(dialect.sqlType(schema)).isEqualTo(sqlType);
        assertThat(dialect.sqlType(schema, true)).isEqualTo(sqlType);
    }

    @Test
    void shouldRefuseStructuredTypes() {
        assertThatThrownBy(() -> dialect.sqlType(SchemaBuilder.struct().build())).isInstanceOf(DataException.class)
                .hasMessageContaining("STRUCT");
    }
}
