package io.ferry.cli.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = """
            {"type": "record", "name": "User", "fields": [
              {"name": "id", "type": "int"},
              {"name": "name", "type": "string"},
              {"name": "age", "type": "int"}]}""";

    @Test
    void shouldReportFieldsAddedRemovedAndTypeChangedByName() throws Exception {
        String v2 = """
                {"type": "record", "name": "User", "fields": [
                  {"name": "id", "type": "int"},
                  {"name": "email", "type": ["null", "string"], "default": null},
                  {"name": "age", "type": "long"}]}""";

        List<SchemaDiff.Change> changes = SchemaDiff.diff(JSON.readTree(V1), JSON.readTree(v2));

        assertThat(DiffCommand.table(changes).render()).isEqualTo("""
                CHANGE   PATH              BEFORE                           AFTER
                removed  fields[name]      {"name":"name","type":"string"}  -
                changed  fields[age].type  "int"                            "long"
                added    fields[email]     -                                {"name":"email","type":["null","string"],"default":null}
                """);
    }

    @Test
    void shouldFindNothingBetweenEqualSchemasWrittenInAnotherKeyOrder() throws Exception {
        String reordered = """
                {"name": "User", "fields": [
                  {"type": "int", "name": "id"},
                  {"name": "name", "type": "string"},
                  {"name": "age", "type": "int"}], "type": "record"}""";

        assertThat(SchemaDiff.diff(JSON.readTree(V1), JSON.readTree(reordered))).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"string\"                         | \"int\"                               | changed | (schema)",
        "{\"type\": \"enum\", \"symbols\": [\"A\"]} | {\"type\": \"enum\", \"symbols\": [\"A\", \"B\"]} | added   | symbols[1]",
        "{\"type\": \"record\", \"doc\": \"x\"}     | {\"type\": \"record\"}                  | removed | doc",
    })
    void shouldLocateEachKindOfChange(String before, String after, String kind, String path) throws Exception {
        List<SchemaDiff.Change> changes = SchemaDiff.diff(JSON.readTree(before), JSON.readTree(after));

        JsonNode summary = DiffCommand.summary(changes);
        assertThat(summary).hasSize(1);
        assertThat(summary.get(0).path("change").asText()).isEqualTo(kind);
        assertThat(summary.get(0).path("path").asText()).isEqualTo(path);
    }
}
