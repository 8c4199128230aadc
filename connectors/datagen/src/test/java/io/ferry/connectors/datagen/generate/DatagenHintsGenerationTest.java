package io.ferry.connectors.datagen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each generation hint, as a table: a field type with its {@code arg.properties}, and what every value of
 * 500 records of it must satisfy. Values are indexed by their record's sequence number.
 */
class DatagenHintsGenerationTest {
    private static final int RECORDS = 500;

    static Stream<Arguments> cases() {
        return Stream.of(
                hint("int range: min inclusive, max exclusive, every value reached",
                        "{\"type\":\"int\",\"arg.properties\":{\"range\":{\"min\":5,\"max\":10}}}",
                        values -> assertThat(new HashSet<>(values)).containsExactlyInAnyOrder(5, 6, 7, 8, 9)),
                hint("long range",
                        "{\"type\":\"long\",\"arg.properties\":{\"range\":{\"min\":1487715775521,\"max\":1519273364600}}}",
                        values -> assertThat(values).allSatisfy(v -> assertThat((Long) v).isBetween(1487715775521L, 1519273364599L))),
                hint("long range with only a max",
                        "{\"type\":\"long\",\"arg.properties\":{\"range\":{\"max\":0}}}",
                        values -> assertThat(values).allSatisfy(v -> assertThat((Long) v).isNegative())),
                hint("double range",
                        "{\"type\":\"double\",\"arg.properties\":{\"range\":{\"min\":0.1,\"max\":10.0}}}",
                        values -> assertThat(values).allSatisfy(v -> assertThat((Double) v).isGreaterThanOrEqualTo(0.1).isLessThan(10.0))),
                hint("float range",
                        "{\"type\":\"float\",\"arg.properties\":{\"range\":{\"min\":-1,\"max\":1}}}",
                        values -> assertThat(values).allSatisfy(v -> assertThat((Float) v).isBetween(-1f, 1f))),
                hint("int options: only and every option",
                        "{\"type\":\"int\",\"arg.properties\":{\"options\":[1,20,300]}}",
                        values -> assertThat(new HashSet<>(values)).containsExactlyInAnyOrder(1, 20, 300)),
                hint("string options",
                        "{\"type\":\"string\",\"arg.properties\":{\"options\":[\"BUY\",\"SELL\"]}}",
                        values -> assertThat(new HashSet<>(values)).containsExactlyInAnyOrder("BUY", "SELL")),
                hint("boolean options",
                        "{\"type\":\"boolean\",\"arg.properties\":{\"options\":[true]}}",
                        values -> assertThat(values).containsOnly(true)),
                hint("enum options: a subset of the symbols",
                        "{\"type\":\"enum\",\"name\":\"Side\",\"symbols\":[\"BUY\",\"SELL\",\"SHORT\"],\"arg.properties\":{\"options\":[\"SHORT\"]}}",
                        values -> assertThat(values).containsOnly("SHORT")),
                hint("enum without hints: every symbol",
                        "{\"type\":\"enum\",\"name\":\"Side\",\"symbols\":[\"BUY\",\"SELL\",\"SHORT\"]}",
                        values -> assertThat(new HashSet<>(values)).containsExactlyInAnyOrder("BUY", "SELL", "SHORT")),
                hint("long iteration counts from the record's sequence",
                        "{\"type\":\"long\",\"arg.properties\":{\"iteration\":{\"start\":1,\"step\":10}}}",
                        values -> assertThat(values).isEqualTo(LongStream.range(0, RECORDS).mapToObj(n -> 1 + 10 * n).toList())),
                hint("int iteration with restart wraps before restart",
                        "{\"type\":\"int\",\"arg.properties\":{\"iteration\":{\"start\":0,\"restart\":3}}}",
                        values -> assertThat(values.subList(0, 7)).containsExactly(0, 1, 2, 0, 1, 2, 0)),
                hint("double iteration",
                        "{\"type\":\"double\",\"arg.properties\":{\"iteration\":{\"start\":0.5,\"step\":0.25}}}",
                        values -> assertThat(values.subList(0, 3)).containsExactly(0.5, 0.75, 1.0)),
                hint("string length as a number",
                        "{\"type\":\"string\",\"arg.properties\":{\"length\":5}}",
                        values -> assertThat(values).allSatisfy(v -> assertThat((String) v).hasSize(5).matches("[a-z]+"))),
                hint("string length as min and exclusive max",
                        "{\"type\":\"string\",\"arg.properties\":{\"length\":{\"min\":2,\"max\":4}}}",
                        values -> assertThat(values.stream().map(v -> ((String) v).length()).distinct().sorted().toList()).containsExactly(2, 3)),
                hint("bytes length",
                        "{\"type\":\"bytes\",\"arg.properties\":{\"length\":3}}",
                        values -> assertThat(values).allSatisfy(v -> assertThat((byte[]) v).hasSize(3))),
                hint("array length",
                        "{\"type\":\"array\",\"items\":{\"type\":\"int\",\"arg.properties\":{\"options\":[7]}},\"arg.properties\":{\"length\":2}}",
                        values -> assertThat(values).allSatisfy(v -> assertThat(v).isEqualTo(List.of(7, 7)))),
                hint("map length",
                        "{\"type\":\"map\",\"values\":\"long\",\"arg.properties\":{\"length\":3}}",
                        values -> assertThat(values).allSatisfy(v -> assertThat((Map<?, ?>) v).hasSize(3))),
                hint("regex of the quickstarts",
                        "{\"type\":\"string\",\"arg.properties\":{\"regex\":\"Item_[1-9][0-9]{0,2}\"}}",
                        values -> assertThat(values).allSatisfy(v -> assertThat((String) v).matches("Item_[1-9][0-9]{0,2}"))),
                hint("regex with groups, alternation, negated classes and escapes",
                        "{\"type\":\"string\",\"arg.properties\":{\"regex\":\"^(ab|c\\\\.d){2}[^a-z]\\\\d+x?\\\\w*(?:-[A-F]{3,})$\"}}",
                        values -> assertThat(values).allSatisfy(v -> assertThat((String) v)
                                .matches("^(ab|c\\.d){2}[^a-z]\\d+x?\\w*(?:-[A-F]{3,})$"))),
                hint("null union: both null and hinted values",
                        "[\"null\",{\"type\":\"int\",\"arg.properties\":{\"options\":[42]}}]",
                        values -> assertThat(new HashSet<>(values)).containsExactlyInAnyOrder(null, 42)),
                hint("timestamp-millis under a range",
                        "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\",\"arg.properties\":{\"range\":{\"min\":1000,\"max\":2000}}}",
                        values -> assertThat(values).allSatisfy(v -> assertThat(((Date) v).getTime()).isBetween(1000L, 1999L))),
                hint("date without hints: whole days in 2020 to 2029",
                        "{\"type\":\"int\",\"logicalType\":\"date\"}",
                        values -> assertThat(values).allSatisfy(v -> {
                            long millis = ((Date) v).getTime();
                            assertThat(millis % 86_400_000L).isZero();
                            assertThat(Instant.ofEpochMilli(millis)).isBetween(Instant.parse("2020-01-01T00:00:00Z"),
                                    Instant.parse("2029-12-31T00:00:00Z"));
                        })),
                hint("uuid strings",
                        "{\"type\":\"string\",\"logicalType\":\"uuid\"}",
                        values -> assertThat(values).allSatisfy(v -> assertThat(UUID.fromString((String) v)).hasToString((String) v))),
                hint("fixed size",
                        "{\"type\":\"fixed\",\"name\":\"Four\",\"size\":4}",
                        values -> assertThat(values).allSatisfy(v -> assertThat((byte[]) v).hasSize(4))));
    }

    private static Arguments hint(String name, String fieldType, Consumer<List<Object>> check) {
        return Arguments.of(name, fieldType, check);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldGenerateWhatTheHintAsks(String name, String fieldType, Consumer<List<Object>> check) {
        DatagenSchemaCompiler.Compiled compiled = DatagenSchemaCompiler.compile(
                "{\"type\":\"record\",\"name\":\"Row\",\"fields\":[{\"name\":\"f\",\"type\":" + fieldType + "}]}");
        List<Object> values = new ArrayList<>();
        for (long sequence = 0; sequence < RECORDS; sequence++) {
            Struct row = (Struct) compiled.generator().next(DatagenDraw.of(7, 0, sequence));
            row.validate();
            values.add(row.get("f"));
        }
        check.accept(values);
    }
}
