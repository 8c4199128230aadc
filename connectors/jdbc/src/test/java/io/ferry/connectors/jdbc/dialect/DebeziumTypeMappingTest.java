package io.ferry.connectors.jdbc.dialect;

import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The column type each dialect creates for each of Debezium's semantic types: one table, one runner. */
class DebeziumTypeMappingTest {
    private final PostgresDialect postgres = new PostgresDialect();
    private final MariaDbDialect mariaDb = new MariaDbDialect();
    private final SqliteDialect sqlite = new SqliteDialect();

    static Stream<Arguments> columnTypes() {
        return Stream.of(
                Arguments.of(DebeziumType.DATE, "DATE", "DATE", "DATE"),
                Arguments.of(DebeziumType.TIME, "TIME", "TIME(3)", "TIME"),
                Arguments.of(DebeziumType.MICRO_TIME, "TIME", "TIME(6)", "TIME"),
                Arguments.of(DebeziumType.NANO_TIME, "TIME", "TIME(6)", "TIME"),
                Arguments.of(DebeziumType.TIMESTAMP, "TIMESTAMP", "DATETIME(3)", "TIMESTAMP"),
                Arguments.of(DebeziumType.MICRO_TIMESTAMP, "TIMESTAMP", "DATETIME(6)", "TIMESTAMP"),
                Arguments.of(DebeziumType.NANO_TIMESTAMP, "TIMESTAMP", "DATETIME(6)", "TIMESTAMP"),
                Arguments.of(DebeziumType.ZONED_TIMESTAMP, "TIMESTAMPTZ", "DATETIME(6)", "TIMESTAMP"),
                Arguments.of(DebeziumType.ZONED_TIME, "TIMETZ", "TEXT", "TEXT"),
                Arguments.of(DebeziumType.MICRO_DURATION, "INTERVAL", "BIGINT", "INTEGER"),
                Arguments.of(DebeziumType.INTERVAL, "INTERVAL", "TEXT", "TEXT"),
                Arguments.of(DebeziumType.UUID, "UUID", "CHAR(36)", "TEXT"),
                Arguments.of(DebeziumType.JSON, "JSON", "JSON", "TEXT"),
                Arguments.of(DebeziumType.XML, "XML", "LONGTEXT", "TEXT"),
                Arguments.of(DebeziumType.ENUM, "TEXT", "TEXT", "TEXT"),
                Arguments.of(DebeziumType.ENUM_SET, "TEXT", "TEXT", "TEXT"),
                Arguments.of(DebeziumType.VARIABLE_SCALE_DECIMAL, "NUMERIC", "DECIMAL(65, 30)", "DECIMAL"),
                Arguments.of(DebeziumType.BITS, "BIT VARYING(10)", "BIT(10)", "TEXT"),
                Arguments.of(DebeziumType.YEAR, "INTEGER", "YEAR", "INTEGER"),
                Arguments.of(DebeziumType.ISO_DATE, "DATE", "DATE", "DATE"),
                Arguments.of(DebeziumType.ISO_TIME, "TIME", "TIME(6)", "TIME"),
                Arguments.of(DebeziumType.ISO_TIMESTAMP, "TIMESTAMP", "DATETIME(6)", "TIMESTAMP"),
                Arguments.of(DebeziumType.POINT, "POINT", "TEXT", "TEXT"));
    }

    @ParameterizedTest(name = "{0}: PostgreSQL {1}, MariaDB {2}, SQLite {3}")
    @MethodSource("columnTypes")
    void shouldCreateTheColumnTypeTheSemanticTypeStandsFor(DebeziumType type, String postgresType, String mariaDbType,
            String sqliteType) {
        Schema schema = DebeziumSchemas.of(type);
        assertThat(postgres.sqlType(schema)).as("PostgreSQL").isEqualTo(postgresType);
        assertThat(mariaDb.sqlType(schema)).as("MariaDB").isEqualTo(mariaDbType);
        assertThat(sqlite.sqlType(schema)).as("SQLite").isEqualTo(sqliteType);
    }

    @Test
    void shouldKeepIndexableTypesForMariaDbKeys() {
        assertThat(mariaDb.sqlType(DebeziumSchemas.of(DebeziumType.UUID), true)).isEqualTo("CHAR(36)");
        assertThat(mariaDb.sqlType(DebeziumSchemas.of(DebeziumType.ENUM), true)).isEqualTo("VARCHAR(256)");
        assertThat(mariaDb.sqlType(DebeziumSchemas.of(DebeziumType.MICRO_TIMESTAMP), true)).isEqualTo("DATETIME(6)");
    }

    @Test
    void shouldFollowThePropagatedSourceTypeForJsonbAndTheLimitsOfBitColumns() {
        Schema jsonb = SchemaBuilder.string().name(DebeziumType.JSON.schemaName())
                .parameter("__debezium.source.column.type", "JSONB").build();
        assertThat(postgres.sqlType(jsonb)).isEqualTo("JSONB");
        assertThat(postgres.sqlType(DebeziumSchemas.bits(Integer.MAX_VALUE))).isEqualTo("BIT VARYING");
        assertThat(mariaDb.sqlType(DebeziumSchemas.bits(65))).isEqualTo("LONGTEXT");
        assertThat(mariaDb.sqlType(DebeziumSchemas.bits(64))).isEqualTo("BIT(64)");
    }

    @Test
    void shouldWriteDefaultsOfSemanticTypesAsTheirSqlLiterals() {
        Schema day = new SchemaBuilder(Schema.Type.INT32).name(DebeziumType.DATE.schemaName()).defaultValue(19_783).build();
        Schema stamp = new SchemaBuilder(Schema.Type.INT64).name(DebeziumType.MICRO_TIMESTAMP.schemaName())
                .defaultValue(1_709_296_496_789_012L).build();
        Schema id = SchemaBuilder.string().name(DebeziumType.UUID.schemaName())
                .defaultValue("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11").build();
        List<ColumnSpec> columns = List.of(new ColumnSpec("day", day, false), new ColumnSpec("at", stamp, false),
                new ColumnSpec("id", id, false));
        assertThat(postgres.addColumns(new TableId(null, null, "t"), columns)).containsExactly(
                "ALTER TABLE \"t\" ADD COLUMN \"day\" DATE NOT NULL DEFAULT '2024-03-01'",
                "ALTER TABLE \"t\" ADD COLUMN \"at\" TIMESTAMP NOT NULL DEFAULT '2024-03-01 12:34:56.789012'",
                "ALTER TABLE \"t\" ADD COLUMN \"id\" UUID NOT NULL DEFAULT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'");
    }
}
