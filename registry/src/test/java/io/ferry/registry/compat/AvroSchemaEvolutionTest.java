package io.ferry.registry.compat;

import static io.ferry.registry.compat.AvroSchemas.avro;
import static io.ferry.registry.compat.AvroSchemas.field;
import static io.ferry.registry.compat.AvroSchemas.quoted;
import static io.ferry.registry.compat.AvroSchemas.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How each kind of change to a schema fares under the three directions of checking. Each row gives the
 * problems, as {@code TYPE location}, that the new schema reading old data (backward) and the old schema
 * reading new data (forward) run into.
 */
class AvroSchemaEvolutionTest {

    record Evolution(String change, String oldSchema, String newSchema, List<String> backward, List<String> forward) {
        @Override
        public String toString() {
            return change;
        }
    }

    private static final String INT = quoted("int");
    private static final String LONG = quoted("long");
    private static final String STRING = quoted("string");

    private static Evolution evolution(String change, String oldSchema, String newSchema, List<String> backward,
            List<String> forward) {
        return new Evolution(change, oldSchema, newSchema, backward, forward);
    }

    private static String enumOf(String symbols, String extra) {
        return "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[" + symbols + "]" + extra + "}";
    }

    private static String fixedOf(int size) {
        return "{\"type\":\"fixed\",\"name\":\"F\",\"size\":" + size + "}";
    }

    private static String logical(String type, String logicalType) {
        return "{\"type\":\"" + type + "\",\"logicalType\":\"" + logicalType + "\"}";
    }

