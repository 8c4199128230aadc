package io.ferry.registry.compat.protobuf;

import static io.ferry.registry.compat.protobuf.ProtobufTestSchemas.history;
import static io.ferry.registry.compat.protobuf.ProtobufTestSchemas.proto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.Proxy;
import java.util.List;

import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.compat.Incompatibility;
import io.ferry.registry.compat.VersionedSchema;
import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.SchemaType;
import org.junit.jupiter.api.Test;

/** The messages the Protobuf checker lists: their wording, the location paths, which schema reads. */
class ProtobufCompatibilityMessagesTest {

    private static final String ORDER_AND_LINE = """
            syntax = "proto3";
            message Order {
              string id = 1;
            }
            message Line {
              int32 qty = 1;
            }
            """;
    private static final String ORDER = """
            syntax = "proto3";
            message Order {
              string id = 1;
            }
            """;

    private final ProtobufCompatibilityChecker checker = new ProtobufCompatibilityChecker();

    @Test
    void shouldCheckProtobufSchemas() {
        assertThat(checker.type()).isEqualTo(SchemaType.PROTOBUF);
    }

    @Test
    void shouldListARemovedMessageWithTheNewSchemaReadingUnderBackward() {
        CompatibilityResult result = checker.check(proto(ORDER), history(ORDER_AND_LINE), CompatibilityLevel.BACKWARD);

        assertThat(result.messages()).containsExactly(
                "{errorType:\"MESSAGE_REMOVED\", description:\"The new schema is missing a MESSAGE type at path"
                        + " '#/Line' in the old schema\"}",
                "{oldSchemaVersion: 1}",
                "{oldSchema: '" + ORDER_AND_LINE + "'}",
                "{validateFields: 'false', compatibility: 'BACKWARD'}");
        assertThat(result.incompatibilities()).containsExactly(new Incompatibility("MESSAGE_REMOVED", "#/Line",
                "The new schema is missing a MESSAGE type at path '#/Line' in the old schema", "",
                result.messages().get(0)));
    }

    @Test
    void shouldListAnAddedMessageWithTheOldSchemaReadingUnderForward() {
        CompatibilityResult result = checker.check(proto(ORDER_AND_LINE), history(ORDER), CompatibilityLevel.FORWARD);

        assertThat(result.messages()).startsWith(
                "{errorType:\"MESSAGE_REMOVED\", description:\"The old schema is missing a MESSAGE type at path"
                        + " '#/Line' in the new schema\"}",
                "{oldSchemaVersion: 1}");
    }

    @Test
    void shouldListForwardProblemsFirstUnderFull() {
        String old = "syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n}\nmessage Gone {\n}\n";
        String candidate = "syntax = \"proto3\";\nmessage M {\n  string a = 1;\n}\nmessage Added {\n}\n";

        CompatibilityResult result = checker.check(proto(candidate), history(old), CompatibilityLevel.FULL);

        assertThat(result.incompatibilities()).extracting(Incompatibility::type, Incompatibility::location)
                .containsExactly(
                        tuple("FIELD_SCALAR_KIND_CHANGED", "#/M/1"),
                        tuple("MESSAGE_REMOVED", "#/Added"),
                        tuple("FIELD_SCALAR_KIND_CHANGED", "#/M/1"),
                        tuple("MESSAGE_REMOVED", "#/Gone"));
        assertThat(result.incompatibilities().get(0).description()).isEqualTo(
                "The kind of a SCALAR field at path '#/M/1' in the old schema does not match its kind in the new schema");
        assertThat(result.incompatibilities().get(2).description()).isEqualTo(
                "The kind of a SCALAR field at path '#/M/1' in the new schema does not match its kind in the old schema");
    }

    @Test
    void shouldDescribeEachIncompatibleKindOfChange() {
        assertThat(backwardMessages(ORDER, "syntax = \"proto3\";\npackage acme;\nmessage Order {\n  string id = 1;\n}\n"))
                .contains("{errorType:\"PACKAGE_CHANGED\", description:\"The package at '#/' in the new schema does not"
                        + " match the package in the old schema\"}");
        assertThat(backwardMessages("syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n}\nmessage N {\n}\n",
                "syntax = \"proto3\";\nmessage M {\n  N a = 1;\n}\nmessage N {\n}\n"))
                .contains("{errorType:\"FIELD_KIND_CHANGED\", description:\"The type of a field at path '#/M/1' in the"
                        + " new schema does not match the old schema\"}");
        assertThat(backwardMessages("syntax = \"proto3\";\nmessage M {\n  N a = 1;\n}\nmessage N {\n}\nmessage O {\n}\n",
                "syntax = \"proto3\";\nmessage M {\n  O a = 1;\n}\nmessage N {\n}\nmessage O {\n}\n"))
                .contains("{errorType:\"FIELD_NAMED_TYPE_CHANGED\", description:\"The type of a MESSAGE field at path"
                        + " '#/M/1' in the new schema does not match its type in the old schema\"}");
        assertThat(backwardMessages("syntax = \"proto3\";\nmessage M {\n  optional int32 a = 1;\n}\n",
                "syntax = \"proto3\";\nmessage M {\n  repeated int32 a = 1;\n}\n"))
                .contains("{errorType:\"FIELD_NUMERIC_LABEL_CHANGED\", description:\"The label for a NUMERIC field at"
                        + " path '#/M/1' in the new schema does not match its label in the old schema\"}");
    }

