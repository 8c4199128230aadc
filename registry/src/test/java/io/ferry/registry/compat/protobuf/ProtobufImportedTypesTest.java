package io.ferry.registry.compat.protobuf;

import static io.ferry.registry.compat.protobuf.ProtobufTestSchemas.proto;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.VersionedSchema;
import io.ferry.registry.schema.protobuf.ProtobufSchemaDocument;
import org.junit.jupiter.api.Test;

/**
 * Message types a schema takes from the files it imports: they are found through the schema's dependencies,
 * compared where a field uses them, and a type that refers to itself is compared once.
 */
class ProtobufImportedTypesTest {

    private static final String USES_HOME = """
            syntax = "proto3";
            import "home.proto";
            message Reading {
              .acme.home.Home home = 1;
            }
            """;

    private final ProtobufCompatibilityChecker checker = new ProtobufCompatibilityChecker();

    private static String home(String packageName, String idType) {
        return "syntax = \"proto3\";\npackage " + packageName + ";\nmessage Home {\n  " + idType + " id = 1;\n"
                + "  bool enabled = 2;\n}\n";
    }

    @Test
    void shouldAcceptAnImportedTypeThatChangedCompatibly() {
        ProtobufSchemaDocument old = proto(USES_HOME, Map.of("home.proto", home("acme.home", "int32")));
        ProtobufSchemaDocument candidate = proto(USES_HOME, Map.of("home.proto", home("acme.home", "int64")));

        assertThat(backwardProblems(old, candidate)).isEmpty();
    }

    @Test
    void shouldRejectAnImportedTypeThatChangedIncompatiblyAtTheFieldUsingIt() {
        ProtobufSchemaDocument old = proto(USES_HOME, Map.of("home.proto", home("acme.home", "int32")));
        ProtobufSchemaDocument candidate = proto(USES_HOME, Map.of("home.proto", home("acme.home", "string")));

        assertThat(backwardProblems(old, candidate))
                .containsExactly("FIELD_SCALAR_KIND_CHANGED #/Home/1", "FIELD_NAMED_TYPE_CHANGED #/Reading/1");
    }

    @Test
    void shouldAcceptAnImportedTypeWhosePackageChangedUnderTheSameName() {
        ProtobufSchemaDocument old = proto(USES_HOME, Map.of("home.proto", home("acme.home", "int32")));
        ProtobufSchemaDocument candidate = proto(USES_HOME.replace(".acme.home.Home", ".acme.house.Home"),
                Map.of("house.proto", home("acme.house", "int32")));

        assertThat(backwardProblems(old, candidate)).isEmpty();
    }

    @Test
    void shouldRejectAMessageMovedFromTheOwnFileIntoAnImport() {
        ProtobufSchemaDocument old = proto("""
                syntax = "proto3";
                message Reading {
                  Home home = 1;
                }
                message Home {
                  int32 id = 1;
                  bool enabled = 2;
                }
                """);
        ProtobufSchemaDocument candidate = proto(USES_HOME.replace(".acme.home.Home", "Home")
                .replace("import", "package acme.home;\nimport"), Map.of("home.proto", home("acme.home", "int32")));

        assertThat(backwardProblems(old, candidate)).contains("MESSAGE_REMOVED #/Home");
        // The other way round the type only appears in the own file.
        assertThat(backwardProblems(candidate, old)).doesNotContain("MESSAGE_REMOVED #/Home");
    }

    @Test
    void shouldCompareARecursiveImportedTypeOnce() {
        String tree = "syntax = \"proto3\";\npackage acme.tree;\nmessage Node {\n  %s value = 1;\n"
                + "  repeated Node children = 2;\n  Leaf leaf = 3;\n}\nmessage Leaf {\n  Node parent = 1;\n}\n";
        String usesTree = "syntax = \"proto3\";\nimport \"tree.proto\";\nmessage Forest {\n  acme.tree.Node root = 1;\n}\n";
        ProtobufSchemaDocument old = proto(usesTree, Map.of("tree.proto", tree.formatted("int32")));

        assertThat(backwardProblems(old, proto(usesTree, Map.of("tree.proto", tree.formatted("uint64"))))).isEmpty();
        assertThat(backwardProblems(old, proto(usesTree, Map.of("tree.proto", tree.formatted("bytes")))))
                .contains("FIELD_SCALAR_KIND_CHANGED #/Node/1", "FIELD_NAMED_TYPE_CHANGED #/Forest/1");
    }

    @Test
    void shouldResolveARelativeNameThroughTheImportingFilesPackage() {
        String uses = "syntax = \"proto3\";\npackage acme;\nimport \"home.proto\";\nmessage Reading {\n"
                + "  home.Home home = 1;\n}\n";
        ProtobufSchemaDocument old = proto(uses, Map.of("home.proto", home("acme.home", "int32")));
        ProtobufSchemaDocument candidate = proto(uses, Map.of("home.proto", home("acme.home", "double")));

        assertThat(backwardProblems(old, candidate)).contains("FIELD_NAMED_TYPE_CHANGED #/Reading/1");
    }

    private List<String> backwardProblems(ProtobufSchemaDocument old, ProtobufSchemaDocument candidate) {
        return checker.check(candidate, List.of(new VersionedSchema(1, old)), CompatibilityLevel.BACKWARD)
                .incompatibilities().stream()
                .map(i -> i.type() + " " + i.location())
                .toList();
    }
}
