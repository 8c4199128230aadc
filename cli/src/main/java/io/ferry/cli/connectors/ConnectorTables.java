package io.ferry.cli.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.cli.support.TextTable;

/** The {@code connectors} commands' answers as tables for people; pure functions of the server's JSON. */
final class ConnectorTables {
    private ConnectorTables() {
    }

    /** {@code GET /connectors?expand=status}: one row per connector, by name. */
    static TextTable list(JsonNode expanded) {
        TextTable table = new TextTable("NAME", "TYPE", "STATE", "TASKS", "WORKER");
        Map<String, JsonNode> byName = new TreeMap<>();
        expanded.fields().forEachRemaining(field -> byName.put(field.getKey(), field.getValue().path("status")));
        byName.forEach((name, status) -> table.row(name, status.path("type").asText(""), status.path("connector").path("state").asText(""),
                tasks(status.path("tasks")), status.path("connector").path("worker_id").asText("")));
        return table;
    }

    /** {@code GET /connectors/NAME/status}: the connector, then each task. */
    static TextTable status(JsonNode status) {
        TextTable table = new TextTable("NAME", "INSTANCE", "STATE", "WORKER", "ERROR");
        String name = status.path("name").asText();
        JsonNode connector = status.path("connector");
        table.row(name, "connector", connector.path("state").asText(), connector.path("worker_id").asText(""), firstLine(connector));
        for (JsonNode task : status.path("tasks")) {
            table.row(name, "task " + task.path("id").asText(), task.path("state").asText(), task.path("worker_id").asText(""), firstLine(task));
        }
        return table;
    }

    /** {@code GET /connectors/NAME/offsets}: one row per partition, both as compact JSON. */
    static TextTable offsets(JsonNode offsets) {
        TextTable table = new TextTable("PARTITION", "OFFSET");
        for (JsonNode entry : offsets.path("offsets")) {
            table.row(entry.path("partition").toString(), entry.path("offset").toString());
        }
        return table;
    }

    /** What {@code apply} did: one row per connector. */
    static TextTable apply(List<ApplyPlan.Step> steps) {
        TextTable table = new TextTable("NAME", "ACTION");
        steps.forEach(step -> table.row(step.spec().name(), step.action().label()));
        return table;
    }

    /** Task states, {@code 0:RUNNING 1:FAILED}, or {@code -} without tasks. */
    static String tasks(JsonNode tasks) {
        List<String> states = new ArrayList<>();
        tasks.forEach(task -> states.add(task.path("id").asText() + ":" + task.path("state").asText()));
        return states.isEmpty() ? "-" : String.join(" ", states);
    }

    private static String firstLine(JsonNode instance) {
        String trace = instance.path("trace").asText("");
        return trace.isEmpty() ? "" : trace.lines().findFirst().orElse("").strip();
    }
}
