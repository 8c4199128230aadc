package io.ferry.registry.api;

import static io.ferry.registry.api.RegistryHttp.encode;
import static io.ferry.registry.api.RegistryHttp.intField;
import static io.ferry.registry.api.RegistryHttp.intFieldWithDefault;
import static io.ferry.registry.api.RegistryHttp.record;
import static io.ferry.registry.api.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.api.RegistryHttp.Reply;
import org.junit.jupiter.api.Test;

/**
 * Registration, ids, subjects, versions, lookups and deletes, through the REST API, as Confluent's
 * registry answers them. Run against every backend.
 */
abstract class SchemaApiContract {

    abstract RegistryHttp api();

    static String subject(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<Integer> ints(Reply reply) {
        return RegistryHttp.JSON.convertValue(reply.json(), RegistryHttp.JSON.getTypeFactory().constructCollectionType(List.class, Integer.class));
    }

    private static List<String> strings(Reply reply) {
        return RegistryHttp.JSON.convertValue(reply.json(), RegistryHttp.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    @Test
    void shouldRegisterAndAnswerWithIdAndVersion() {
        String subject = subject("register");
        Reply reply = api().post("/subjects/" + subject + "/versions", schemaBody(record("Order", intField("id"))));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo(RegistryHttp.V1);
        assertThat(reply.json().path("id").asInt()).isPositive();
        assertThat(reply.json().path("version").asInt()).isEqualTo(1);
        assertThat(reply.json().has("schemaType")).as("AVRO is implied").isFalse();
    }

    @Test
    void shouldStoreAndAnswerWithTheCanonicalText() {
        String subject = subject("canonical");
        api().register(subject, "{ \"type\" : \"string\" }");
        Reply version = api().get("/subjects/" + subject + "/versions/1");
        assertThat(version.json().path("schema").asText()).isEqualTo("\"string\"");
        assertThat(api().get("/subjects/" + subject + "/versions/1/schema").body()).isEqualTo("\"string\"");
    }

    @Test
    void shouldShareOneIdBetweenSubjectsForTheSameSchema() {
        String schema = record("Shared" + UUID.randomUUID().toString().replace("-", ""), intField("a"));
        int first = api().register(subject("shared-a"), schema);
        int second = api().register(subject("shared-b"), schema);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldGiveNewSchemasHigherIds() {
        int first = api().register(subject("ids"), record("A" + UUID.randomUUID().toString().replace("-", ""), intField("a")));
        int second = api().register(subject("ids"), record("B" + UUID.randomUUID().toString().replace("-", ""), intField("a")));
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void shouldReturnTheExistingVersionWithoutACompatibilityCheckWhenRegisteringAgain() {
        String subject = subject("idempotent");
        api().put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        int first = api().register(subject, record("R", intField("a")));
        api().register(subject, "\"string\"");
        api().put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");
        // Incompatible with the latest version, but identical to version 1: answered as is.
        Reply again = api().post("/subjects/" + subject + "/versions", schemaBody(record("R", intField("a"))));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asInt()).isEqualTo(first);
        assertThat(again.json().path("version").asInt()).isEqualTo(1);
        assertThat(ints(api().get("/subjects/" + subject + "/versions"))).containsExactly(1, 2);
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWithConfluentsMessage() {
        String subject = subject("incompatible");
        api().register(subject, record("User", intField("id")));
        Reply refused = api().post("/subjects/" + subject + "/versions", schemaBody(record("User", intField("id"), intField("email"))));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.message()).isEqualTo("Schema being registered is incompatible with an earlier schema for subject \""
                + subject + "\", details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'email' at path "
                + "'/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'email'}, "
                + "{oldSchemaVersion: 1}, {oldSchema: '{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}'}, "
                + "{validateFields: 'false', compatibility: 'BACKWARD'}]");
        assertThat(ints(api().get("/subjects/" + subject + "/versions"))).containsExactly(1);
    }

    @Test
    void shouldAcceptACompatibleEvolution() {
        String subject = subject("evolve");
        api().register(subject, record("User", intField("id")));
        Reply accepted = api().post("/subjects/" + subject + "/versions", schemaBody(record("User", intField("id"), intFieldWithDefault("age"))));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void shouldServeSchemasById() {
        String subject = subject("by-id");
        int id = api().register(subject, record("ById", intField("a")));
        Reply byId = api().get("/schemas/ids/" + id);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().path("schema").asText()).isEqualTo(record("ById", intField("a")));
        assertThat(byId.json().has("maxId")).isFalse();
        assertThat(api().get("/schemas/ids/" + id + "?fetchMaxId=true").json().path("maxId").asInt()).isGreaterThanOrEqualTo(id);
        assertThat(api().get("/schemas/ids/" + id + "/schema").body()).isEqualTo(record("ById", intField("a")));
        assertThat(strings(api().get("/schemas/ids/" + id + "/subjects"))).containsExactly(subject);
        JsonNode versions = api().get("/schemas/ids/" + id + "/versions").json();
        assertThat(versions.toString()).isEqualTo("[{\"subject\":\"" + subject + "\",\"version\":1}]");
    }

    @Test
    void shouldServeSchemasByTheGuidConfluentWouldGiveThem() {
        String subject = subject("guid");
        Reply registered = api().post("/subjects/" + subject + "/versions", schemaBody(record("ByGuid", intField("a"))));
        String guid = registered.json().path("guid").asText();
        assertThat(guid).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        int id = registered.json().path("id").asInt();
        assertThat(api().get("/subjects/" + subject + "/versions/1").json().path("guid").asText()).isEqualTo(guid);
        assertThat(api().get("/schemas/ids/" + id).json().path("guid").asText()).isEqualTo(guid);
        Reply byGuid = api().get("/schemas/guids/" + guid);
        assertThat(byGuid.status()).isEqualTo(200);
        assertThat(byGuid.json().path("schema").asText()).isEqualTo(record("ByGuid", intField("a")));
        assertThat(api().get("/schemas/guids/" + guid + "/schema").body()).isEqualTo(record("ByGuid", intField("a")));
        Reply unknown = api().get("/schemas/guids/00000000-0000-0000-0000-000000000000");
        assertThat(unknown.errorCode()).isEqualTo(40403);
        assertThat(unknown.message()).isEqualTo("Schema 00000000-0000-0000-0000-000000000000 not found");
    }

    @Test
    void shouldFindTheLatestVersionWithGivenMetadata() {
        String subject = subject("with-metadata");
        api().put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        for (int version = 1; version <= 3; version++) {
            ObjectNode request = RegistryHttp.schemaRequest(version == 2 ? "\"long\"" : "\"int\"");
            request.putObject("metadata").putObject("properties").put("app", version < 3 ? "1" : "2").put("n", Integer.toString(version));
            assertThat(api().post("/subjects/" + subject + "/versions", request.toString()).status()).isEqualTo(200);
        }
        assertThat(api().get("/subjects/" + subject + "/metadata?key=app&value=1").json().path("version").asInt()).isEqualTo(2);
        assertThat(api().get("/subjects/" + subject + "/metadata?key=app&value=1&key=n&value=1").json().path("version").asInt()).isEqualTo(1);
        assertThat(api().get("/subjects/" + subject + "/metadata?key=app&value=2").json().path("version").asInt()).isEqualTo(3);
        assertThat(api().get("/subjects/" + subject + "/metadata?key=app&value=9").errorCode()).isEqualTo(40403);
        assertThat(api().get("/subjects/" + subject("nothing") + "/metadata?key=app&value=1").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldAnswer40403ForAnUnknownId() {
        Reply missing = api().get("/schemas/ids/987654");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo(40403);
        assertThat(missing.message()).isEqualTo("Schema 987654 not found");
        assertThat(api().get("/schemas/ids/987654/subjects").message()).isEqualTo("Schema not found");
        assertThat(api().get("/schemas/ids/not-a-number").status()).isEqualTo(404);
    }

    @Test
    void shouldListSubjectsWithAndWithoutSoftDeletedOnes() {
        String prefix = subject("list");
        String live = prefix + "-live";
        String deleted = prefix + "-deleted";
        api().register(live, "\"int\"");
        api().register(deleted, "\"long\"");
        api().delete("/subjects/" + deleted);
        assertThat(strings(api().get("/subjects?subjectPrefix=" + prefix))).containsExactly(live);
        assertThat(strings(api().get("/subjects?subjectPrefix=" + prefix + "&deleted=true"))).containsExactly(deleted, live);
        assertThat(strings(api().get("/subjects?subjectPrefix=" + prefix + "&deletedOnly=true"))).containsExactly(deleted);
        assertThat(strings(api().get("/subjects"))).contains(live).doesNotContain(deleted);
    }

    @Test
    void shouldListSchemasByPrefixLatestAndPage() {
        String subject = subject("schemas");
        api().put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        api().register(subject, "\"int\"");
        api().register(subject, "\"long\"");
        api().register(subject, "\"string\"");
        api().delete("/subjects/" + subject + "/versions/3");
        Reply all = api().get("/schemas?subjectPrefix=" + subject);
        assertThat(all.json()).hasSize(2);
        assertThat(all.json().get(0).path("version").asInt()).isEqualTo(1);
        assertThat(api().get("/schemas?subjectPrefix=" + subject + "&deleted=true").json()).hasSize(3);
        Reply latest = api().get("/schemas?subjectPrefix=" + subject + "&latestOnly=true");
        assertThat(latest.json()).hasSize(1);
        assertThat(latest.json().get(0).path("schema").asText()).isEqualTo("\"long\"");
        Reply page = api().get("/schemas?subjectPrefix=" + subject + "&offset=1&limit=1");
        assertThat(page.json()).hasSize(1);
        assertThat(page.json().get(0).path("version").asInt()).isEqualTo(2);
    }

    @Test
    void shouldServeVersionsByNumberAndLatest() {
        String subject = subject("versions");
        api().put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        api().register(subject, "\"int\"");
        int second = api().register(subject, "\"long\"");
        assertThat(ints(api().get("/subjects/" + subject + "/versions"))).containsExactly(1, 2);
        Reply latest = api().get("/subjects/" + subject + "/versions/latest");
        assertThat(latest.json().path("version").asInt()).isEqualTo(2);
        assertThat(latest.json().path("id").asInt()).isEqualTo(second);
        assertThat(latest.json().path("subject").asText()).isEqualTo(subject);
        assertThat(api().get("/subjects/" + subject + "/versions/-1").json().path("version").asInt()).isEqualTo(2);
        assertThat(api().get("/subjects/" + subject + "/versions/1").json().path("schema").asText()).isEqualTo("\"int\"");
    }

    @Test
    void shouldRefuseBadVersionStringsWith42202() {
        String subject = subject("bad-versions");
        api().register(subject, "\"int\"");
        for (String bad : List.of("0", "-5", "abc", "1.5", "99999999999")) {
            Reply reply = api().get("/subjects/" + subject + "/versions/" + bad);
            assertThat(reply.status()).as(bad).isEqualTo(422);
            assertThat(reply.errorCode()).as(bad).isEqualTo(42202);
            assertThat(reply.message()).as(bad).startsWith("The specified version '" + bad + "' is not a valid version id.");
        }
    }

    @Test
    void shouldAnswer40401And40402ForMissingSubjectsAndVersions() {
        Reply noSubject = api().get("/subjects/" + subject("absent") + "/versions");
        assertThat(noSubject.errorCode()).isEqualTo(40401);
        assertThat(noSubject.message()).matches("Subject 'absent-.*' not found\\.");
        String subject = subject("one-version");
        api().register(subject, "\"int\"");
        Reply noVersion = api().get("/subjects/" + subject + "/versions/7");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.errorCode()).isEqualTo(40402);
        assertThat(noVersion.message()).isEqualTo("Version 7 not found.");
    }

    @Test
    void shouldLookUpASchemaUnderASubject() {
        String subject = subject("lookup");
        int id = api().register(subject, record("Lookup", intField("a")));
        Reply found = api().post("/subjects/" + subject, schemaBody("{ \"type\":\"record\", \"name\":\"Lookup\", \"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("id").asInt()).isEqualTo(id);
        assertThat(found.json().path("version").asInt()).isEqualTo(1);
        assertThat(found.json().path("subject").asText()).isEqualTo(subject);

        Reply notThere = api().post("/subjects/" + subject, schemaBody("\"bytes\""));
        assertThat(notThere.errorCode()).isEqualTo(40403);
        assertThat(notThere.message()).isEqualTo("Schema not found");
        assertThat(api().post("/subjects/" + subject("nobody"), schemaBody("\"bytes\"")).errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldFindSoftDeletedVersionsOnlyWhenAsked() {
        String subject = subject("lookup-deleted");
        api().put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        api().register(subject, "\"int\"");
        api().register(subject, "\"long\"");
        api().delete("/subjects/" + subject + "/versions/1");
        assertThat(api().post("/subjects/" + subject, schemaBody("\"int\"")).errorCode()).isEqualTo(40403);
        assertThat(api().post("/subjects/" + subject + "?deleted=true", schemaBody("\"int\"")).json().path("version").asInt()).isEqualTo(1);
        assertThat(api().get("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40402);
        assertThat(api().get("/subjects/" + subject + "/versions/1?deleted=true").json().path("schema").asText()).isEqualTo("\"int\"");
        assertThat(ints(api().get("/subjects/" + subject + "/versions?deleted=true"))).containsExactly(1, 2);
        assertThat(ints(api().get("/subjects/" + subject + "/versions?deletedOnly=true"))).containsExactly(1);
    }

    @Test
    void shouldDeleteASubjectSoftlyThenForGood() {
        String subject = subject("delete-subject");
        int id = api().register(subject, record("Gone", intField("a")));
        api().put("/config/" + subject, "{\"compatibility\":\"FULL\"}");

        Reply early = api().delete("/subjects/" + subject + "?permanent=true");
        assertThat(early.errorCode()).isEqualTo(40405);
        assertThat(early.message()).isEqualTo("Subject '" + subject + "' was not deleted first before being permanently deleted");

        assertThat(ints(api().delete("/subjects/" + subject))).containsExactly(1);
        Reply twice = api().delete("/subjects/" + subject);
        assertThat(twice.errorCode()).isEqualTo(40404);
        assertThat(twice.message()).isEqualTo("Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
        assertThat(api().get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
        assertThat(api().get("/schemas/ids/" + id).status()).as("ids survive a soft delete").isEqualTo(200);
        assertThat(api().get("/config/" + subject).json().path("compatibilityLevel").asText()).as("config survives a soft delete").isEqualTo("FULL");

        assertThat(ints(api().delete("/subjects/" + subject + "?permanent=true"))).containsExactly(1);
        assertThat(api().delete("/subjects/" + subject + "?permanent=true").errorCode()).isEqualTo(40401);
        assertThat(api().get("/subjects/" + subject + "/versions?deleted=true").errorCode()).isEqualTo(40401);
        assertThat(api().get("/config/" + subject).errorCode()).as("config goes with the subject").isEqualTo(40408);
    }

    @Test
    void shouldDeleteAVersionSoftlyThenForGood() {
        String subject = subject("delete-version");
        api().put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        api().register(subject, "\"int\"");
        api().register(subject, "\"long\"");

        Reply early = api().delete("/subjects/" + subject + "/versions/2?permanent=true");
        assertThat(early.errorCode()).isEqualTo(40407);
        assertThat(early.message()).isEqualTo("Subject '" + subject + "' Version 2 was not deleted first before being permanently deleted");

        assertThat(api().delete("/subjects/" + subject + "/versions/latest").body()).isEqualTo("2");
        Reply twice = api().delete("/subjects/" + subject + "/versions/2");
        assertThat(twice.errorCode()).isEqualTo(40406);
        assertThat(twice.message()).isEqualTo("Subject '" + subject + "' Version 2 was soft deleted.Set permanent=true to delete permanently");
        assertThat(api().get("/subjects/" + subject + "/versions/latest").json().path("version").asInt()).isEqualTo(1);

        assertThat(api().delete("/subjects/" + subject + "/versions/2?permanent=true").body()).isEqualTo("2");
        assertThat(api().get("/subjects/" + subject + "/versions/2?deleted=true").errorCode()).isEqualTo(40402);
        assertThat(api().delete("/subjects/" + subject + "/versions/9").errorCode()).isEqualTo(40402);
        assertThat(api().delete("/subjects/" + subject("never") + "/versions/1").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldNumberAfterSoftDeletedVersionsAndReuseTheIdOfARegisteredAgainSchema() {
        String subject = subject("renumber");
        api().put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        int intId = api().register(subject, "\"int\"");
        api().register(subject, "\"long\"");
        api().delete("/subjects/" + subject + "/versions/2");
        Reply third = api().post("/subjects/" + subject + "/versions", schemaBody("\"string\""));
        assertThat(third.json().path("version").asInt()).as("soft-deleted numbers stay taken").isEqualTo(3);

        api().delete("/subjects/" + subject + "/versions/1");
        Reply again = api().post("/subjects/" + subject + "/versions", schemaBody("\"int\""));
        assertThat(again.json().path("id").asInt()).isEqualTo(intId);
        assertThat(again.json().path("version").asInt()).isEqualTo(4);
        assertThat(ints(api().get("/subjects/" + subject + "/versions?deleted=true")))
                .as("the soft-deleted copy is gone for good").containsExactly(2, 3, 4);
    }

    @Test
    void shouldResolveReferencesAndProtectReferencedVersions() {
        String common = subject("common");
        String orders = subject("orders");
        int commonId = api().register(common, "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"shop\",\"fields\":[{\"name\":\"cents\",\"type\":\"long\"}]}");
        ObjectNode request = RegistryHttp.schemaRequest("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"fields\":[{\"name\":\"total\",\"type\":\"Money\"}]}");
        request.putArray("references").addObject().put("name", "shop.Money").put("subject", common).put("version", 1);
        Reply registered = api().post("/subjects/" + orders + "/versions", request.toString());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        int ordersId = registered.json().path("id").asInt();
        assertThat(registered.json().path("references").toString())
                .isEqualTo("[{\"name\":\"shop.Money\",\"subject\":\"" + common + "\",\"version\":1}]");
        assertThat(api().get("/schemas/ids/" + ordersId).json().path("references").get(0).path("subject").asText()).isEqualTo(common);
        assertThat(api().get("/schemas/ids/" + ordersId).json().path("schema").asText()).doesNotContain("cents");
        assertThat(api().get("/schemas/ids/" + ordersId + "?format=resolved").json().path("schema").asText())
                .as("resolved writes the referenced type out").contains("\"name\":\"Money\"").contains("cents");
        assertThat(api().get("/subjects/" + orders + "/versions/latest?format=resolved").json().path("schema").asText()).contains("cents");
        assertThat(ints(api().get("/subjects/" + common + "/versions/1/referencedby"))).containsExactly(ordersId);
        assertThat(commonId).isNotEqualTo(ordersId);

        Reply protectedVersion = api().delete("/subjects/" + common + "/versions/1");
        assertThat(protectedVersion.status()).isEqualTo(422);
        assertThat(protectedVersion.errorCode()).isEqualTo(42206);
        assertThat(protectedVersion.message())
                .isEqualTo("One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=" + common + ",version=1}.");
        assertThat(api().delete("/subjects/" + common).errorCode()).isEqualTo(42206);

        ObjectNode missing = RegistryHttp.schemaRequest("{\"type\":\"record\",\"name\":\"Refund\",\"namespace\":\"shop\",\"fields\":[{\"name\":\"total\",\"type\":\"Money\"}]}");
        missing.putArray("references").addObject().put("name", "shop.Money").put("subject", common).put("version", 7);
        Reply unresolved = api().post("/subjects/" + subject("refund") + "/versions", missing.toString());
        assertThat(unresolved.errorCode()).isEqualTo(42201);
        assertThat(unresolved.message()).contains("No schema reference found for subject \"" + common + "\" and version 7");
    }

    @Test
    void shouldStoreMetadataAndRuleSetAsPartOfTheSchema() {
        String subject = subject("metadata");
        ObjectNode request = RegistryHttp.schemaRequest("\"int\"");
        request.putObject("metadata").putObject("properties").put("owner", "team-a");
        request.putObject("ruleSet").putArray("domainRules").addObject().put("name", "positive").put("kind", "CONDITION")
                .put("type", "CEL").put("expr", "message > 0");
        Reply first = api().post("/subjects/" + subject + "/versions", request.toString());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("metadata").toString()).isEqualTo("{\"properties\":{\"owner\":\"team-a\"}}");
        Reply stored = api().get("/subjects/" + subject + "/versions/1");
        assertThat(stored.json().path("ruleSet").path("domainRules").get(0).path("expr").asText()).isEqualTo("message > 0");
        assertThat(api().get("/schemas/ids/" + first.json().path("id").asInt()).json().path("metadata").path("properties").path("owner").asText())
                .isEqualTo("team-a");

        Reply inherited = api().post("/subjects/" + subject + "/versions", schemaBody("\"int\""));
        assertThat(inherited.json().path("version").asInt()).as("no metadata given: the latest version's is kept").isEqualTo(1);

        ObjectNode otherOwner = RegistryHttp.schemaRequest("\"int\"");
        otherOwner.putObject("metadata").putObject("properties").put("owner", "team-b");
        Reply second = api().post("/subjects/" + subject + "/versions", otherOwner.toString());
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        assertThat(second.json().path("id").asInt()).as("other metadata, other content, other id").isNotEqualTo(first.json().path("id").asInt());
    }

    @Test
    void shouldNormalizeWhenAskedAndFindNormalizedSchemasOnLookup() {
        String subject = subject("normalize");
        String aliasesZy = "{\"type\":\"record\",\"name\":\"N\",\"aliases\":[\"z\",\"y\"],\"fields\":[]}";
        String aliasesYz = "{\"type\":\"record\",\"name\":\"N\",\"aliases\":[\"y\",\"z\"],\"fields\":[]}";
        Reply normalized = api().post("/subjects/" + subject + "/versions?normalize=true", schemaBody(aliasesZy));
        assertThat(normalized.json().path("schema").asText()).contains("[\"y\",\"z\"]");
        assertThat(api().post("/subjects/" + subject, schemaBody(aliasesYz)).json().path("version").asInt()).isEqualTo(1);
        assertThat(api().post("/subjects/" + subject, schemaBody(aliasesZy)).json().path("version").asInt())
                .as("a lookup tries the normal form too").isEqualTo(1);
        assertThat(api().post("/subjects/" + subject + "/versions?normalize=true", schemaBody(aliasesZy)).json().path("version").asInt())
                .isEqualTo(1);
    }

    @Test
    void shouldCheckAgainstOneVersionOrAgainstWhatRegistrationWould() {
        String subject = subject("compat");
        api().put("/config/" + subject, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
        api().register(subject, record("C", intField("a")));
        api().register(subject, record("C", intField("a"), intFieldWithDefault("b")));
        String candidate = record("C", intFieldWithDefault("b"), intFieldWithDefault("c"));
        assertThat(api().post("/compatibility/subjects/" + subject + "/versions/2", schemaBody(candidate)).json().path("is_compatible").asBoolean())
                .isTrue();
        String needsB = record("C", intField("a"), intField("b"));
        assertThat(api().post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(needsB)).json().path("is_compatible").asBoolean())
                .isTrue();
        Reply all = api().post("/compatibility/subjects/" + subject + "/versions?verbose=true", schemaBody(needsB));
        assertThat(all.json().path("is_compatible").asBoolean()).as("version 1 has no b").isFalse();
        assertThat(all.json().path("messages").toString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("{oldSchemaVersion: 1}")
                .contains("compatibility: 'BACKWARD_TRANSITIVE'");
        Reply terse = api().post("/compatibility/subjects/" + subject + "/versions", schemaBody(needsB));
        assertThat(terse.json().has("messages")).isFalse();
        assertThat(api().post("/compatibility/subjects/" + subject + "/versions/9", schemaBody(needsB)).errorCode()).isEqualTo(40402);
        assertThat(api().post("/compatibility/subjects/" + subject("empty") + "/versions", schemaBody(needsB)).json().path("is_compatible").asBoolean())
                .isTrue();
    }

    @Test
    void shouldReportAnUnparseableCandidateAsIncompatibleOnlyWhenVerbose() {
        String subject = subject("compat-invalid");
        api().register(subject, "\"int\"");
        Reply terse = api().post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody("{\"type\":\"strin\"}"));
        assertThat(terse.errorCode()).isEqualTo(42201);
        Reply verbose = api().post("/compatibility/subjects/" + subject + "/versions/latest?verbose=true", schemaBody("{\"type\":\"strin\"}"));
        assertThat(verbose.status()).isEqualTo(200);
        assertThat(verbose.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().path("messages").get(0).asText()).startsWith("Invalid schema");
    }
}