    @Test
    void shouldDescribeRequiredFieldChanges() {
        String without = "syntax = \"proto2\";\nmessage M {\n  optional int32 a = 1;\n}\n";
        String with = "syntax = \"proto2\";\nmessage M {\n  optional int32 a = 1;\n  required string b = 2;\n}\n";

        assertThat(backwardMessages(without, with)).contains("{errorType:\"REQUIRED_FIELD_ADDED\", description:\"A"
                + " required field  at path '#/M/2' in the new schema is missing in the old schema\"}");
        assertThat(backwardMessages(with, without)).contains("{errorType:\"REQUIRED_FIELD_REMOVED\", description:\"The"
                + " new schema is missing a required field at path: '#/M/2' in the old schema\"}");
    }

    @Test
    void shouldLocateOneofProblemsByOneofNameAndFieldNumber() {
        String three = "syntax = \"proto3\";\nmessage M {\n  oneof pick {\n    int32 a = 1;\n    string b = 2;\n"
                + "    bytes c = 3;\n  }\n}\n";
        String two = "syntax = \"proto3\";\nmessage M {\n  oneof pick {\n    int32 a = 1;\n    string b = 2;\n  }\n}\n";
        String plain = "syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  string b = 2;\n}\n";

        assertThat(backwardMessages(three, two)).contains("{errorType:\"ONEOF_FIELD_REMOVED\", description:\"The new"
                + " schema is missing a oneof field at path '#/M/pick/3' in the old schema\"}");
        assertThat(backwardMessages(plain, two)).contains("{errorType:\"MULTIPLE_FIELDS_MOVED_TO_ONEOF\","
                + " description:\"Multiple fields in the oneof at path '#/M/pick' in the new schema are outside a oneof"
                + " in the old schema\"}");
        String oneInOneof = "syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  oneof pick {\n    string b = 2;\n"
                + "  }\n}\n";
        assertThat(backwardMessages(oneInOneof, two)).contains("{errorType:\"FIELD_MOVED_TO_EXISTING_ONEOF\","
                + " description:\"A field in the oneof at path '#/M/pick' in the new schema is outside an existing"
                + " oneof in the old schema\"}");
    }

    @Test
    void shouldLocateProblemsInNestedMessagesByTheirPath() {
        String old = "syntax = \"proto3\";\nmessage Order {\n  message Line {\n    message Note {\n      string text = 4;\n"
                + "    }\n  }\n}\n";
        String candidate = old.replace("string text", "double text");

        assertThat(problems(old, candidate)).containsExactly("FIELD_SCALAR_KIND_CHANGED #/Order/Line/Note/4");
    }

    @Test
    void shouldJudgeAMapWrittenAsItsEntryMessageAsTheMap() {
        String map = "syntax = \"proto3\";\nmessage M {\n  map<string, int32> m = 1;\n}\n";
        String entry = "syntax = \"proto3\";\nmessage M {\n  repeated MEntry m = 1;\n  message MEntry {\n"
                + "    option map_entry = true;\n    string key = 1;\n    %s value = 2;\n  }\n}\n";

        assertThat(problems(map, entry.formatted("int64"))).isEmpty();
        assertThat(problems(entry.formatted("int64"), map)).isEmpty();
        assertThat(problems(map, entry.formatted("string"))).containsExactly("FIELD_SCALAR_KIND_CHANGED #/M/1");
    }

    @Test
    void shouldCompareTypeNamesThatResolveToNothingAsWritten() {
        String old = "syntax = \"proto3\";\nmessage M {\n  acme.Missing a = 1;\n}\n";

        assertThat(problems(old, old)).isEmpty();
        assertThat(problems(old, old.replace("acme.Missing", "acme.Other")))
                .containsExactly("FIELD_NAMED_TYPE_CHANGED #/M/1");
    }

    @Test
    void shouldRejectASchemaThatIsNotAProtobufDocument() {
        // Any schema of the PROTOBUF type that is not a document: only its type is ever asked for.
        ParsedSchema notADocument = (ParsedSchema) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ParsedSchema.class},
                (proxy, method, args) -> method.getName().equals("type") ? SchemaType.PROTOBUF : null);

        assertThatThrownBy(() -> checker.check(notADocument, history(ORDER), CompatibilityLevel.BACKWARD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ProtobufSchemaDocument");
    }

    private List<String> backwardMessages(String old, String candidate) {
        return checker.check(proto(candidate), history(old), CompatibilityLevel.BACKWARD).messages();
    }

    /** The backward problems as {@code TYPE path}. */
    private List<String> problems(String old, String candidate) {
        List<VersionedSchema> previous = history(old);
        return checker.check(proto(candidate), previous, CompatibilityLevel.BACKWARD).incompatibilities().stream()
                .map(i -> i.type() + " " + i.location())
                .toList();
    }
}
