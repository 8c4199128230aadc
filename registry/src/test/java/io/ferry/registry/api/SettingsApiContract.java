package io.ferry.registry.api;

import static io.ferry.registry.api.RegistryHttp.intField;
import static io.ferry.registry.api.RegistryHttp.record;
import static io.ferry.registry.api.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.ferry.registry.api.RegistryHttp.Reply;
import org.junit.jupiter.api.Test;

/**
 * Compatibility config and modes, globally and per subject, with their precedence and the
 * writes each mode allows. Tests that change global settings put them back.
 */
abstract class SettingsApiContract {

    abstract RegistryHttp api();

    static String subject(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldAnswerTheServerDefaultWhenNoGlobalConfigWasSet() {
        Reply global = api().get("/config");
        assertThat(global.status()).isEqualTo(200);
        assertThat(global.json().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldSetGetAndDeleteASubjectsConfig() {
        String subject = subject("config");
        Reply set = api().put("/config/" + subject, "{\"compatibility\":\"full_transitive\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().toString()).isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(api().get("/config/" + subject).json().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");

        Reply deleted = api().delete("/config/" + subject);
        assertThat(deleted.json().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        Reply none = api().get("/config/" + subject);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.errorCode()).isEqualTo(40408);
        assertThat(none.message()).isEqualTo("Subject '" + subject + "' does not have subject-level compatibility configured");
        assertThat(api().get("/config/" + subject + "?defaultToGlobal=true").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(api().delete("/config/" + subject).errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldKeepOtherSettingsAndMergePartialUpdates() {
        String subject = subject("config-merge");
        api().put("/config/" + subject, "{\"compatibility\":\"FORWARD\",\"normalize\":true}");
        Reply merged = api().put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        assertThat(merged.json().path("compatibility").asText()).isEqualTo("NONE");
        assertThat(merged.json().path("normalize").asBoolean()).isTrue();
        assertThat(api().get("/config/" + subject).json().toString()).isEqualTo("{\"compatibilityLevel\":\"NONE\",\"normalize\":true}");
    }

    @Test
    void shouldPreferTheSubjectsLevelThenTheGlobalOne() {
        String subject = subject("precedence");
        api().register(subject, record("P", intField("a")));
        String breaking = record("P", intField("a"), intField("b"));
        try {
            api().put("/config", "{\"compatibility\":\"NONE\"}");
            api().put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");
            assertThat(api().post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(breaking)).json().path("is_compatible").asBoolean())
                    .isFalse();
            api().delete("/config/" + subject);
            assertThat(api().post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(breaking)).json().path("is_compatible").asBoolean())
                    .as("global NONE applies once the subject has no level").isTrue();
        } finally {
            Reply reverted = api().delete("/config");
            assertThat(reverted.json().path("compatibilityLevel").asText()).isEqualTo("NONE");
        }
        assertThat(api().get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void shouldRefuseUnknownLevelsWith42203() {
        for (String body : new String[] {"{\"compatibility\":\"SIDEWAYS\"}", "{\"compatibility\":42}", "{}"}) {
            Reply reply = api().put("/config/" + subject("bad-level"), body);
            assertThat(reply.status()).as(body).isEqualTo(422);
            assertThat(reply.errorCode()).as(body).isEqualTo(42203);
            assertThat(reply.message()).as(body).isEqualTo("Invalid compatibility level. Valid values are none, backward, forward, full, "
                    + "backward_transitive, forward_transitive, and full_transitive");
        }
    }

    private static final String OPEN_OBJECT = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
    /** An optional property added to an open content model: STRICT refuses it backward, LENIENT accepts it. */
    private static final String OPTIONAL_ADDED =
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}}";

    private static String jsonSchemaBody(String schema) {
        return RegistryHttp.schemaRequest(schema).put("schemaType", "JSON").toString();
    }

    private boolean compatibleWithLatest(String subject, String body) {
        Reply reply = api().post("/compatibility/subjects/" + subject + "/versions/latest", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json().path("is_compatible").asBoolean();
    }

    @Test
    void shouldAcceptWhatALenientPolicyToleratesOnceTheSubjectSetsIt() {
        String subject = subject("policy");
        assertThat(api().post("/subjects/" + subject + "/versions", jsonSchemaBody(OPEN_OBJECT)).status()).isEqualTo(200);
        assertThat(compatibleWithLatest(subject, jsonSchemaBody(OPTIONAL_ADDED))).as("under the default STRICT policy").isFalse();

        Reply set = api().put("/config/" + subject, "{\"compatibilityPolicy\":\"lenient\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().toString()).isEqualTo("{\"compatibilityPolicy\":\"LENIENT\"}");
        assertThat(api().get("/config/" + subject).json().toString()).isEqualTo("{\"compatibilityPolicy\":\"LENIENT\"}");

        assertThat(compatibleWithLatest(subject, jsonSchemaBody(OPTIONAL_ADDED))).as("under LENIENT").isTrue();
        assertThat(api().post("/subjects/" + subject + "/versions", jsonSchemaBody(OPTIONAL_ADDED)).json().path("id").isInt()).isTrue();
    }

    @Test
    void shouldKeepThePolicyAcrossPartialUpdatesAndShowItBesideTheLevel() {
        String subject = subject("policy-merge");
        api().put("/config/" + subject, "{\"compatibility\":\"FULL\",\"compatibilityPolicy\":\"LENIENT\"}");
        Reply merged = api().put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");
        assertThat(merged.json().path("compatibilityPolicy").asText()).isEqualTo("LENIENT");
        Reply got = api().get("/config/" + subject);
        assertThat(got.json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(got.json().path("compatibilityPolicy").asText()).isEqualTo("LENIENT");
    }

    @Test
    void shouldFallBackToTheGlobalPolicyWhenTheSubjectSetsNone() {
        String subject = subject("policy-global");
        api().post("/subjects/" + subject + "/versions", jsonSchemaBody(OPEN_OBJECT));
        api().put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");
        try {
            assertThat(api().put("/config", "{\"compatibilityPolicy\":\"LENIENT\"}").status()).isEqualTo(200);
            assertThat(api().get("/config").json().path("compatibilityPolicy").asText()).isEqualTo("LENIENT");
            assertThat(compatibleWithLatest(subject, jsonSchemaBody(OPTIONAL_ADDED))).as("the global LENIENT policy").isTrue();

            api().put("/config/" + subject, "{\"compatibilityPolicy\":\"STRICT\"}");
            assertThat(compatibleWithLatest(subject, jsonSchemaBody(OPTIONAL_ADDED))).as("the subject's own STRICT policy").isFalse();
        } finally {
            api().delete("/config");
        }
        assertThat(api().get("/config").json().has("compatibilityPolicy")).isFalse();
    }

    @Test
    void shouldLeaveAvroVerdictsAsTheyAreUnderALenientPolicy() {
        String subject = subject("policy-avro");
        api().register(subject, record("P", intField("a")));
        api().put("/config/" + subject, "{\"compatibilityPolicy\":\"LENIENT\"}");
        assertThat(compatibleWithLatest(subject, schemaBody(record("P", intField("a"), intField("b"))))).isFalse();
    }

    @Test
    void shouldRefuseUnknownPoliciesWith42203() {
        for (String body : new String[] {"{\"compatibilityPolicy\":\"RELAXED\"}", "{\"compatibilityPolicy\":7}",
                "{\"compatibility\":\"FULL\",\"compatibilityPolicy\":\"\"}"}) {
            String subject = subject("bad-policy");
            Reply reply = api().put("/config/" + subject, body);
            assertThat(reply.status()).as(body).isEqualTo(422);
            assertThat(reply.errorCode()).as(body).isEqualTo(42203);
            assertThat(reply.message()).as(body).isEqualTo("Invalid compatibility policy. Valid values are strict, lenient, and logical");
            assertThat(api().get("/config/" + subject).status()).as("nothing stored for %s", body).isEqualTo(404);
        }
    }

    @Test
    void shouldAcceptLogicalButNotWithAForwardLevel() {
        String subject = subject("policy-logical");
        Reply logical = api().put("/config/" + subject, "{\"compatibility\":\"BACKWARD\",\"compatibilityPolicy\":\"LOGICAL\"}");
        assertThat(logical.status()).isEqualTo(200);
        assertThat(logical.json().path("compatibilityPolicy").asText()).isEqualTo("LOGICAL");

        Reply forward = api().put("/config/" + subject, "{\"compatibility\":\"FORWARD_TRANSITIVE\"}");
        assertThat(forward.status()).isEqualTo(422);
        assertThat(forward.errorCode()).isEqualTo(42203);
        assertThat(forward.message()).contains("compatibilityPolicy=LOGICAL cannot be combined with compatibilityLevel=FORWARD_TRANSITIVE");
        assertThat(api().get("/config/" + subject).json().path("compatibilityLevel").asText()).as("unchanged").isEqualTo("BACKWARD");
    }

    @Test
    void shouldAnswerReadWriteWhenNoModeWasSet() {
        assertThat(api().get("/mode").json().toString()).isEqualTo("{\"mode\":\"READWRITE\"}");
        String subject = subject("no-mode");
        Reply none = api().get("/mode/" + subject);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.errorCode()).isEqualTo(40409);
        assertThat(none.message()).isEqualTo("Subject '" + subject + "' does not have subject-level mode configured");
        assertThat(api().get("/mode/" + subject + "?defaultToGlobal=true").json().path("mode").asText()).isEqualTo("READWRITE");
        assertThat(api().delete("/mode/" + subject).errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldRefuseWritesButServeReadsAndIdenticalRegistrationsInReadOnlyMode() {
        String subject = subject("read-only");
        int id = api().register(subject, "\"int\"");
        assertThat(api().put("/mode/" + subject, "{\"mode\":\"READONLY\"}").json().toString()).isEqualTo("{\"mode\":\"READONLY\"}");

        Reply write = api().post("/subjects/" + subject + "/versions", schemaBody("\"long\""));
        assertThat(write.status()).isEqualTo(422);
        assertThat(write.errorCode()).isEqualTo(42205);
        assertThat(write.message()).isEqualTo("Subject " + subject + " in context  is in read-only mode");
        assertThat(api().delete("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(42205);
        assertThat(api().delete("/subjects/" + subject).errorCode()).isEqualTo(42205);
        assertThat(api().put("/config/" + subject, "{\"compatibility\":\"NONE\"}").errorCode()).isEqualTo(42205);

        assertThat(api().post("/subjects/" + subject + "/versions", schemaBody("\"int\"")).json().path("id").asInt()).isEqualTo(id);
        assertThat(api().post("/subjects/" + subject, schemaBody("\"int\"")).json().path("version").asInt()).isEqualTo(1);
        assertThat(api().get("/subjects/" + subject + "/versions/1").status()).isEqualTo(200);

        assertThat(api().delete("/mode/" + subject).json().toString()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(api().post("/subjects/" + subject + "/versions", schemaBody("\"long\"")).status())
                .as("writable again once the subject's mode is gone").isEqualTo(200);
    }

    @Test
    void shouldRefuseUnknownModesWith42204() {
        for (String body : new String[] {"{\"mode\":\"WRITEONLY\"}", "{\"mode\":1}", "{}"}) {
            Reply reply = api().put("/mode/" + subject("bad-mode"), body);
            assertThat(reply.status()).as(body).isEqualTo(422);
            assertThat(reply.errorCode()).as(body).isEqualTo(42204);
            assertThat(reply.message()).as(body).isEqualTo("Invalid mode. Valid values are READWRITE, READONLY, and IMPORT.");
        }
    }

    @Test
    void shouldAcceptExplicitIdsOnlyInImportMode() {
        String subject = subject("import");
        String withId = RegistryHttp.schemaRequest("\"int\"").put("id", 900_001).put("version", 5).toString();
        Reply outside = api().post("/subjects/" + subject + "/versions", withId);
        assertThat(outside.errorCode()).isEqualTo(42205);
        assertThat(outside.message()).isEqualTo("Subject " + subject + " in context  is not in import mode");

        assertThat(api().put("/mode/" + subject, "{\"mode\":\"IMPORT\"}").json().path("mode").asText()).isEqualTo("IMPORT");
        Reply imported = api().post("/subjects/" + subject + "/versions", withId);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("id").asInt()).isEqualTo(900_001);
        assertThat(imported.json().path("version").asInt()).isEqualTo(5);
        assertThat(api().get("/schemas/ids/900001").json().path("schema").asText()).isEqualTo("\"int\"");

        Reply noId = api().post("/subjects/" + subject + "/versions", schemaBody("\"long\""));
        assertThat(noId.errorCode()).isEqualTo(42205);
        assertThat(noId.message()).isEqualTo("Subject " + subject + " in context  is not in read-write mode");

        String clash = RegistryHttp.schemaRequest("\"string\"").put("id", 900_001).toString();
        Reply overwrite = api().post("/subjects/" + subject + "/versions", clash);
        assertThat(overwrite.errorCode()).isEqualTo(42205);
        assertThat(overwrite.message()).isEqualTo("Overwrite new schema with id 900001 in context  is not permitted.");
        api().delete("/mode/" + subject);
    }

    @Test
    void shouldEnterImportModeOnlyWithoutLiveSchemasUnlessForced() {
        String subject = subject("import-busy");
        api().register(subject, "\"int\"");
        Reply busy = api().put("/mode/" + subject, "{\"mode\":\"IMPORT\"}");
        assertThat(busy.errorCode()).isEqualTo(42205);
        assertThat(busy.message()).isEqualTo("Cannot import since found existing subjects");
        assertThat(api().put("/mode/" + subject + "?force=true", "{\"mode\":\"IMPORT\"}").json().path("mode").asText()).isEqualTo("IMPORT");
        assertThat(api().get("/mode/" + subject).json().path("mode").asText()).isEqualTo("IMPORT");
        api().delete("/mode/" + subject);
    }

    @Test
    void shouldLetAGlobalReadOnlyModeStopEveryWrite() {
        String subject = subject("global-read-only");
        try {
            api().put("/mode", "{\"mode\":\"READONLY_OVERRIDE\"}");
            api().put("/mode/" + subject, "{\"mode\":\"READWRITE\"}");
            assertThat(api().post("/subjects/" + subject + "/versions", schemaBody("\"int\"")).errorCode()).isEqualTo(42205);
        } finally {
            assertThat(api().delete("/mode").json().path("mode").asText()).isEqualTo("READONLY_OVERRIDE");
            api().delete("/mode/" + subject);
        }
        assertThat(api().get("/mode").json().path("mode").asText()).isEqualTo("READWRITE");
        assertThat(api().post("/subjects/" + subject + "/versions", schemaBody("\"int\"")).status()).isEqualTo(200);
    }
}
