package io.ferry.cli.schemas;

import static io.ferry.cli.FerryRun.ferry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cli.FerryRun;
import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry schemas} against a real Ferry registry on a local log. */
class SchemasCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = """
            {"type": "record", "name": "User", "fields": [{"name": "id", "type": "int"}, {"name": "age", "type": "int"}]}""";
    private static final String V2 = """
            {"type": "record", "name": "User", "fields": [{"name": "id", "type": "int"}, {"name": "age", "type": "long"},
              {"name": "email", "type": "string", "default": ""}]}""";
    private static final String NO_DEFAULT = """
            {"type": "record", "name": "User", "fields": [{"name": "id", "type": "int"}, {"name": "age", "type": "int"},
              {"name": "email", "type": "string"}]}""";

    @TempDir
    Path dir;

    @Test
    void shouldRegisterShowCheckDiffConfigureAndDeleteSchemas() throws Exception {
        try (RegistryServer registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir.resolve("registry")), "test")) {
            String url = registry.url();
            FerryRun registered = ferry("schemas", "--url", url, "register", "users-value", "-f", file("v1.avsc", V1));
            assertThat(registered.exitCode()).as(registered.toString()).isZero();
            assertThat(registered.lines().get(1)).matches("users-value +1 +1");
            assertThat(ferry("schemas", "--url", url, "subjects").lines()).containsExactly("SUBJECT", "users-value");

            FerryRun get = ferry("schemas", "--url", url, "get", "users-value");
            assertThat(get.lines().get(0)).matches("SUBJECT +VERSION +ID +TYPE +SCHEMA");
            assertThat(get.lines().get(1)).startsWith("users-value  1        1   AVRO  {\"type\":\"record\"");
            JsonNode json = JSON.readTree(ferry("schemas", "--url", url, "--output", "json", "get", "users-value", "--version", "1").out());
            assertThat(json.path("id").asInt()).isEqualTo(1);

            FerryRun compatible = ferry("schemas", "--url", url, "check", "users-value", "-f", file("v2.avsc", V2));
            assertThat(compatible.exitCode()).as(compatible.toString()).isZero();
            assertThat(compatible.lines()).containsExactly("RESULT      MESSAGE", "compatible");
            FerryRun incompatible = ferry("schemas", "--url", url, "check", "users-value", "-f", file("bad.avsc", NO_DEFAULT), "--version", "1");
            assertThat(incompatible.exitCode()).as(incompatible.toString()).isEqualTo(1);
            assertThat(incompatible.out()).contains("incompatible").contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("email");

            assertThat(ferry("schemas", "--url", url, "register", "users-value", "-f", file("v2.avsc", V2)).exitCode()).isZero();
            FerryRun diff = ferry("schemas", "--url", url, "diff", "users-value", "1", "2");
            assertThat(diff.lines()).hasSize(3);
            assertThat(diff.lines().get(1)).matches("changed +fields\\[age]\\.type +\"int\" +\"long\"");
            assertThat(diff.lines().get(2)).matches("added +fields\\[email] +- +\\{\"name\":\"email\".*");

            assertThat(ferry("schemas", "--url", url, "config").lines()).containsExactly("SUBJECT   COMPATIBILITY", "(global)  BACKWARD");
            assertThat(ferry("schemas", "--url", url, "config", "users-value", "--set", "none").lines()).containsExactly("set users-value to NONE");
            assertThat(ferry("schemas", "--url", url, "config", "users-value").lines()).containsExactly("SUBJECT      COMPATIBILITY",
                    "users-value  NONE");

            assertThat(ferry("schemas", "--url", url, "delete", "users-value", "--version", "2").lines())
                    .containsExactly("deleted users-value version 2");
            assertThat(ferry("schemas", "--url", url, "delete", "users-value").lines()).containsExactly("deleted users-value versions 1");
            assertThat(ferry("schemas", "--url", url, "delete", "users-value", "--permanent").lines())
                    .containsExactly("deleted users-value versions 1, 2 permanently");
            FerryRun gone = ferry("schemas", "--url", url, "get", "users-value");
            assertThat(gone.exitCode()).isEqualTo(1);
            assertThat(gone.err().lines()).singleElement().asString().startsWith("ferry schemas get: Subject 'users-value' not found")
                    .endsWith("(error_code 40401)");
        }
    }

    @Test
    void shouldRegisterCheckAndDiffProtobufSchemas() throws Exception {
        String v1 = "syntax = \"proto3\";\npackage acme;\n\nmessage Order {\n  string id = 1;\n  int32 qty = 2;\n}\n";
        String v2 = v1.replace("  int32 qty = 2;\n", "  int32 qty = 2;\n  string note = 3;\n");
        String changedType = v1.replace("int32 qty = 2;", "string qty = 2;");
        try (RegistryServer registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir.resolve("registry")), "test")) {
            String url = registry.url();
            assertThat(ferry("schemas", "--url", url, "register", "orders-value", "-f", file("v1.proto", v1), "--type", "PROTOBUF")
                    .exitCode()).isZero();
            FerryRun incompatible = ferry("schemas", "--url", url, "check", "orders-value", "-f", file("bad.proto", changedType),
                    "--type", "PROTOBUF");
            assertThat(incompatible.exitCode()).as(incompatible.toString()).isEqualTo(1);
            assertThat(incompatible.out()).contains("FIELD_SCALAR_KIND_CHANGED").contains("#/Order/2");
            FerryRun second = ferry("schemas", "--url", url, "register", "orders-value", "-f", file("v2.proto", v2), "--type", "PROTOBUF");
            assertThat(second.exitCode()).as(second.toString()).isZero();

            FerryRun diff = ferry("schemas", "--url", url, "diff", "orders-value", "1", "2");
            assertThat(diff.exitCode()).as(diff.toString()).isZero();
            assertThat(diff.lines()).hasSize(2);
            assertThat(diff.lines().get(1)).matches("added +messages\\[Order]\\.fields\\[note] +- +"
                    + "\\{\"name\":\"note\",\"number\":3,\"type\":\"string\"}");
        }
    }

    @Test
    void shouldRefuseBadInputAndReportServerErrors() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.avsc"), "{\"type\": \"record\",\n \"name\": \"X\",\n \"fields\": [}\n");
        try (RegistryServer registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir.resolve("registry")), "test")) {
            String url = registry.url();
            FerryRun syntax = ferry("schemas", "--url", url, "register", "s", "-f", broken.toString());
            assertThat(syntax.exitCode()).isEqualTo(2);
            assertThat(syntax.err().lines()).singleElement().asString().startsWith("ferry schemas register: " + broken + ":3: ");
            assertThat(ferry("schemas", "--url", url, "get", "s", "--version", "zero").exitCode()).isEqualTo(2);
            assertThat(ferry("schemas", "--url", url, "subjects", "--deleted-only").exitCode()).isEqualTo(2);

            FerryRun invalid = ferry("schemas", "--url", url, "register", "s", "-f", file("invalid.avsc", "{\"type\": \"recrod\"}"));
            assertThat(invalid.exitCode()).isEqualTo(3);
            assertThat(invalid.err().lines()).singleElement().asString().startsWith("ferry schemas register: Invalid schema")
                    .endsWith("(error_code 42201)");
        }
        FerryRun down = ferry("schemas", "--url", "http://127.0.0.1:1", "subjects");
        assertThat(down.exitCode()).isEqualTo(3);
        assertThat(down.err().lines()).containsExactly("ferry schemas subjects: cannot reach http://127.0.0.1:1: connection refused");
    }

    private String file(String name, String schema) throws Exception {
        return Files.writeString(dir.resolve(name), schema).toString();
    }
}
