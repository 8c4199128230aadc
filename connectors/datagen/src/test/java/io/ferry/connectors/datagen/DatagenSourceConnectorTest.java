package io.ferry.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code validate} reports each problem on the key that fixes it; tasks are numbered 0 to tasks.max - 1. */
class DatagenSourceConnectorTest {
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Row\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}}]}";

    @TempDir
    static Path dir;

    private static Map<String, List<String>> errors(Map<String, String> config) {
        return new DatagenSourceConnector().validate(config).configValues().stream()
                .filter(value -> !value.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    private static Map<String, String> config(String... pairs) {
        Map<String, String> config = new HashMap<>(Map.of("connector.class", DatagenSourceConnector.class.getName(),
                "kafka.topic", "rows"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                config.remove(pairs[i]);
            } else {
                config.put(pairs[i], pairs[i + 1]);
            }
        }
        return config;
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(config("quickstart", "users", "kafka.topic", null), "kafka.topic", "Missing required configuration"),
                Arguments.of(config(), "quickstart", "set one of quickstart, schema.string, schema.filename"),
                Arguments.of(config("quickstart", "users", "schema.string", SCHEMA), "schema.string", "quickstart is set too"),
                Arguments.of(config("quickstart", "clicks"), "quickstart", "not a quickstart; known are [users, pageviews, orders, stock_trades]"),
                Arguments.of(config("schema.string", "{\"type\":\"record\",\"name\":\"Row\",\"fields\":[{\"name\":\"id\","
                        + "\"type\":{\"type\":\"int\",\"arg.properties\":{\"range\":{\"min\":9,\"max\":1}}}}]}"),
                        "schema.string", "field Row.id: range.min 9 must be below range.max 1"),
                Arguments.of(config("schema.filename", "/no/such/schema.avsc"), "schema.filename", "cannot read /no/such/schema.avsc"),
                Arguments.of(config("schema.string", SCHEMA, "schema.keyfield", "userid"), "schema.keyfield",
                        "record Row has no field userid; its fields are [id, tags]"),
                Arguments.of(config("schema.string", SCHEMA, "schema.keyfield", "tags"), "schema.keyfield", "field tags is of type array"),
                Arguments.of(config("quickstart", "users", "max.interval", "-1"), "max.interval", "at least 0"),
                Arguments.of(config("quickstart", "users", "records.per.second", "-5"), "records.per.second", "must be 0 or more"),
                Arguments.of(config("quickstart", "users", "poll.max.records", "0"), "poll.max.records", "at least 1"),
                Arguments.of(config("quickstart", "users", "iterations", "many"), "iterations", "Not a number of type LONG"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("problems")
    void shouldReportAProblemOnTheKeyThatFixesIt(Map<String, String> config, String key, String message) {
        Map<String, List<String>> errors = errors(config);
        assertThat(errors).containsOnlyKeys(key);
        assertThat(errors.get(key)).singleElement().asString().contains(message);
    }

    @Test
    void shouldCheckTheSchemaWhileAnotherKeyIsWrong() {
        Map<String, List<String>> errors = errors(config("kafka.topic", null, "max.interval", "soon", "quickstart", "users",
                "schema.keyfield", "nobody"));
        assertThat(errors).containsOnlyKeys("kafka.topic", "max.interval", "schema.keyfield");
        assertThat(errors.get("schema.keyfield")).singleElement().asString().contains("record ksql.users has no field nobody");
    }

    @Test
    void shouldAcceptEachSchemaSourceAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("row.avsc"), SCHEMA);
        assertThat(errors(config("quickstart", "STOCK_TRADES"))).isEmpty();
        assertThat(errors(config("schema.string", SCHEMA, "schema.keyfield", "id"))).isEmpty();
        assertThat(errors(config("schema.filename", file.toString()))).isEmpty();
    }

    @Test
    void shouldRefuseToStartWithAConfigValidateRefuses() {
        assertThatThrownBy(() -> new DatagenSourceConnector().start(config("quickstart", "users", "schema.keyfield", "nobody")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.keyfield");
    }

    @Test
    void shouldNumberTheTasksFromZero() {
        DatagenSourceConnector connector = new DatagenSourceConnector();
        connector.start(config("quickstart", "orders"));
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertThat(tasks).extracting(task -> task.get("datagen.task")).containsExactly("0", "1", "2");
        assertThat(tasks).allSatisfy(task -> assertThat(task).containsEntry("quickstart", "orders").containsEntry("kafka.topic", "rows"));
    }
}
