package io.ferry.registry.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaReference;
import org.junit.jupiter.api.Test;

/** A schema may import the files of schemas registered under other subjects: a reference's name is the import path. */
class ProtobufReferencesTest {

    private static final String MONEY = """
            syntax = "proto3";
            package shop;
            message Money { int64 cents = 1; string currency = 2; }
            """;
    private static final String LINE = """
            syntax = "proto3";
            package shop;
            import "shop/money.proto";
            message Line { string sku = 1; Money price = 2; }
            """;
    private static final String ORDER = """
            syntax = "proto3";
            package shop;
            import "shop/line.proto";
            import "google/protobuf/timestamp.proto";
            message Order { repeated Line lines = 1; Money total = 2; google.protobuf.Timestamp at = 3; }
            """;
    private static final SchemaReference MONEY_REF = new SchemaReference("shop/money.proto", "money-value", 1);
    private static final SchemaReference LINE_REF = new SchemaReference("shop/line.proto", "line-value", 2);

    private final ProtobufSchemaProvider provider = new ProtobufSchemaProvider();

    @Test
    void shouldResolveTypesOfAReferencedFile() throws InvalidSchemaException {
        ProtobufParsedSchema line = provider.parse(LINE, List.of(MONEY_REF),
                List.of(new ResolvedReference(MONEY_REF, MONEY)), ParseOptions.NEW);

        FieldDescriptor price = line.descriptor().findMessageTypeByName("Line").findFieldByName("price");
        assertThat(price.getMessageType().getFullName()).isEqualTo("shop.Money");
        assertThat(price.getMessageType().getFile().getName()).isEqualTo("shop/money.proto");
        assertThat(line.references()).containsExactly(MONEY_REF);
        assertThat(line.dependencies()).containsOnlyKeys("shop/money.proto");
        assertThat(line.canonicalString()).contains("import \"shop/money.proto\";").contains("Money price = 2;");
    }

    @Test
    void shouldReachTypesOfTransitiveReferencesOnlyThroughPublicImports() throws InvalidSchemaException {
        List<ResolvedReference> resolved = List.of(new ResolvedReference(MONEY_REF, MONEY), new ResolvedReference(LINE_REF, LINE));

        // Order uses Money, which line.proto imports but does not re-export: protoc refuses that too.
        assertThatThrownBy(() -> provider.parse(ORDER, List.of(LINE_REF), resolved, ParseOptions.NEW))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("\"Money\" is not defined");

        String publicLine = LINE.replace("import \"shop/money.proto\";", "import public \"shop/money.proto\";");
        ProtobufParsedSchema order = provider.parse(ORDER, List.of(LINE_REF),
                List.of(new ResolvedReference(MONEY_REF, MONEY), new ResolvedReference(LINE_REF, publicLine)), ParseOptions.NEW);
        assertThat(order.dependencies()).containsOnlyKeys("shop/money.proto", "shop/line.proto", "google/protobuf/timestamp.proto");
        assertThat(order.descriptor().findMessageTypeByName("Order").findFieldByName("total").getMessageType().getFullName())
                .isEqualTo("shop.Money");
    }

    @Test
    void shouldPreferAReferenceToABuiltInFileOfTheSamePath() throws InvalidSchemaException {
        SchemaReference own = new SchemaReference("google/protobuf/timestamp.proto", "my-timestamp", 1);
        String ownTimestamp = "syntax = \"proto3\";\npackage google.protobuf;\nmessage Timestamp { string iso = 1; }\n";

        ProtobufParsedSchema schema = provider.parse(
                "syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\nmessage E { google.protobuf.Timestamp at = 1; }\n",
                List.of(own), List.of(new ResolvedReference(own, ownTimestamp)), ParseOptions.NEW);

        assertThat(schema.descriptor().findMessageTypeByName("E").findFieldByName("at").getMessageType().findFieldByName("iso"))
                .isNotNull();
    }

    @Test
    void shouldRejectAReferenceThatWasNotResolved() {
        assertThatThrownBy(() -> provider.parse(LINE, List.of(MONEY_REF), List.of(), ParseOptions.NEW))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("No schema reference found for subject \"money-value\" and version 1");
    }

    @Test
    void shouldRejectAReferenceNamedOtherwiseThanTheImport() {
        SchemaReference misnamed = new SchemaReference("shop.Money", "money-value", 1);

        assertThatThrownBy(() -> provider.parse(LINE, List.of(misnamed),
                List.of(new ResolvedReference(misnamed, MONEY)), ParseOptions.NEW))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("Import \"shop/money.proto\" is neither a schema reference nor a well-known type"
                        + " (a reference's name must be the import path)");
    }

    @Test
    void shouldRejectAnInvalidReferencedFileWithItsMessage() {
        assertThatThrownBy(() -> provider.parse(LINE, List.of(MONEY_REF),
                List.of(new ResolvedReference(MONEY_REF, "syntax = \"proto3\";\nmessage Money {\n")), ParseOptions.NEW))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageStartingWith("Could not parse Protobuf - Syntax error in shop/money.proto:");
    }

    @Test
    void shouldRejectImportsThatFormACycle() {
        SchemaReference a = new SchemaReference("a.proto", "a", 1);
        SchemaReference b = new SchemaReference("b.proto", "b", 1);
        String aText = "syntax = \"proto3\";\nimport \"b.proto\";\nmessage A {}\n";
        String bText = "syntax = \"proto3\";\nimport \"a.proto\";\nmessage B {}\n";

        assertThatThrownBy(() -> provider.parse(aText, List.of(b),
                List.of(new ResolvedReference(a, aText), new ResolvedReference(b, bText)), ParseOptions.NEW))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("Import cycle: b.proto -> a.proto -> b.proto");
    }
}
