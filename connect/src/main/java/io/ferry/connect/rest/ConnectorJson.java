package io.ferry.connect.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.connect.herder.ActiveTopics;
import io.ferry.connect.herder.ConnectorInfo;
import io.ferry.connect.herder.ConnectorOffsets;
import io.ferry.connect.herder.ConnectorStatus;
import io.ferry.connect.herder.ServerInfo;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.herder.TaskConfig;
import io.ferry.connect.herder.TaskStatus;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.plugins.PluginDesc;

/**
 * The JSON shapes of connectors, their statuses, tasks, topics and offsets, and the server, field
 * by field as Apache Kafka Connect writes them. Ferry adds one field: a status's {@code retry},
 * present only when an automatic restart is planned.
 */
final class ConnectorJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ConnectorJson() {
    }

    static ObjectNode serverInfo(ServerInfo info) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("version", info.version());
        node.put("commit", info.commit());
        node.put("kafka_cluster_id", info.kafkaClusterId());
        return node;
    }

    static ObjectNode connectorInfo(ConnectorInfo info) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", info.name());
        node.set("config", MAPPER.valueToTree(info.config()));
        ArrayNode tasks = node.putArray("tasks");
        info.tasks().forEach(task -> tasks.add(taskId(task)));
        node.put("type", info.type().toString());
        return node;
    }

    static ObjectNode taskId(TaskId task) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("connector", task.connector());
        node.put("task", task.task());
        return node;
    }

    static ArrayNode taskConfigs(List<TaskConfig> configs) {
        ArrayNode array = MAPPER.createArrayNode();
        for (TaskConfig config : configs) {
            ObjectNode node = array.addObject();
            node.set("id", taskId(config.id()));
            node.set("config", MAPPER.valueToTree(config.config()));
        }
        return array;
    }

    static ObjectNode status(ConnectorStatus status) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", status.name());
        node.set("connector", state(MAPPER.createObjectNode(), status.connector()));
        ArrayNode tasks = node.putArray("tasks");
        status.tasks().forEach(task -> tasks.add(taskStatus(task)));
        node.put("type", status.type().toString());
        return node;
    }

    static ObjectNode taskStatus(TaskStatus task) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", task.id());
        return state(node, task.state());
    }

    /** state, worker_id, trace (when there is one), version (unless undefined), retry (Ferry, when planned). */
    private static ObjectNode state(ObjectNode node, StateInfo state) {
        node.put("state", state.state().name());
        node.put("worker_id", state.workerId());
        if (state.trace() != null && !state.trace().isEmpty()) {
            node.put("trace", state.trace());
        }
        if (!PluginDesc.UNDEFINED_VERSION.equals(state.version())) {
            node.put("version", state.version());
        }
        if (state.retry() != null) {
            ObjectNode retry = node.putObject("retry");
            retry.put("at", state.retry().at().toString());
            retry.put("attempt", state.retry().attempt());
        }
        return node;
    }

    static ObjectNode activeTopics(ActiveTopics topics) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode names = node.putObject(topics.connector()).putArray("topics");
        topics.topics().forEach(names::add);
        return node;
    }

    static ObjectNode offsets(ConnectorOffsets offsets) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode array = node.putArray("offsets");
        for (ConnectorOffsets.Offset offset : offsets.offsets()) {
            ObjectNode entry = array.addObject();
            entry.set("partition", MAPPER.valueToTree(offset.partition()));
            entry.set("offset", MAPPER.valueToTree(offset.offset()));
        }
        return node;
    }

    /** One entry per class, kind and version, as Apache lists them: copies of one version in two places show once. */
    static ArrayNode plugins(List<PluginDesc> plugins) {
        ArrayNode array = MAPPER.createArrayNode();
        Set<List<String>> listed = new HashSet<>();
        for (PluginDesc plugin : plugins) {
            if (!listed.add(List.of(plugin.className(), plugin.type().apiName(), plugin.version()))) {
                continue;
            }
            ObjectNode node = array.addObject();
            node.put("class", plugin.className());
            node.put("type", plugin.type().apiName());
            if (!PluginDesc.UNDEFINED_VERSION.equals(plugin.version())) {
                node.put("version", plugin.version());
            }
        }
        return array;
    }

    static ObjectNode message(String message) {
        return MAPPER.createObjectNode().put("message", message);
    }

    static ObjectNode error(int code, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error_code", code);
        node.put("message", message);
        return node;
    }

    static ObjectNode objectOf(Map<String, ?> values) {
        return MAPPER.valueToTree(values);
    }
}
