package io.ferry.registry.schema.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The normal form behind {@code normalize=true}. */
class AvroNormalFormTest {

    private final AvroSchemaProvider provider = new AvroSchemaProvider();

    static Stream<Arguments> normalForms() {
        return Stream.of(
                Arguments.of("a plain primitive stays as it is", "{\"type\": \"int\"}", "\"int\""),
                Arguments.of("properties of a primitive are sorted",
                        "{\"type\": \"string\", \"z\": 1, \"a\": {\"y\": 1, \"x\": 2}}",
                        "{\"type\":\"string\",\"a\":{\"x\":2,\"y\":1},\"z\":1}"),
                Arguments.of("a logical type's attributes come before the other, sorted, properties",
                        "{\"type\": \"long\", \"connect.version\": 1, \"logicalType\": \"timestamp-millis\", \"arg\": true}",
                        "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\",\"arg\":true,\"connect.version\":1}"),
                Arguments.of("a decimal's precision and scale follow its logical type",
                        "{\"type\": \"bytes\", \"scale\": 2, \"precision\": 10, \"logicalType\": \"decimal\", \"connect.name\": \"x\"}",
                        "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":2,\"connect.name\":\"x\"}"),
                Arguments.of("an unknown logical type is sorted among the properties",
                        "{\"type\": \"int\", \"logicalType\": \"bogus\", \"a\": 1}",
                        "{\"type\":\"int\",\"a\":1,\"logicalType\":\"bogus\"}"),
                Arguments.of("union branches keep their order, their properties are sorted",
                        "[\"null\", {\"type\": \"map\", \"values\": \"int\", \"z\": 1, \"a\": 2}, \"string\"]",
                        "[\"null\",{\"type\":\"map\",\"values\":\"int\",\"a\":2,\"z\":1},\"string\"]"),
                Arguments.of("an empty doc of a named type is dropped",
                        "{\"type\": \"fixed\", \"name\": \"Md5\", \"namespace\": \"h\", \"doc\": \"\", \"size\": 16}",
                        "{\"type\":\"fixed\",\"name\":\"Md5\",\"namespace\":\"h\",\"size\":16}"),
                Arguments.of("enum symbols keep their order",
                        "{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"Z\", \"A\"], \"default\": \"A\", \"aliases\": [\"Y\", \"B\"]}",
                        "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"Z\",\"A\"],\"default\":\"A\",\"aliases\":[\"B\",\"Y\"]}"),
                Arguments.of("a record's properties, aliases, defaults and field attributes are normalised",
                        """
                        {"type": "record", "name": "R", "namespace": "a.b", "doc": "", "zeta": 1,
                         "alpha": {"y": 1, "x": 2}, "aliases": ["Zed", "Alt"], "fields": [
                          {"name": "d", "type": "double", "default": 1},
                          {"name": "fl", "type": "float", "default": 0.1},
                          {"name": "m", "type": {"type": "map", "values": "int"}, "default": {"b": 1, "a": 2}},
                          {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["Z", "A"]},
                           "aliases": ["y", "x"], "doc": "", "zz": 1, "aa": 2},
                          {"name": "e2", "type": "E"}
                        ]}
                        """,
                        "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"a.b\",\"fields\":["
                                + "{\"name\":\"d\",\"type\":\"double\",\"default\":1.0},"
                                + "{\"name\":\"fl\",\"type\":\"float\",\"default\":0.1},"
                                + "{\"name\":\"m\",\"type\":{\"type\":\"map\",\"values\":\"int\"},\"default\":{\"a\":2,\"b\":1}},"
                                + "{\"name\":\"e\",\"type\":{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"Z\",\"A\"]},"
                                + "\"doc\":\"\",\"aliases\":[\"x\",\"y\"],\"aa\":2,\"zz\":1},"
                                + "{\"name\":\"e2\",\"type\":\"E\"}],"
                                + "\"alpha\":{\"x\":2,\"y\":1},\"zeta\":1,\"aliases\":[\"Alt\",\"Zed\"]}"),
                Arguments.of("a default its field's type cannot hold is dropped",
                        "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"s\", \"type\": \"string\", \"default\": 5}]}",
                        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"s\",\"type\":\"string\"}]}"),
                Arguments.of("a bytes default keeps its characters",
                        "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"b\", \"type\": \"bytes\", \"default\": \"\\u00ff\"}]}",
                        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"b\",\"type\":\"bytes\",\"default\":\"\u00ff\"}]}"),
                Arguments.of("a nested type in the null namespace moves into the enclosing namespace, as in Confluent",
                        """
                        {"type": "record", "name": "R", "namespace": "a.b", "fields": [
                          {"name": "x", "type": {"type": "record", "name": "X", "namespace": "", "fields": [{"name": "i", "type": "int"}]}}
                        ]}
                        """,
                        "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"a.b\",\"fields\":["
                                + "{\"name\":\"x\",\"type\":{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"i\",\"type\":\"int\"}]}}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalForms")
    void shouldNormaliseToConfluentsNormalForm(String description, String text, String normalForm)
            throws InvalidSchemaException {
        AvroParsedSchema normalized = provider.parse(text, List.of(), List.of()).normalize();

        assertThat(normalized.canonicalString()).isEqualTo(normalForm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalForms")
    void shouldLeaveANormalFormUnchanged(String description, String text, String normalForm)
            throws InvalidSchemaException {
        AvroParsedSchema normalized = provider.parse(text, List.of(), List.of()).normalize();

        assertThat(normalized.normalize()).isEqualTo(normalized);
    }

    @Test
    void shouldNormaliseEquivalentTextsToEqualSchemas() throws InvalidSchemaException {
        String one = """
                {"type": "record", "name": "User", "namespace": "com.acme", "owner": "a", "team": "b",
                 "aliases": ["Person", "Human"], "fields": [{"name": "age", "type": "int", "x": 1, "y": 2}]}
                """;
        String other = """
                {"fields": [{"y": 2, "type": "int", "name": "age", "x": 1}], "team": "b", "owner": "a",
                 "name": "com.acme.User", "type": "record", "aliases": ["com.acme.Human", "Person"]}
                """;

        AvroParsedSchema first = provider.parse(one, List.of(), List.of());
        AvroParsedSchema second = provider.parse(other, List.of(), List.of());

        assertThat(first).isNotEqualTo(second);
        assertThat(first.normalize()).isEqualTo(second.normalize());
    }

    @Test
    void shouldSortReferencesBySubjectThenVersionAndDropRepeats() throws InvalidSchemaException {
        String address = "{\"type\": \"record\", \"name\": \"Address\", \"fields\": [{\"name\": \"s\", \"type\": \"string\"}]}";
        String phone = "{\"type\": \"fixed\", \"name\": \"Phone\", \"size\": 12}";
        String contact = """
                {"type": "record", "name": "Contact", "fields": [
                  {"name": "address", "type": "Address"}, {"name": "phone", "type": "Phone"}]}
                """;
        SchemaReference phoneRef = new SchemaReference("Phone", "phone", 2);
        SchemaReference addressRef = new SchemaReference("Address", "address", 7);

        AvroParsedSchema normalized = provider.parse(contact, List.of(phoneRef, addressRef, phoneRef), List.of(
                new ResolvedReference(addressRef, address),
                new ResolvedReference(phoneRef, phone))).normalize();

        assertThat(normalized.references()).containsExactly(addressRef, phoneRef);
        assertThat(normalized.canonicalString()).isEqualTo(
                "{\"type\":\"record\",\"name\":\"Contact\",\"fields\":["
                        + "{\"name\":\"address\",\"type\":\"Address\"},{\"name\":\"phone\",\"type\":\"Phone\"}]}");
    }
}
