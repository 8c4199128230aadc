package io.ferry.registry.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Texts that are not valid Protobuf schemas fail with the message of the part that found the fault: Wire's
 * parser for the syntax, protobuf-java for what only building the descriptor finds, the registry for imports.
 */
class ProtobufParseFailureTest {

    static Stream<Arguments> invalidSchemas() {
        return Stream.of(
                Arguments.of("an empty text", "", "Empty schema"),
                Arguments.of("a blank text", " \n ", "Empty schema"),
                Arguments.of("a missing semicolon", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1\n}\n",
                        "Could not parse Protobuf - Syntax error in :4:2: expected ';' but was '}'"),
                Arguments.of("an unknown syntax", "syntax = \"proto4\";\nmessage M {}\n",
                        "Could not parse Protobuf - Syntax error in :1:1: unexpected syntax: proto4"),
                Arguments.of("an edition instead of a syntax", "edition = \"2023\";\nmessage M {}\n",
                        "Could not parse Protobuf - Syntax error in :1:8: edition is not currently supported"),
                Arguments.of("a field number that is not a number", "syntax = \"proto3\";\nmessage M {\n  int32 a = 8.01;\n}\n",
                        "Could not parse Protobuf - Syntax error in :3:17: expected an integer but was 8.01"),
                Arguments.of("text that is not Protobuf", "{\"type\": \"record\"}",
                        "Could not parse Protobuf - Syntax error in :1:1: expected a word"),
                Arguments.of("a field of an unknown message type", "syntax = \"proto3\";\nmessage M {\n  Missing a = 1;\n}\n",
                        "M.a: \"Missing\" is not defined."),
                Arguments.of("a type of another package without its import",
                        "syntax = \"proto3\";\npackage acme;\nmessage M {\n  google.protobuf.Timestamp at = 1;\n}\n",
                        "acme.M.at: \"google.protobuf.Timestamp\" is not defined."),
                Arguments.of("a field number used twice", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  string b = 1;\n}\n",
                        "M.b: Field number 1 has already been used in \"M\" by field \"a\"."),
                Arguments.of("a field name used twice", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  string a = 2;\n}\n",
                        "M.a: \"a\" is already defined in \"M\"."),
                Arguments.of("an rpc of an unknown type", "syntax = \"proto3\";\nmessage M {}\nservice S {\n  rpc Get (M) returns (Nothing);\n}\n",
                        "S.Get: \"Nothing\" is not defined."),
                Arguments.of("an import that is neither a reference nor well-known",
                        "syntax = \"proto3\";\nimport \"acme/money.proto\";\nmessage M {}\n",
                        "Import \"acme/money.proto\" is neither a schema reference nor a well-known type"
                                + " (a reference's name must be the import path)"),
                Arguments.of("a standard option of the wrong type", "syntax = \"proto3\";\noption java_multiple_files = 3;\nmessage M {}\n",
                        "Option \"java_multiple_files\" cannot have the value 3"),
                Arguments.of("an unknown value of an enum option", "syntax = \"proto3\";\noption optimize_for = FASTEST;\nmessage M {}\n",
                        "Option \"optimize_for\" cannot have the value FASTEST"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSchemas")
    void shouldRejectANewSchemaWithTheMessageOfWhatFoundTheFault(String description, String text, String message) {
        assertThatThrownBy(() -> new ProtobufSchemaProvider().parse(text, List.of(), List.of(), ParseOptions.NEW))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> unbuildableSchemas() {
        return invalidSchemas().filter(arguments -> ((String) arguments.get()[2]).matches("(?s)(?!Could not parse|Empty).*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unbuildableSchemas")
    void shouldStillReadAStoredSchemaThatParsesButDoesNotBuild(String description, String text, String message)
            throws InvalidSchemaException {
        // A registry that stored it may have been more lenient; its text must stay readable.
        ProtobufParsedSchema stored = new ProtobufSchemaProvider().parse(text, List.of(), List.of(), ParseOptions.STORED);

        assertThat(stored.canonicalString()).isNotEmpty();
        assertThatThrownBy(() -> stored.formatted(ProtobufParsedSchema.SERIALIZED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The schema does not make a valid Protobuf descriptor: " + message);
    }
}
