package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.ferry.connectors.jdbc.dialect.ReadOptions.NumericMapping;
import io.ferry.connectors.jdbc.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL columns of every mapped type read back through the dialect, in a non-UTC {@code db.timezone}. */
class PostgresTypeMappingIT {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ReadOptions OPTIONS = new ReadOptions(NEW_YORK, NumericMapping.NONE);
    private static final AtomicInteger TABLES = new AtomicInteger();

    @TempDir
    static Path dir;
    private static TestDatabase database;
    private final JdbcDialect dialect = new PostgresDialect();

    @BeforeAll
    static void createDatabase() throws Exception {
        database = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir);
        database.execute("CREATE TYPE mood AS ENUM ('happy', 'sad')",
                "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)",
                "CREATE DOMAIN price AS numeric(10,2)",
                "CREATE DOMAIN sale_price AS price",
                "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%')",
                "CREATE DOMAIN stamp AS timestamp",
                "CREATE DOMAIN place AS point",
                "CREATE DOMAIN bits3 AS bit(3)",
                "CREATE DOMAIN int_list AS integer[]",
                "CREATE TYPE label AS ENUM ('a,b', 'say \"hi\"', 'back\\slash', 'NULL', 'ünï', '{x}', ' sp ')",
                "CREATE TYPE note AS (x integer, body text)",
                "CREATE TYPE envelope AS (id integer, inner_note note, tags text[], at point)",
                "CREATE DOMAIN checked_note AS note CHECK ((VALUE).x > 0)",
                "CREATE SCHEMA hidden",
                "CREATE TYPE hidden.tone AS ENUM ('low', 'high')",
                "CREATE DOMAIN hidden.amount AS numeric(6,3)");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    static Stream<TypeCase> types() {
        return Stream.of(
                new TypeCase("smallint", "-32768", Schema.OPTIONAL_INT16_SCHEMA, (short) -32768),
                new TypeCase("integer", "2147483647", Schema.OPTIONAL_INT32_SCHEMA, 2147483647),
                new TypeCase("bigint", "-9223372036854775808", Schema.OPTIONAL_INT64_SCHEMA, Long.MIN_VALUE),
                new TypeCase("serial", "7", Schema.INT32_SCHEMA, 7),
                new TypeCase("real", "1.5", Schema.OPTIONAL_FLOAT32_SCHEMA, 1.5f),
                new TypeCase("double precision", "2.25", Schema.OPTIONAL_FLOAT64_SCHEMA, 2.25d),
                new TypeCase("numeric(10,2)", "12345678.91", TypeCase.decimal(10, 2), new BigDecimal("12345678.91")),
                new TypeCase("decimal(5,0)", "-12345", TypeCase.decimal(5, 0), new BigDecimal("-12345")),
                new TypeCase("boolean", "true", Schema.OPTIONAL_BOOLEAN_SCHEMA, true),
                new TypeCase("bit(1)", "B'1'", Schema.OPTIONAL_BOOLEAN_SCHEMA, true),
                new TypeCase("char(3)", "'ab'", Schema.OPTIONAL_STRING_SCHEMA, "ab "),
                new TypeCase("varchar(20)", "'ünïcödé'", Schema.OPTIONAL_STRING_SCHEMA, "ünïcödé"),
                new TypeCase("text", "'it''s'", Schema.OPTIONAL_STRING_SCHEMA, "it's"),
                new TypeCase("mood", "'sad'", Schema.OPTIONAL_STRING_SCHEMA, "sad"),
                new TypeCase("uuid", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", Schema.OPTIONAL_STRING_SCHEMA,
                        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                new TypeCase("json", "'{\"a\": [1, 2]}'", Schema.OPTIONAL_STRING_SCHEMA, "{\"a\": [1, 2]}"),
                new TypeCase("jsonb", "'{\"a\": [1, 2]}'", Schema.OPTIONAL_STRING_SCHEMA, "{\"a\": [1, 2]}"),
                new TypeCase("bytea", "'\\xdeadbeef'", Schema.OPTIONAL_BYTES_SCHEMA, new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}),
                new TypeCase("date", "'2024-02-29'", Date.builder().optional().build(), TypeCase.day("2024-02-29")),
                new TypeCase("time", "'23:59:58.123'", Time.builder().optional().build(), TypeCase.timeOfDay("23:59:58.123")),
                new TypeCase("timestamp", "'2024-07-01 12:34:56.123456'", timestamp(),
                        Instant.parse("2024-07-01T16:34:56.123456Z")),
                new TypeCase("timestamp(3)", "'2024-01-15 00:00:00.5'", timestamp(), Instant.parse("2024-01-15T05:00:00.500Z")),
                new TypeCase("timestamptz", "'2024-07-01 12:34:56.654321+02'", timestamp(),
                        Instant.parse("2024-07-01T10:34:56.654321Z")),
                new TypeCase("int2[]", "'{1,NULL,3}'", array(Schema.OPTIONAL_INT16_SCHEMA), Arrays.asList((short) 1, null, (short) 3)),
                new TypeCase("int4[]", "'{1,2}'", array(Schema.OPTIONAL_INT32_SCHEMA), List.of(1, 2)),
                new TypeCase("int8[]", "'{9223372036854775807}'", array(Schema.OPTIONAL_INT64_SCHEMA), List.of(Long.MAX_VALUE)),
                new TypeCase("float4[]", "'{0.5}'", array(Schema.OPTIONAL_FLOAT32_SCHEMA), List.of(0.5f)),
                new TypeCase("float8[]", "'{0.25,-1}'", array(Schema.OPTIONAL_FLOAT64_SCHEMA), List.of(0.25d, -1d)),
                new TypeCase("numeric(6,2)[]", "'{1.5,-2}'", array(TypeCase.decimal(6, 2)),
                        List.of("1.50", "-2.00")),
                new TypeCase("boolean[]", "'{t,f}'", array(Schema.OPTIONAL_BOOLEAN_SCHEMA), List.of(true, false)),
                new TypeCase("text[]", "'{\"a,b\",c}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("a,b", "c")),
                new TypeCase("varchar(5)[]", "'{x}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("x")),
                new TypeCase("uuid[]", "'{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'", array(Schema.OPTIONAL_STRING_SCHEMA),
                        List.of("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
                new TypeCase("date[]", "'{2024-02-29}'", array(Date.builder().optional().build()), List.of(TypeCase.day("2024-02-29"))),
                new TypeCase("timestamp[]", "'{\"2024-07-01 12:00:00.000001\"}'", array(Timestamp.builder().optional().build()),
                        List.of(Instant.parse("2024-07-01T16:00:00.000001Z"))),
                new TypeCase("timestamptz[]", "'{\"2024-07-01 12:00:00+00\"}'", array(Timestamp.builder().optional().build()),
                        List.of(Instant.parse("2024-07-01T12:00:00Z"))),
                new TypeCase("time[]", "'{23:59:59.999,NULL}'", array(Time.builder().optional().build()),
                        Arrays.asList(TypeCase.timeOfDay("23:59:59.999"), null)),
                new TypeCase("bytea[]", "'{\"\\\\x00ff\"}'", array(Schema.OPTIONAL_BYTES_SCHEMA), List.of(new byte[] {0, (byte) 0xff})),
                new TypeCase("char(2)[]", "'{a}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("a ")),
                new TypeCase("jsonb[]", "ARRAY['{\"a\": 1}'::jsonb]", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("{\"a\": 1}")),
                new TypeCase("int4[]", "'{}'", array(Schema.OPTIONAL_INT32_SCHEMA), List.of()),
                // arrays of the types read as text
                new TypeCase("inet[]", "'{10.0.0.1,::1/128}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("10.0.0.1", "::1")),
                new TypeCase("interval[]", "'{\"1 day\",NULL}'", array(Schema.OPTIONAL_STRING_SCHEMA), Arrays.asList("P1D", null)),
                new TypeCase("varbit[]", "'{101,0}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("101", "0")),
                new TypeCase("int4range[]", "'{\"[1,3)\"}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("[1,3)")),
                // arrays as deep as the column declares
                new TypeCase("int4[][]", "'{{1,2},{3,NULL}}'", array(array(Schema.OPTIONAL_INT32_SCHEMA)),
                        List.of(List.of(1, 2), Arrays.asList(3, null))),
                new TypeCase("text[][][]", "'{{{a},{b}}}'", array(array(array(Schema.OPTIONAL_STRING_SCHEMA))),
                        List.of(List.of(List.of("a"), List.of("b")))),
                new TypeCase("numeric(4,1)[][]", "'{{1.5}}'", array(array(TypeCase.decimal(4, 1))), List.of(List.of("1.5"))),
                new TypeCase("date[][]", "'{{2024-02-29,2024-03-01}}'", array(array(Date.builder().optional().build())),
                        List.of(List.of(TypeCase.day("2024-02-29"), TypeCase.day("2024-03-01")))),
                // intervals as ISO-8601 durations, months and days apart from the time
                new TypeCase("interval", "'1 year 2 mons -3 days 04:05:06.789012'", Schema.OPTIONAL_STRING_SCHEMA,
                        "P1Y2M-3DT4H5M6.789012S"),
                new TypeCase("interval", "'-1 day -00:00:01.5'", Schema.OPTIONAL_STRING_SCHEMA, "P-1DT-1.5S"),
                new TypeCase("interval", "'100 hours'", Schema.OPTIONAL_STRING_SCHEMA, "PT100H"),
                new TypeCase("interval", "'0'", Schema.OPTIONAL_STRING_SCHEMA, "PT0S"),
                new TypeCase("interval(0)", "'-178000000 years'", Schema.OPTIONAL_STRING_SCHEMA, "P-178000000Y"),
                new TypeCase("money", "'-1234.56'", money(), new BigDecimal("-1234.56")),
                new TypeCase("money", "'92233720368547758.07'", money(), new BigDecimal("92233720368547758.07")),
                new TypeCase("money", "'-92233720368547758.08'", money(), new BigDecimal("-92233720368547758.08")),
                new TypeCase("timetz", "'12:34:56.123456+05:30'", Schema.OPTIONAL_STRING_SCHEMA, "12:34:56.123456+05:30"),
                new TypeCase("timetz(0)", "'00:00:00-12'", Schema.OPTIONAL_STRING_SCHEMA, "00:00:00-12:00"),
                new TypeCase("timetz", "'23:59:59.999999Z'", Schema.OPTIONAL_STRING_SCHEMA, "23:59:59.999999Z"),
                new TypeCase("bit(4)", "B'0101'", Schema.OPTIONAL_STRING_SCHEMA, "0101"),
                new TypeCase("varbit", "B'001'", Schema.OPTIONAL_STRING_SCHEMA, "001"),
                new TypeCase("bit varying(8)", "B''", Schema.OPTIONAL_STRING_SCHEMA, ""),
                new TypeCase("inet", "'192.168.0.1/24'", Schema.OPTIONAL_STRING_SCHEMA, "192.168.0.1/24"),
                new TypeCase("inet", "'2001:db8::1'", Schema.OPTIONAL_STRING_SCHEMA, "2001:db8::1"),
                new TypeCase("cidr", "'10.0.0.0/8'", Schema.OPTIONAL_STRING_SCHEMA, "10.0.0.0/8"),
                new TypeCase("macaddr", "'08:00:2B:01:02:03'", Schema.OPTIONAL_STRING_SCHEMA, "08:00:2b:01:02:03"),
                new TypeCase("macaddr8", "'08:00:2b:01:02:03:04:05'", Schema.OPTIONAL_STRING_SCHEMA, "08:00:2b:01:02:03:04:05"),
                new TypeCase("xml", "'<a b=\"1\">x &amp; y</a>'", Schema.OPTIONAL_STRING_SCHEMA, "<a b=\"1\">x &amp; y</a>"),
                new TypeCase("tsvector", "'a fat cat'", Schema.OPTIONAL_STRING_SCHEMA, "'a' 'cat' 'fat'"),
                new TypeCase("int4range", "'[1,5)'", Schema.OPTIONAL_STRING_SCHEMA, "[1,5)"),
                new TypeCase("int8range", "'empty'", Schema.OPTIONAL_STRING_SCHEMA, "empty"),
                new TypeCase("numrange", "'(1.5,]'", Schema.OPTIONAL_STRING_SCHEMA, "(1.5,)"),
                new TypeCase("daterange", "'[2024-01-01,2024-01-31]'", Schema.OPTIONAL_STRING_SCHEMA, "[2024-01-01,2024-02-01)"),
                new TypeCase("tsrange", "'[2024-01-01 10:00,2024-01-01 11:00)'", Schema.OPTIONAL_STRING_SCHEMA,
                        "[\"2024-01-01 10:00:00\",\"2024-01-01 11:00:00\")"),
                new TypeCase("int4multirange", "'{[1,3),[5,7)}'", Schema.OPTIONAL_STRING_SCHEMA, "{[1,3),[5,7)}"),
                // domains read as their base types, with the domain's modifiers
                new TypeCase("positive", "5", Schema.OPTIONAL_INT32_SCHEMA, 5),
                new TypeCase("price", "12345678.91", TypeCase.decimal(10, 2), new BigDecimal("12345678.91")),
                new TypeCase("sale_price", "0.5", TypeCase.decimal(10, 2), new BigDecimal("0.50")),
                new TypeCase("email", "'a@b.c'", Schema.OPTIONAL_STRING_SCHEMA, "a@b.c"),
                // geometric types as the server's text, float digits exact
                new TypeCase("point", "'(1.5,-2e-300)'", Schema.OPTIONAL_STRING_SCHEMA, "(1.5,-2e-300)"),
                new TypeCase("point", "'(0.1,1.7976931348623157e+308)'", Schema.OPTIONAL_STRING_SCHEMA,
                        "(0.1,1.7976931348623157e+308)"),
                new TypeCase("line", "'{1,-1,0}'", Schema.OPTIONAL_STRING_SCHEMA, "{1,-1,0}"),
                new TypeCase("lseg", "'[(0,0),(1.5,2)]'", Schema.OPTIONAL_STRING_SCHEMA, "[(0,0),(1.5,2)]"),
                new TypeCase("box", "'((1,2),(3,4))'", Schema.OPTIONAL_STRING_SCHEMA, "(3,4),(1,2)"),
                new TypeCase("path", "'[(0,0),(1,1),(2,0)]'", Schema.OPTIONAL_STRING_SCHEMA, "[(0,0),(1,1),(2,0)]"),
                new TypeCase("path", "'((0,0),(1,1))'", Schema.OPTIONAL_STRING_SCHEMA, "((0,0),(1,1))"),
                new TypeCase("polygon", "'((0,0),(1,1),(2,0))'", Schema.OPTIONAL_STRING_SCHEMA, "((0,0),(1,1),(2,0))"),
                new TypeCase("circle", "'<(1,1),5>'", Schema.OPTIONAL_STRING_SCHEMA, "<(1,1),5>"),
                // composite types as their row literal: nested composites, arrays, quotes, NULL and empty fields
                new TypeCase("envelope", "ROW(1, ROW(2, 'a \"q\" \\ b, (c)')::note, ARRAY['x,y', NULL], '(1,2)')",
                        Schema.OPTIONAL_STRING_SCHEMA,
                        "(1,\"(2,\"\"a \"\"\"\"q\"\"\"\" \\\\\\\\ b, (c)\"\")\",\"{\"\"x,y\"\",NULL}\",\"(1,2)\")"),
                new TypeCase("note", "ROW(NULL, NULL)", Schema.OPTIONAL_STRING_SCHEMA, "(,)"),
                new TypeCase("note", "ROW(1, 'ünï')", Schema.OPTIONAL_STRING_SCHEMA, "(1,ünï)"),
                new TypeCase("note", "ROW(1, '')", Schema.OPTIONAL_STRING_SCHEMA, "(1,\"\")"),
                // domains over geometric, bit string, composite and array types
                new TypeCase("place", "'(1,2)'", Schema.OPTIONAL_STRING_SCHEMA, "(1,2)"),
                new TypeCase("bits3", "B'101'", Schema.OPTIONAL_STRING_SCHEMA, "101"),
                new TypeCase("checked_note", "ROW(3, 'x')", Schema.OPTIONAL_STRING_SCHEMA, "(3,x)"),
                new TypeCase("int_list", "'{1,NULL}'", array(Schema.OPTIONAL_INT32_SCHEMA), Arrays.asList(1, null)),
                // arrays of enums, composites, money, timetz, bit strings and geometric types, read from the array's text
                new TypeCase("label[]", "ARRAY['a,b', 'say \"hi\"', 'back\\slash', 'NULL', 'ünï', '{x}', ' sp ', NULL]::label[]",
                        array(Schema.OPTIONAL_STRING_SCHEMA),
                        Arrays.asList("a,b", "say \"hi\"", "back\\slash", "NULL", "ünï", "{x}", " sp ", null)),
                new TypeCase("label[][]", "'{{a\\,b,NULL},{ünï,\"{x}\"}}'", array(array(Schema.OPTIONAL_STRING_SCHEMA)),
                        List.of(Arrays.asList("a,b", null), List.of("ünï", "{x}"))),
                new TypeCase("label[]", "'[0:1]={ünï,\"{x}\"}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("ünï", "{x}"))
                        .readOnly(), // a list has no lower bound: written back, the array starts at 1
                new TypeCase("note[]", "ARRAY[ROW(1, 'a b \"c\"')::note, NULL, ROW(NULL, '')::note]", array(Schema.OPTIONAL_STRING_SCHEMA),
                        Arrays.asList("(1,\"a b \"\"c\"\"\")", null, "(,\"\")")),
                new TypeCase("money[]", "'{1.5,-92233720368547758.08,NULL}'", array(money()),
                        Arrays.asList("1.50", "-92233720368547758.08", null)),
                new TypeCase("money[][]", "'{{1,2},{3,4}}'", array(array(money())), List.of(List.of("1.00", "2.00"), List.of("3.00", "4.00"))),
                new TypeCase("timetz[]", "'{12:34:56.5+05:30,00:00:00+00,23:59:59-12,NULL,24:00:00+01:30:15}'",
                        array(Schema.OPTIONAL_STRING_SCHEMA),
                        Arrays.asList("12:34:56.5+05:30", "00:00:00Z", "23:59:59-12:00", null, "24:00:00+01:30:15")),
                new TypeCase("bit(3)[]", "'{101,010,NULL}'", array(Schema.OPTIONAL_STRING_SCHEMA), Arrays.asList("101", "010", null)),
                new TypeCase("bit[]", "'{1,0,NULL}'", array(Schema.OPTIONAL_BOOLEAN_SCHEMA), Arrays.asList(true, false, null)),
                new TypeCase("bit(1)[][]", "'{{1},{0}}'", array(array(Schema.OPTIONAL_BOOLEAN_SCHEMA)), List.of(List.of(true), List.of(false))),
                new TypeCase("varbit[]", "'{\"\",1,NULL}'", array(Schema.OPTIONAL_STRING_SCHEMA), Arrays.asList("", "1", null)),
                new TypeCase("point[]", "'{\"(1.5,-2e-300)\",NULL}'", array(Schema.OPTIONAL_STRING_SCHEMA), Arrays.asList("(1.5,-2e-300)", null)),
                new TypeCase("box[]", "'{(3,4),(1,2);(1,1),(0,0);NULL}'", array(Schema.OPTIONAL_STRING_SCHEMA),
                        Arrays.asList("(3,4),(1,2)", "(1,1),(0,0)", null)),
                new TypeCase("polygon[]", "'{\"((0,0),(1,1),(2,0))\"}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("((0,0),(1,1),(2,0))")),
                new TypeCase("circle[]", "'{\"<(1,1),5>\"}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("<(1,1),5>")),
                new TypeCase("line[]", "'{\"{1,-1,0}\"}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("{1,-1,0}")),
                // arrays of more text-mapped types: quoting of braces, quotes and backslashes in their text
                new TypeCase("xml[]", "ARRAY['<a b=\"{1,2}\">\\ é</a>', NULL]::xml[]", array(Schema.OPTIONAL_STRING_SCHEMA),
                        Arrays.asList("<a b=\"{1,2}\">\\ é</a>", null)),
                new TypeCase("cidr[]", "'{10.0.0.0/8}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("10.0.0.0/8")),
                new TypeCase("macaddr[]", "'{08:00:2b:01:02:03}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("08:00:2b:01:02:03")),
                new TypeCase("tsrange[]", "ARRAY['[2024-01-01 10:00,2024-01-01 11:00)'::tsrange, 'empty']", array(Schema.OPTIONAL_STRING_SCHEMA),
                        List.of("[\"2024-01-01 10:00:00\",\"2024-01-01 11:00:00\")", "empty")),
                new TypeCase("numrange[][]", "'{{\"[1,2)\"},{\"(,3]\"}}'", array(array(Schema.OPTIONAL_STRING_SCHEMA)),
                        List.of(List.of("[1,2)"), List.of("(,3]"))),
                // arrays of domains as arrays of the base type, with the domain's modifiers
                new TypeCase("positive[]", "'{1,NULL,3}'", array(Schema.OPTIONAL_INT32_SCHEMA), Arrays.asList(1, null, 3)),
                new TypeCase("price[]", "'{12345678.91,0.5,NULL}'", array(TypeCase.decimal(10, 2)), Arrays.asList("12345678.91", "0.50", null)),
                new TypeCase("email[]", "'{\"a,b@c\",x@y}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("a,b@c", "x@y")),
                new TypeCase("stamp[]", "'{\"2024-07-01 12:00:00.000001\"}'", array(timestamp()),
                        List.of(Instant.parse("2024-07-01T16:00:00.000001Z"))),
                new TypeCase("place[]", "'{\"(1,2)\",NULL}'", array(Schema.OPTIONAL_STRING_SCHEMA), Arrays.asList("(1,2)", null)),
                new TypeCase("bits3[]", "'{101}'", array(Schema.OPTIONAL_STRING_SCHEMA), List.of("101")),
                // types outside the search path, which the driver names schema-qualified ("hidden"."_tone")
                new TypeCase("hidden.tone[]", "'{high,NULL}'", array(Schema.OPTIONAL_STRING_SCHEMA), Arrays.asList("high", null)),
                new TypeCase("hidden.amount[]", "'{1.5}'", array(TypeCase.decimal(6, 3)), List.of("1.500")),
                new TypeCase("sale_price[][]", "'{{1.5},{2}}'", array(array(TypeCase.decimal(10, 2))), List.of(List.of("1.50"), List.of("2.00"))));
    }

    private static Schema money() {
        return org.apache.kafka.connect.data.Decimal.builder(2).optional().build();
    }

    private static Schema timestamp() {
        return Timestamp.builder().optional().build();
    }

    private static Schema array(Schema element) {
        return SchemaBuilder.array(element).optional().build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void shouldReadEachColumnTypeAsItsConnectSchemaAndValue(TypeCase type) throws Exception {
        type.check(database, dialect, OPTIONS, TABLES.incrementAndGet());
    }

    @Test
    void shouldLeaveTypesWithoutAMappingAndArraysAndDomainsOfThemUnmapped() throws Exception {
        database.execute("CREATE DOMAIN lsn AS pg_lsn",
                "CREATE TABLE unmapped (l pg_lsn, ls pg_lsn[], d lsn, ds lsn[], s txid_snapshot)");
        try (var connection = database.connect()) {
            TableDefinition table = dialect.describeTable(connection, TableId.of("unmapped")).orElseThrow();
            assertThat(table.columns()).hasSize(5);
            for (ColumnDefinition column : table.columns()) {
                assertThat(dialect.columnMapping(column, OPTIONS)).as(column.typeName()).isEmpty();
            }
        }
    }

    /**
     * The driver receives a statement's values as binary once it has run the statement a few times, and
     * would then render points and boxes from Java doubles; the session the dialect sets up keeps their text.
     */
    @Test
    void shouldReadPointsAndBoxesAsTheServersTextWhenTheDriverSwitchesToBinaryValues() throws Exception {
        database.execute("CREATE TABLE shapes (p point, b box, pl place)",
                "INSERT INTO shapes VALUES ('(1,1e-300)', '((1,2),(3,4))', '(5,6)')");
        try (var connection = database.connect()) {
            dialect.initializeSession(connection);
            TableDefinition table = dialect.describeTable(connection, TableId.of("shapes")).orElseThrow();
            List<ColumnMapping> mappings = table.columns().stream()
                    .map(column -> dialect.columnMapping(column, OPTIONS).orElseThrow()).toList();
            try (var statement = connection.prepareStatement("SELECT p, b, pl FROM shapes")) {
                for (int run = 0; run < 8; run++) {
                    try (var rows = statement.executeQuery()) {
                        assertThat(rows.next()).isTrue();
                        assertThat(List.of(mappings.get(0).read(rows, 1), mappings.get(1).read(rows, 2), mappings.get(2).read(rows, 3)))
                                .as("run %d", run).containsExactly("(1,1e-300)", "(3,4),(1,2)", "(5,6)");
                    }
                }
            }
        }
    }
}