    private static String named(String name, String extra) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"n\"" + extra + ",\"fields\":[]}";
    }

    static Stream<Evolution> evolutions() {
        return Stream.of(
                evolution("field added with a default",
                        record(field("a", INT)), record(field("a", INT), field("b", STRING, "\"x\"")),
                        List.of(), List.of()),
                evolution("field added without a default",
                        record(field("a", INT)), record(field("a", INT), field("b", STRING)),
                        List.of("READER_FIELD_MISSING_DEFAULT_VALUE /fields/1"), List.of()),
                evolution("two fields added without defaults",
                        record(field("a", INT)), record(field("a", INT), field("b", INT), field("c", INT)),
                        List.of("READER_FIELD_MISSING_DEFAULT_VALUE /fields/1", "READER_FIELD_MISSING_DEFAULT_VALUE /fields/2"),
                        List.of()),
                evolution("field with a default removed",
                        record(field("a", INT), field("b", STRING, "\"x\"")), record(field("a", INT)),
                        List.of(), List.of()),
                evolution("field without a default removed",
                        record(field("a", INT), field("b", STRING)), record(field("a", INT)),
                        List.of(), List.of("READER_FIELD_MISSING_DEFAULT_VALUE /fields/1")),
                evolution("field renamed, old name as alias",
                        record(field("a", INT)), record("{\"name\":\"b\",\"type\":\"int\",\"aliases\":[\"a\"]}"),
                        List.of(), List.of("READER_FIELD_MISSING_DEFAULT_VALUE /fields/0")),
                evolution("int promoted to long",
                        record(field("a", INT)), record(field("a", LONG)),
                        List.of(), List.of("TYPE_MISMATCH /fields/0/type")),
                evolution("long narrowed to int",
                        record(field("a", LONG)), record(field("a", INT)),
                        List.of("TYPE_MISMATCH /fields/0/type"), List.of()),
                evolution("float promoted to double",
                        record(field("a", quoted("float"))), record(field("a", quoted("double"))),
                        List.of(), List.of("TYPE_MISMATCH /fields/0/type")),
                evolution("int promoted to double",
                        record(field("a", INT)), record(field("a", quoted("double"))),
                        List.of(), List.of("TYPE_MISMATCH /fields/0/type")),
                evolution("long promoted to float",
                        record(field("a", LONG)), record(field("a", quoted("float"))),
                        List.of(), List.of("TYPE_MISMATCH /fields/0/type")),
                evolution("string to bytes",
                        record(field("a", STRING)), record(field("a", quoted("bytes"))),
                        List.of(), List.of()),
                evolution("bytes to string",
                        record(field("a", quoted("bytes"))), record(field("a", STRING)),
                        List.of(), List.of()),
                evolution("int to string",
                        record(field("a", INT)), record(field("a", STRING)),
                        List.of("TYPE_MISMATCH /fields/0/type"), List.of("TYPE_MISMATCH /fields/0/type")),
                evolution("enum symbol added, no enum default",
                        record(field("e", enumOf("\"A\",\"B\"", ""))), record(field("e", enumOf("\"A\",\"B\",\"C\"", ""))),
                        List.of(), List.of("MISSING_ENUM_SYMBOLS /fields/0/type/symbols")),
                evolution("enum symbol added, old enum has a default",
                        record(field("e", enumOf("\"A\",\"B\"", ",\"default\":\"A\""))),
                        record(field("e", enumOf("\"A\",\"B\",\"C\"", ",\"default\":\"A\""))),
                        List.of(), List.of()),
                evolution("enum symbol removed, no enum default",
                        record(field("e", enumOf("\"A\",\"B\",\"C\"", ""))), record(field("e", enumOf("\"A\",\"B\"", ""))),
                        List.of("MISSING_ENUM_SYMBOLS /fields/0/type/symbols"), List.of()),
                evolution("enum symbol removed, new enum has a default",
                        record(field("e", enumOf("\"A\",\"B\",\"C\"", ""))),
                        record(field("e", enumOf("\"A\",\"B\"", ",\"default\":\"A\""))),
                        List.of(), List.of()),
                evolution("union branch added",
                        record(field("u", "[\"null\",\"string\"]")), record(field("u", "[\"null\",\"string\",\"int\"]")),
                        List.of(), List.of("MISSING_UNION_BRANCH /fields/0/type/2")),
                evolution("union branch removed",
                        record(field("u", "[\"null\",\"string\",\"int\"]")), record(field("u", "[\"null\",\"string\"]")),
                        List.of("MISSING_UNION_BRANCH /fields/0/type/2"), List.of()),
                evolution("field made optional",
                        record(field("a", STRING)), record(field("a", "[\"null\",\"string\"]", "null")),
                        List.of(), List.of("TYPE_MISMATCH /fields/0/type/0")),
                evolution("record renamed without alias",
                        named("Old", ""), named("New", ""),
                        List.of("NAME_MISMATCH /name"), List.of("NAME_MISMATCH /name")),
                evolution("record renamed, old name as alias",
                        named("Old", ""), named("New", ",\"aliases\":[\"Old\"]"),
                        List.of(), List.of("NAME_MISMATCH /name")),
                evolution("fixed size changed",
                        record(field("f", fixedOf(8))), record(field("f", fixedOf(16))),
                        List.of("FIXED_SIZE_MISMATCH /fields/0/type/size"), List.of("FIXED_SIZE_MISMATCH /fields/0/type/size")),
                evolution("nested record field added without a default",
                        record(field("n", "{\"type\":\"record\",\"name\":\"N\",\"fields\":[" + field("x", INT) + "]}")),
                        record(field("n", "{\"type\":\"record\",\"name\":\"N\",\"fields\":[" + field("x", INT) + ","
                                + field("y", INT) + "]}")),
                        List.of("READER_FIELD_MISSING_DEFAULT_VALUE /fields/0/type/fields/1"), List.of()),
                evolution("array items promoted",
                        record(field("a", "{\"type\":\"array\",\"items\":\"int\"}")),
                        record(field("a", "{\"type\":\"array\",\"items\":\"long\"}")),
                        List.of(), List.of("TYPE_MISMATCH /fields/0/type/items")),
                evolution("map values narrowed",
                        record(field("m", "{\"type\":\"map\",\"values\":\"long\"}")),
                        record(field("m", "{\"type\":\"map\",\"values\":\"int\"}")),
                        List.of("TYPE_MISMATCH /fields/0/type/values"), List.of()),
                evolution("timestamp-millis to timestamp-micros: logical types are not compared",
                        record(field("t", logical("long", "timestamp-millis"))),
                        record(field("t", logical("long", "timestamp-micros"))),
                        List.of(), List.of()),
                evolution("decimal precision changed: logical types are not compared",
                        record(field("d", "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":2}")),
                        record(field("d", "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":3}")),
                        List.of(), List.of()),
                evolution("date to timestamp-millis follows int to long",
                        record(field("t", logical("int", "date"))), record(field("t", logical("long", "timestamp-millis"))),
                        List.of(), List.of("TYPE_MISMATCH /fields/0/type")),
                evolution("doc changed",
                        record(field("a", INT)), "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"now documented\",\"fields\":["
                                + field("a", INT) + "]}",
                        List.of(), List.of()));
    }

    private final AvroCompatibilityChecker checker = new AvroCompatibilityChecker();

    @ParameterizedTest(name = "{0}")
    @MethodSource("evolutions")
    void shouldFindTheProblemsOfReadingOldDataUnderBackward(Evolution evolution) {
        assertThat(problems(evolution, CompatibilityLevel.BACKWARD)).isEqualTo(evolution.backward());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evolutions")
    void shouldFindTheProblemsOfOldReadersUnderForward(Evolution evolution) {
        assertThat(problems(evolution, CompatibilityLevel.FORWARD)).isEqualTo(evolution.forward());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evolutions")
    void shouldFindBothUnderFullForwardFirst(Evolution evolution) {
        List<String> both = new ArrayList<>(evolution.forward());
        both.addAll(evolution.backward());

        assertThat(problems(evolution, CompatibilityLevel.FULL)).isEqualTo(both);
    }

    private List<String> problems(Evolution evolution, CompatibilityLevel level) {
        CompatibilityResult result = checker.check(avro(evolution.newSchema()),
                AvroSchemas.history(evolution.oldSchema()), level);
        assertThat(result.isCompatible()).isEqualTo(result.incompatibilities().isEmpty());
        return result.incompatibilities().stream().map(i -> i.type() + " " + i.location()).toList();
    }
}
