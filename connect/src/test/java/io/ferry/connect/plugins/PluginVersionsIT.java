package io.ferry.connect.plugins;

import static io.ferry.connect.plugins.TestPluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.errors.RawRecords;
import io.ferry.connect.rest.ConnectHttp;
import io.ferry.connect.rest.ConnectHttp.Reply;
import io.ferry.connect.server.DistributedConnect;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connect.server.WorkerFixture;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two versions of one connector class and one SMT class installed side by side, in {@code v1/} (1.0) and
 * {@code v2/} (2.0) of the {@code plugin.path} (and 2.0 once more in {@code v2-again/}), as Apache Kafka Connect 4.1+ (KIP-891) runs them: each config
 * picks its versions, the worker runs each connector with the code of the version it picked, and the REST API
 * lists, describes and validates each version. One standalone worker on one broker serves every test but one,
 * which runs a cluster of two distributed workers.
 */
class PluginVersionsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONNECTOR = "com.example.versioned.VersionedSourceConnector";
    private static final String SMT = "com.example.versioned.VersionTag";
    private static final int RECORDS = 3;
    private static final String SECRET_CONVERTER = "com.example.secrets.SecretConverter";
    private static final String SECRET_SMT = "com.example.secrets.SecretTag";
    private static final String SECRET_PREDICATE = "com.example.secrets.SecretMatch";
    private static final List<String> SECRETS = List.of("converter-s3cret", "smt-s3cret", "predicate-s3cret");

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    static Path root;

    static Path pluginPath;
    static StandaloneConnect connect;
    static ConnectHttp http;

    @BeforeAll
    static void startWorker() throws IOException {
        pluginPath = root.resolve("plugins");
        for (String version : List.of("1.0", "2.0")) {
            versioned(version).writeJar(pluginPath.resolve("v" + version.charAt(0)).resolve("versioned.jar"));
        }
        // The same version installed twice: one copy is used, and it is listed once.
        TestPluginBuilder.copyInto(pluginPath.resolve("v2/versioned.jar"), pluginPath.resolve("v2-again"));
        // Plugins of other classes, in a folder of their own, whose only setting is a secret.
        withSecrets("1.0").writeJar(pluginPath.resolve("secrets").resolve("secrets.jar"));
        connect = StandaloneConnect.start(withPluginPath(WorkerFixture.workerSettings(KAFKA.cluster(), root)), List.of(), "test");
        http = new ConnectHttp(connect.restUrl());
    }

    @AfterAll
    static void stopWorker() {
        if (connect != null) {
            connect.close();
        }
    }

    private static Map<String, String> withPluginPath(Map<String, String> settings) {
        return withPluginPath(settings, pluginPath);
    }

    private static Map<String, String> withPluginPath(Map<String, String> settings, Path path) {
        settings.put("plugin.path", path.toString());
        settings.put("plugin.discovery", "service_load");
        return settings;
    }

    /** The connector (whose tasks write "source-VERSION") and the SMT (which appends "|smt-VERSION"), in one version. */
    static TestPluginBuilder versioned(String version) {
        String configDef = ("new ConfigDef().define(\"topic\", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, \"Where to write.\")"
                + ".define(\"only.in.%1$s\", ConfigDef.Type.STRING, \"\", ConfigDef.Importance.LOW, \"Version %1$s's.\")").formatted(version);
        String task = "com.example.versioned.VersionedSourceTask";
        return plugin()
                .source(CONNECTOR, TestPluginSources.sourceConnector(CONNECTOR, version, task, configDef))
                .source(task, TestPluginSources.sourceTask(task, version, RECORDS, "source-" + version))
                .source(SMT, TestPluginSources.appendingTransformation(SMT, version, "|smt-" + version))
                .service(SourceConnector.class, CONNECTOR)
                .service(Transformation.class, SMT);
    }

    /** A converter, an SMT and a predicate in one version, each with two PASSWORD settings, {@code secret} and {@code token}. */
    static TestPluginBuilder withSecrets(String version) {
        String secret = "new ConfigDef().define(\"secret\", ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.HIGH, \"A secret.\")"
                + ".define(\"token\", ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.LOW, \"Another secret.\")";
        return plugin()
                .source(SECRET_CONVERTER, """
                        package com.example.secrets;
                        import java.nio.charset.StandardCharsets;
                        import java.util.Map;
                        import org.apache.kafka.common.config.ConfigDef;
                        import org.apache.kafka.connect.components.Versioned;
                        import org.apache.kafka.connect.data.Schema;
                        import org.apache.kafka.connect.data.SchemaAndValue;
                        import org.apache.kafka.connect.storage.Converter;
                        public class SecretConverter implements Converter, Versioned {
                            public void configure(Map<String, ?> configs, boolean isKey) { }
                            public byte[] fromConnectData(String topic, Schema schema, Object value) {
                                return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
                            }
                            public SchemaAndValue toConnectData(String topic, byte[] value) {
                                return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, value == null ? null : new String(value, StandardCharsets.UTF_8));
                            }
                            public ConfigDef config() { return %1$s; }
                            public String version() { return "%2$s"; }
                        }
                        """.formatted(secret, version))
                .source(SECRET_SMT, TestPluginSources.passThroughTransformation(SECRET_SMT, version, secret))
                .source(SECRET_PREDICATE, """
                        package com.example.secrets;
                        import java.util.Map;
                        import org.apache.kafka.common.config.ConfigDef;
                        import org.apache.kafka.connect.components.Versioned;
                        import org.apache.kafka.connect.connector.ConnectRecord;
                        import org.apache.kafka.connect.transforms.predicates.Predicate;
                        public class SecretMatch<R extends ConnectRecord<R>> implements Predicate<R>, Versioned {
                            public boolean test(R record) { return false; }
                            public ConfigDef config() { return %1$s; }
                            public void configure(Map<String, ?> configs) { }
                            public void close() { }
                            public String version() { return "%2$s"; }
                        }
                        """.formatted(secret, version))
                .service(org.apache.kafka.connect.storage.Converter.class, SECRET_CONVERTER)
                .service(Transformation.class, SECRET_SMT)
                .service(org.apache.kafka.connect.transforms.predicates.Predicate.class, SECRET_PREDICATE);
    }

    @Test
    void shouldKeepEveryVersionWithItsOwnLoaderAndPickTheOneARangeAsksFor() {
        Plugins plugins = Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.SERVICE_LOAD);
        try (plugins) {
            Class<?> latest = plugins.connectorClass("VersionedSource");
            Class<?> first = plugins.connectorClass("VersionedSource", requirement("1.0"));

            assertThat(plugins.installedVersion(latest)).isEqualTo("2.0");
            assertThat(plugins.installedVersion(first)).isEqualTo("1.0");
            assertThat(first).isNotSameAs(latest);
            assertThat(first.getClassLoader()).isNotSameAs(latest.getClassLoader()).isInstanceOf(PluginClassLoader.class);
            assertThat(plugins.connectorClass(CONNECTOR, requirement("[1.0,2.0)"))).isSameAs(first);
            assertThat(plugins.connectorClass(CONNECTOR, requirement("[1.0,)"))).isSameAs(latest);
            assertThat(plugins.connectorClass(CONNECTOR, requirement("latest"))).isSameAs(latest);
            assertThat(plugins.pluginClass("VersionTag", PluginType.TRANSFORMATION, requirement("(,2.0)")).getClassLoader())
                    .isSameAs(first.getClassLoader());
            assertThat(plugins.versions("VersionedSource", List.of(PluginType.SOURCE))).containsExactly("1.0", "2.0");
            assertThat(plugins.plugins(PluginType.SOURCE).stream().filter(desc -> desc.className().equals(CONNECTOR)))
                    .extracting(PluginDesc::version).containsExactly("1.0", "2.0", "2.0");
            assertThat(((PluginClassLoader) latest.getClassLoader()).location()).isEqualTo(pluginPath.resolve("v2-again"));
            assertThatThrownBy(() -> plugins.connectorClass(CONNECTOR, requirement("1.5")))
                    .isInstanceOf(PluginVersionNotFoundException.class)
                    .hasMessage("Plugin " + CONNECTOR + " not found that matches the version range [1.5,1.5], available "
                            + "versions: [1.0, 2.0]")
                    .satisfies(e -> assertThat(((PluginVersionNotFoundException) e).availableVersions()).containsExactly("1.0", "2.0"));
        }
    }

    @Test
    void shouldRunTwoConnectorsOfOneClassEachInTheVersionItsConfigPicks(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("versions");
        cluster.createTopic(topic, 1);
        Map<String, String> pinned = connector("pinned-to-1", topic);
        pinned.put("connector.plugin.version", "1.0");
        pinned.put("transforms.tag.plugin.version", "2.0");
        Map<String, String> latest = connector("latest", topic);
        latest.put("transforms.tag.plugin.version", "[1.0,2.0)");

        assertThat(http.post("/connectors", ConnectHttp.json(Map.of("name", "pinned-to-1", "config", pinned))).status()).isEqualTo(201);
        assertThat(http.post("/connectors", ConnectHttp.json(Map.of("name", "latest", "config", latest))).status()).isEqualTo(201);

        try {
            await().atMost(WAIT).until(() -> cluster.recordCount(topic) >= 2 * RECORDS);
            Set<String> values = new TreeSet<>();
            RawRecords.read(cluster, topic, 2 * RECORDS).forEach(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
            assertThat(values).containsExactly("source-1.0|smt-2.0", "source-2.0|smt-1.0");

            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode status = http.get("/connectors/pinned-to-1/status").json();
                assertThat(status.path("connector").path("version").asText()).isEqualTo("1.0");
                assertThat(status.path("tasks").path(0).path("state").asText()).isEqualTo("RUNNING");
                assertThat(status.path("tasks").path(0).path("version").asText()).isEqualTo("1.0");
            });
            JsonNode status = http.get("/connectors/latest/status").json();
            assertThat(status.path("connector").path("version").asText()).isEqualTo("2.0");
            assertThat(status.path("tasks").path(0).path("version").asText()).isEqualTo("2.0");
        } finally {
            http.delete("/connectors/pinned-to-1");
            http.delete("/connectors/latest");
        }
    }

    @Test
    void shouldRunTheVersionAConnectorPicksOnEveryWorkerOfADistributedCluster(FerryCluster cluster) throws Exception {
        String group = cluster.uniqueTopicName("versions-cluster");
        String topic = cluster.uniqueTopicName("distributed-versions");
        cluster.createTopic(topic, 1);
        Map<String, String> pinned = connector("distributed-pinned", topic);
        pinned.put("tasks.max", "2");
        pinned.put("connector.plugin.version", "1.0");
        try (DistributedConnect first = DistributedConnect.start(withPluginPath(WorkerFixture.distributedSettings(cluster, group, "w1")), "test");
             DistributedConnect second = DistributedConnect.start(withPluginPath(WorkerFixture.distributedSettings(cluster, group, "w2")), "test")) {
            ConnectHttp secondHttp = new ConnectHttp(second.restUrl());
            await().atMost(WAIT).until(() -> secondHttp.post("/connectors",
                    ConnectHttp.json(Map.of("name", "distributed-pinned", "config", pinned))).status() == 201);

            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode tasks = new ConnectHttp(first.restUrl()).get("/connectors/distributed-pinned/status").json().path("tasks");
                Set<String> workers = new TreeSet<>();
                tasks.forEach(task -> {
                    assertThat(task.path("state").asText()).isEqualTo("RUNNING");
                    assertThat(task.path("version").asText()).isEqualTo("1.0");
                    workers.add(task.path("worker_id").asText());
                });
                assertThat(workers).containsExactly("w1", "w2");
            });
            await().atMost(WAIT).until(() -> cluster.recordCount(topic) >= 2 * RECORDS);
            // The SMT is not pinned: the copy packaged beside connector 1.0 (in v1/) is the one its tasks run.
            RawRecords.read(cluster, topic, 2 * RECORDS).forEach(record ->
                    assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("source-1.0|smt-1.0"));
        }
    }

    @Test
    void shouldListEachVersionAndDescribeTheVersionAsked() {
        List<String> listed = new ArrayList<>();
        http.get("/connector-plugins").json().forEach(plugin -> {
            if (plugin.path("class").asText().equals(CONNECTOR)) {
                listed.add(plugin.path("type").asText() + " " + plugin.path("version").asText());
            }
        });
        assertThat(listed).containsExactly("source 1.0", "source 2.0");

        assertThat(keyNames(http.get("/connector-plugins/VersionedSource/config?version=1.0")))
                .contains("only.in.1.0", "connector.plugin.version").doesNotContain("only.in.2.0");
        assertThat(keyNames(http.get("/connector-plugins/VersionedSource/config")))
                .contains("only.in.2.0").doesNotContain("only.in.1.0");
        Reply missing = http.get("/connector-plugins/VersionedSource/config?version=3.0");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("not found that matches the version range [3.0,3.0], available versions: [1.0, 2.0]");
    }

    @Test
    void shouldReportAVersionNoInstalledCopyMatchesAndRefuseToCreateIt() {
        Map<String, String> config = connector("missing-version", "t");
        config.put("connector.plugin.version", "3.0");

        JsonNode validated = validate(config).json();

        String expected = "Plugin " + CONNECTOR + " not found that matches the version range [3.0,3.0], available versions: [1.0, 2.0]";
        assertThat(validated.path("error_count").asInt()).as(validated.toString()).isEqualTo(2);
        assertThat(texts(value(validated, "connector.class"), "errors")).containsExactly(expected);
        JsonNode version = value(validated, "connector.plugin.version");
        assertThat(texts(version, "errors")).containsExactly(expected);
        assertThat(texts(version, "recommended_values")).containsExactly("1.0", "2.0");

        Reply created = http.post("/connectors", ConnectHttp.json(Map.of("name", "missing-version", "config", config)));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.errorCode()).isEqualTo(400);
        assertThat(created.message()).startsWith("Connector configuration is invalid and contains the following 2 error(s):")
                .contains(expected);
        assertThat(http.get("/connectors/missing-version").status()).isEqualTo(404);

        config.put("connector.plugin.version", "[1.0");
        Reply unreadable = validate(config);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.message()).contains("[1.0");
    }

    @Test
    void shouldReportAConverterVersionThatIsMissingOnItsClassAndVersion() {
        Map<String, String> config = connector("converter-version", "t");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("key.converter.plugin.version", "9.9");

        JsonNode validated = validate(config).json();

        assertThat(validated.path("error_count").asInt()).as(validated.toString()).isEqualTo(2);
        String expected = "Plugin org.apache.kafka.connect.storage.StringConverter not found that matches the version range "
                + "[9.9,9.9], available versions: [" + org.apache.kafka.common.utils.AppInfoParser.getVersion() + "]";
        assertThat(texts(value(validated, "key.converter"), "errors")).containsExactly(expected);
        assertThat(texts(value(validated, "key.converter.plugin.version"), "errors")).containsExactly(expected);
    }

    @Test
    void shouldShowTheVersionsOfAValidConfigAndReportAnSmtVersionThatIsMissing() {
        Map<String, String> config = connector("smt-version", "t");

        JsonNode valid = validate(config).json();
        assertThat(valid.path("error_count").asInt()).as(valid.toString()).isZero();
        assertThat(value(valid, "connector.plugin.version").path("value").asText()).isEqualTo("2.0");
        assertThat(texts(value(valid, "connector.plugin.version"), "recommended_values")).containsExactly("1.0", "2.0");
        assertThat(value(valid, "transforms.tag.plugin.version").path("value").asText()).isEqualTo("2.0");

        config.put("transforms.tag.plugin.version", "[3.0,)");
        JsonNode invalid = validate(config).json();
        assertThat(invalid.path("error_count").asInt()).as(invalid.toString()).isEqualTo(1);
        JsonNode smtVersion = value(invalid, "transforms.tag.plugin.version");
        assertThat(smtVersion.path("errors").path(0).asText())
                .contains("Plugin " + SMT + " not found that matches the version range [3.0,), available versions: [1.0, 2.0]");
        assertThat(texts(smtVersion, "recommended_values")).containsExactly("1.0", "2.0");
    }

    @Test
    void shouldHideTheSecretsOfConvertersSmtsAndPredicatesPinnedToAnInstalledVersion(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("secrets");
        Map<String, String> config = withSecretPlugins(connector("secrets", topic), "1.0");
        config.put("transforms.hide.token", "${file:/etc/secrets:smt}");

        assertThat(http.post("/connectors", ConnectHttp.json(Map.of("name", "secrets", "config", config))).status()).isEqualTo(201);
        try {
            await().atMost(WAIT).untilAsserted(() -> assertThat(http.get("/connectors/secrets/tasks").json().size()).isEqualTo(1));
            assertSecretsHidden(http, "secrets");

            Reply validated = validate(config);
            assertThat(validated.json().path("error_count").asInt()).as(validated.body()).isZero();
            assertThat(validated.body()).doesNotContain(SECRETS);
        } finally {
            http.delete("/connectors/secrets");
        }
    }

    @Test
    void shouldHideTheSecretsOfConvertersSmtsAndPredicatesPinnedToAVersionNotInstalled(FerryCluster cluster) throws IOException {
        // Created on a worker that has the secret plugins in 1.0, then shown by one of its cluster that has only 2.0.
        Path elsewhere = root.resolve("plugins-elsewhere");
        withSecrets("2.0").writeJar(elsewhere.resolve("secrets").resolve("secrets.jar"));
        TestPluginBuilder.copyInto(pluginPath.resolve("v2/versioned.jar"), elsewhere.resolve("v2"));
        String group = cluster.uniqueTopicName("secrets-cluster");
        Map<String, String> config = withSecretPlugins(connector("secrets-elsewhere", cluster.uniqueTopicName("secrets")), "1.0");
        config.put("transforms.hide.token", "${file:/etc/secrets:smt}");
        try (DistributedConnect creator = DistributedConnect.start(
                withPluginPath(WorkerFixture.distributedSettings(cluster, group, "w1"), pluginPath), "test")) {
            ConnectHttp creatorHttp = new ConnectHttp(creator.restUrl());
            await().atMost(WAIT).until(() -> creatorHttp.post("/connectors",
                    ConnectHttp.json(Map.of("name", "secrets-elsewhere", "config", config))).status() == 201);
            await().atMost(WAIT).until(() -> creatorHttp.get("/connectors/secrets-elsewhere/tasks").json().size() == 1);
        }
        try (DistributedConnect shower = DistributedConnect.start(
                withPluginPath(WorkerFixture.distributedSettings(cluster, group, "w2"), elsewhere), "test")) {
            ConnectHttp showerHttp = new ConnectHttp(shower.restUrl());
            await().atMost(WAIT).until(() -> showerHttp.get("/connectors/secrets-elsewhere/tasks").status() == 200);

            assertSecretsHidden(showerHttp, "secrets-elsewhere");
            Reply validated = showerHttp.put("/connector-plugins/VersionedSource/config/validate", ConnectHttp.json(config));
            assertThat(validated.json().path("error_count").asInt()).as(validated.body()).isPositive();
            assertThat(validated.body()).doesNotContain(SECRETS);
        }
    }

    /** Whether the connector's config, task configs and status show its secrets: they must not. */
    private static void assertSecretsHidden(ConnectHttp http, String name) {
        for (String path : List.of("/connectors/" + name, "/connectors/" + name + "/config", "/connectors/" + name + "/tasks",
                "/connectors/" + name + "/status", "/connectors?expand=info&expand=status")) {
            Reply reply = http.get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.body()).as(path).doesNotContain(SECRETS);
        }
        JsonNode shown = http.get("/connectors/" + name + "/config").json();
        JsonNode task = http.get("/connectors/" + name + "/tasks").json().path(0).path("config");
        for (String key : List.of("key.converter.secret", "transforms.hide.secret", "predicates.match.secret")) {
            assertThat(shown.path(key).asText()).as(key).isEqualTo("[hidden]");
            assertThat(task.path(key).asText()).as("task's " + key).isEqualTo("[hidden]");
        }
        assertThat(shown.path("transforms.hide.token").asText()).isEqualTo("${file:/etc/secrets:smt}");
    }

    /** The connector with a secret converter, SMT and predicate, each pinned to one version. */
    private static Map<String, String> withSecretPlugins(Map<String, String> config, String version) {
        config.put("key.converter", SECRET_CONVERTER);
        config.put("key.converter.plugin.version", version);
        config.put("key.converter.secret", SECRETS.get(0));
        config.put("transforms", "tag,hide");
        config.put("transforms.hide.type", SECRET_SMT);
        config.put("transforms.hide.plugin.version", version);
        config.put("transforms.hide.secret", SECRETS.get(1));
        config.put("transforms.hide.predicate", "match");
        config.put("predicates", "match");
        config.put("predicates.match.type", SECRET_PREDICATE);
        config.put("predicates.match.plugin.version", version);
        config.put("predicates.match.secret", SECRETS.get(2));
        return config;
    }

    private static Map<String, String> connector(String name, String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", "VersionedSource");
        config.put("tasks.max", "1");
        config.put("topic", topic);
        config.put("transforms", "tag");
        config.put("transforms.tag.type", SMT);
        return config;
    }

    private static Reply validate(Map<String, String> config) {
        return http.put("/connector-plugins/VersionedSource/config/validate", ConnectHttp.json(config));
    }

    private static List<String> texts(JsonNode value, String field) {
        List<String> texts = new ArrayList<>();
        value.path(field).forEach(text -> texts.add(text.asText()));
        return texts;
    }

    private static VersionRequirement requirement(String spec) {
        return VersionRequirement.of("test", spec);
    }

    private static List<String> keyNames(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        reply.json().forEach(key -> names.add(key.path("name").asText()));
        return names;
    }

    private static JsonNode value(JsonNode validated, String key) {
        for (JsonNode config : validated.path("configs")) {
            if (config.path("value").path("name").asText().equals(key)) {
                return config.path("value");
            }
        }
        throw new AssertionError("No value for " + key + " in " + validated);
    }
}
