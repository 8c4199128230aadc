package io.ferry.registry.compat;

import static io.ferry.registry.compat.AvroSchemas.avro;
import static io.ferry.registry.compat.AvroSchemas.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;
import org.junit.jupiter.api.Test;

/** What the Avro checker does beyond Avro's own rules: other schema types, long old schemas, settings. */
class CompatibilityCheckerContractTest {

    /** A schema of another type, as a JSON Schema checker would see it. */
    record JsonSchemaStub(String canonicalString) implements ParsedSchema {
        @Override
        public SchemaType type() {
            return SchemaType.JSON;
        }

        @Override
        public List<SchemaReference> references() {
            return List.of();
        }

        @Override
        public ParsedSchema normalize() {
            return this;
        }

        @Override
        public String name() {
            return null;
        }

        @Override
        public Object rawSchema() {
            return canonicalString;
        }
    }

    private static final String INT = "\"int\"";

    private final AvroCompatibilityChecker checker = new AvroCompatibilityChecker();

    @Test
    void shouldRejectAnEarlierVersionOfAnotherSchemaType() {
        List<VersionedSchema> previous = List.of(new VersionedSchema(4, new JsonSchemaStub("{\"type\":\"integer\"}")));

        CompatibilityResult result = checker.check(avro(INT), previous, CompatibilityLevel.BACKWARD);

        assertThat(result.failedVersion()).hasValue(4);
        assertThat(result.incompatibilities()).extracting(Incompatibility::type)
                .containsExactly(Incompatibility.DIFFERENT_SCHEMA_TYPE);
        assertThat(result.messages()).containsExactly(
                "Incompatible because of different schema type",
                "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void shouldIgnoreAnOlderVersionOfAnotherSchemaTypeWhenNotTransitive() {
        List<VersionedSchema> previous = List.of(
                new VersionedSchema(1, new JsonSchemaStub("{\"type\":\"integer\"}")),
                new VersionedSchema(2, avro(INT)));

        assertThat(checker.check(avro(INT), previous, CompatibilityLevel.FULL).isCompatible()).isTrue();
        assertThat(checker.check(avro(INT), previous, CompatibilityLevel.FULL_TRANSITIVE).failedVersion()).hasValue(1);
    }

    @Test
    void shouldRefuseACandidateOfAnotherSchemaType() {
        assertThatThrownBy(() -> checker.check(new JsonSchemaStub("{}"), history(INT), CompatibilityLevel.BACKWARD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON");
    }

    @Test
    void shouldCutAnOldSchemaLongerThanTenKibibytes() {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            fields.add("{\"name\":\"a_rather_long_field_name_" + i + "\",\"type\":\"string\"}");
        }
        String longSchema = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + String.join(",", fields) + "]}";
        assertThat(longSchema.length()).isGreaterThan(10 * 1024);

        CompatibilityResult result = checker.check(avro("\"int\""), history(longSchema), CompatibilityLevel.BACKWARD);

        assertThat(result.messages()).contains("{oldSchema: <truncated> '" + longSchema.substring(0, 10240) + "...'}");
    }

    @Test
    void shouldNotCutAnOldSchemaOfExactlyTenKibibytes() {
        String doc = "x".repeat(10240 - "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"\",\"fields\":[]}".length());
        String schema = "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"" + doc + "\",\"fields\":[]}";
        assertThat(schema).hasSize(10240);

        CompatibilityResult result = checker.check(avro("\"int\""), history(schema), CompatibilityLevel.BACKWARD);

        assertThat(result.messages()).contains("{oldSchema: '" + schema + "'}");
    }

    @Test
    void shouldReportTheValidateFieldsSettingInTheLastMessage() {
        CompatibilityResult result = checker.check(avro("\"string\""), history(INT), CompatibilityLevel.FULL_TRANSITIVE);

        assertThat(result.messages(true)).last().isEqualTo("{validateFields: 'true', compatibility: 'FULL_TRANSITIVE'}");
        assertThat(result.messages(false)).last().isEqualTo("{validateFields: 'false', compatibility: 'FULL_TRANSITIVE'}");
    }

    @Test
    void shouldGiveNoMessagesWhenCompatible() {
        CompatibilityResult result = checker.check(avro("\"long\""), history(INT), CompatibilityLevel.BACKWARD);

        assertThat(result.isCompatible()).isTrue();
        assertThat(result.incompatibilities()).isEmpty();
        assertThat(result.failedVersion()).isEmpty();
        assertThat(result.messages(true)).isEmpty();
    }
}
