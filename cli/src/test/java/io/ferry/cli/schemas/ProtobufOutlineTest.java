package io.ferry.cli.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProtobufOutlineTest {

    private static final String V1 = """
            syntax = "proto3";
            package acme;
            import "google/protobuf/timestamp.proto";

            message Order {
              string id = 1;
              int32 qty = 2;
              google.protobuf.Timestamp at = 3;
              oneof payment {
                string card = 4;
                string voucher = 5;
              }
              message Line {
                string sku = 1;
              }
            }

            enum Status {
              NEW = 0;
              PAID = 1;
            }
            """;

    private static List<String> rows(String before, String after) {
        return SchemaDiff.diff(ProtobufOutline.of(before), ProtobufOutline.of(after)).stream()
                .map(change -> change.kind() + " " + change.path() + " " + change.before() + " -> " + change.after())
                .toList();
    }

    @Test
    void shouldShowAChangedFieldTypeAsOneChangeAtItsPath() {
        assertThat(rows(V1, V1.replace("int32 qty = 2;", "string qty = 2;")))
                .containsExactly("CHANGED messages[Order].fields[qty].type \"int32\" -> \"string\"");
    }

    @Test
    void shouldShowFieldsAddedAndRemovedWithTheirNumbers() {
        String after = V1.replace("  int32 qty = 2;\n", "").replace("message Line {", "message Line {\n    int32 count = 2;");
        assertThat(rows(V1, after)).containsExactly(
                "REMOVED messages[Order].fields[qty] {\"name\":\"qty\",\"number\":2,\"type\":\"int32\"} -> null",
                "ADDED messages[Order].messages[Line].fields[count] null -> {\"name\":\"count\",\"number\":2,\"type\":\"int32\"}");
    }

    @Test
    void shouldShowRenumberingOneofsEnumsPackageAndImports() {
        String after = V1.replace("package acme;", "package acme.v2;").replace("string voucher = 5;", "string voucher = 6;")
                .replace("PAID = 1;", "PAID = 1;\n  SHIPPED = 2;").replace("import \"google/protobuf/timestamp.proto\";\n", "")
                .replace("google.protobuf.Timestamp at = 3;", "int64 at = 3;");
        assertThat(rows(V1, after)).containsExactly(
                "CHANGED package \"acme\" -> \"acme.v2\"",
                "REMOVED imports[0] \"google/protobuf/timestamp.proto\" -> null",
                "CHANGED messages[Order].fields[at].type \"google.protobuf.Timestamp\" -> \"int64\"",
                "CHANGED messages[Order].oneofs[payment].fields[voucher].number 5 -> 6",
                "ADDED enums[Status].constants[SHIPPED] null -> {\"name\":\"SHIPPED\",\"number\":2}");
    }

    @Test
    void shouldFindNoChangeWhenOnlyLayoutAndCommentsDiffer() {
        String reformatted = V1.replace("  string id = 1;", "  // the order's id\n  string   id   =   1 ;");
        assertThat(rows(V1, reformatted)).isEmpty();
    }

    @Test
    void shouldKeepProto2LabelsAndDefaults() {
        String proto2 = "syntax = \"proto2\";\nmessage M {\n  required int32 a = 1;\n  optional string b = 2 [default = \"x\"];\n}\n";
        assertThat(rows(proto2, proto2.replace("required int32 a", "optional int32 a").replace("\"x\"", "\"y\"")))
                .containsExactly("CHANGED messages[M].fields[a].label \"required\" -> \"optional\"",
                        "CHANGED messages[M].fields[b].default \"x\" -> \"y\"");
    }

    @Test
    void shouldRefuseTextThatIsNotAProtoFileWithTheParsersMessage() {
        assertThatThrownBy(() -> ProtobufOutline.of("syntax = \"proto3\";\nmessage X { string a = ; }\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Syntax error");
    }
}
