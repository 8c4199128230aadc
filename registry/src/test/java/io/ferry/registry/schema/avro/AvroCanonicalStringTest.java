package io.ferry.registry.schema.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.ferry.registry.schema.InvalidSchemaException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The text the registry stores and answers with for a schema without references. */
class AvroCanonicalStringTest {

    private final AvroSchemaProvider provider = new AvroSchemaProvider();

    static Stream<Arguments> schemas() {
        return Stream.of(
                Arguments.of("a primitive given by name",
                        "\"int\"",
                        "\"int\""),
                Arguments.of("a primitive given as an object, with whitespace",
                        "{ \"type\" : \"long\" }",
                        "\"long\""),
                Arguments.of("a primitive with a custom property",
                        "{\"type\": \"string\", \"avro.java.string\": \"String\"}",
                        "{\"type\":\"string\",\"avro.java.string\":\"String\"}"),
                Arguments.of("a record with docs, defaults, aliases, order and custom properties in any order",
                        """
                        {
                          "namespace": "com.acme",
                          "aliases": ["OldOrder", "legacy.Order"],
                          "fields": [
                            {"name": "id", "type": "long", "doc": "Order id"},
                            {"default": "EUR", "name": "currency", "type": "string", "aliases": ["ccy"],
                             "order": "descending", "x-sensitive": false},
                            {"name": "amount", "type": "double", "default": 0}
                          ],
                          "type": "record",
                          "name": "Order",
                          "doc": "An order",
                          "owner": "sales",
                          "tags": {"b": 1, "a": [1, 2]}
                        }
                        """,
                        "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\",\"doc\":\"An order\","
                                + "\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"doc\":\"Order id\"},"
                                + "{\"name\":\"currency\",\"type\":\"string\",\"default\":\"EUR\",\"order\":\"descending\","
                                + "\"aliases\":[\"ccy\"],\"x-sensitive\":false},"
                                + "{\"name\":\"amount\",\"type\":\"double\",\"default\":0}],"
                                + "\"owner\":\"sales\",\"tags\":{\"b\":1,\"a\":[1,2]},\"aliases\":[\"OldOrder\",\"legacy.Order\"]}"),
                Arguments.of("nested records, reused by name, and a namespace change",
                        """
                        {"type": "record", "name": "Outer", "namespace": "a.b", "fields": [
                          {"name": "inner", "type": {"type": "record", "name": "Inner",
                                                      "fields": [{"name": "x", "type": "int"}]}},
                          {"name": "again", "type": "Inner"},
                          {"name": "other", "type": {"type": "record", "name": "Elsewhere", "namespace": "c.d",
                            "fields": [{"name": "back", "type": ["null", "a.b.Inner"], "default": null}]}}
                        ]}
                        """,
                        "{\"type\":\"record\",\"name\":\"Outer\",\"namespace\":\"a.b\",\"fields\":["
                                + "{\"name\":\"inner\",\"type\":{\"type\":\"record\",\"name\":\"Inner\","
                                + "\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}},"
                                + "{\"name\":\"again\",\"type\":\"Inner\"},"
                                + "{\"name\":\"other\",\"type\":{\"type\":\"record\",\"name\":\"Elsewhere\",\"namespace\":\"c.d\","
                                + "\"fields\":[{\"name\":\"back\",\"type\":[\"null\",\"a.b.Inner\"],\"default\":null}]}}]}"),
                Arguments.of("an enum with a default, doc, alias and property",
                        """
                        {"type": "enum", "name": "Suit", "namespace": "cards", "doc": "d", "z": 1,
                         "symbols": ["SPADES", "HEARTS"], "default": "SPADES", "aliases": ["Colour"]}
                        """,
                        "{\"type\":\"enum\",\"name\":\"Suit\",\"namespace\":\"cards\",\"doc\":\"d\","
                                + "\"symbols\":[\"SPADES\",\"HEARTS\"],\"default\":\"SPADES\",\"z\":1,\"aliases\":[\"Colour\"]}"),
                Arguments.of("a fixed with an empty doc and an alias",
                        "{\"type\": \"fixed\", \"name\": \"Md5\", \"size\": 16, \"namespace\": \"h\", \"aliases\": [\"Hash\"], \"doc\": \"\"}",
                        "{\"type\":\"fixed\",\"name\":\"Md5\",\"namespace\":\"h\",\"doc\":\"\",\"size\":16,\"aliases\":[\"Hash\"]}"),
                Arguments.of("a decimal on fixed",
                        "{\"type\": \"fixed\", \"name\": \"Money\", \"size\": 8, \"logicalType\": \"decimal\", \"precision\": 18, \"scale\": 2}",
                        "{\"type\":\"fixed\",\"name\":\"Money\",\"size\":8,\"logicalType\":\"decimal\",\"precision\":18,\"scale\":2}"),
                Arguments.of("logical types on primitives keep their attribute order",
                        """
                        {"type": "record", "name": "Times", "fields": [
                          {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                          {"name": "day", "type": {"type": "int", "logicalType": "date"}},
                          {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
                          {"name": "price", "type": {"type": "bytes", "scale": 2, "precision": 10, "logicalType": "decimal"}}
                        ]}
                        """,
                        "{\"type\":\"record\",\"name\":\"Times\",\"fields\":["
                                + "{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
                                + "{\"name\":\"day\",\"type\":{\"type\":\"int\",\"logicalType\":\"date\"}},"
                                + "{\"name\":\"id\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"}},"
                                + "{\"name\":\"price\",\"type\":{\"type\":\"bytes\",\"scale\":2,\"precision\":10,\"logicalType\":\"decimal\"}}]}"),
                Arguments.of("an unknown logical type is kept as a property",
                        "{\"type\": \"int\", \"logicalType\": \"bogus\"}",
                        "{\"type\":\"int\",\"logicalType\":\"bogus\"}"),
                Arguments.of("a union of primitives, an array and a map",
                        "[\"null\", \"string\", {\"type\": \"array\", \"items\": \"long\"}, {\"type\": \"map\", \"values\": \"int\"}]",
                        "[\"null\",\"string\",{\"type\":\"array\",\"items\":\"long\"},{\"type\":\"map\",\"values\":\"int\"}]"),
                Arguments.of("a non-ASCII doc is written as is",
                        "{\"type\": \"record\", \"name\": \"R\", \"doc\": \"caf\u00e9 \\\"quoted\\\"\", \"fields\": []}",
                        "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"caf\u00e9 \\\"quoted\\\"\",\"fields\":[]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void shouldWriteAvroCompactJson(String description, String text, String canonical) throws InvalidSchemaException {
        AvroParsedSchema schema = provider.parse(text, List.of(), List.of());

        assertThat(schema.canonicalString()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void shouldParseItsOwnCanonicalStringToTheSameText(String description, String text, String canonical)
            throws InvalidSchemaException {
        AvroParsedSchema again = provider.parse(canonical, List.of(), List.of());

        assertThat(again.canonicalString()).isEqualTo(canonical);
    }
}
