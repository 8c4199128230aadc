package io.ferry.connect.rest;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.connect.herder.ConfigInfo;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.herder.ConfigKeyInfo;
import io.ferry.connect.herder.ConfigValueInfo;

import static io.ferry.connect.rest.ConnectorJson.MAPPER;

/** The JSON shapes of config definitions and validation results, as Apache Kafka Connect writes them. */
final class ConfigJson {

    private ConfigJson() {
    }

    static ObjectNode configInfos(ConfigInfos infos) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", infos.name());
        node.put("error_count", infos.errorCount());
        ArrayNode groups = node.putArray("groups");
        infos.groups().forEach(groups::add);
        ArrayNode configs = node.putArray("configs");
        for (ConfigInfo info : infos.configs()) {
            ObjectNode entry = configs.addObject();
            entry.set("definition", info.definition() == null ? null : key(info.definition()));
            entry.set("value", info.value() == null ? null : value(info.value()));
        }
        return node;
    }

    static ArrayNode keys(List<ConfigKeyInfo> keys) {
        ArrayNode array = MAPPER.createArrayNode();
        keys.forEach(key -> array.add(key(key)));
        return array;
    }

    static ObjectNode key(ConfigKeyInfo key) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", key.name());
        node.put("type", key.type());
        node.put("required", key.required());
        node.put("default_value", key.defaultValue());
        node.put("importance", key.importance());
        node.put("documentation", key.documentation());
        node.put("group", key.group());
        node.put("width", key.width());
        node.put("display_name", key.displayName());
        node.set("dependents", MAPPER.valueToTree(key.dependents()));
        node.put("order", key.orderInGroup());
        return node;
    }

    private static ObjectNode value(ConfigValueInfo value) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", value.name());
        node.put("value", value.value());
        node.set("recommended_values", MAPPER.valueToTree(value.recommendedValues()));
        node.set("errors", MAPPER.valueToTree(value.errors()));
        node.put("visible", value.visible());
        return node;
    }
}
