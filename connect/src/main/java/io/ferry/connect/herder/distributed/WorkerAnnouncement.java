package io.ferry.connect.herder.distributed;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a worker tells the group each time it joins, next to its identity: how far it has read the
 * config topic, and the internal topics it uses, so that a worker whose settings clash with the
 * group's is refused instead of corrupting it.
 */
record WorkerAnnouncement(long configOffset, String configTopic, String offsetTopic, String statusTopic) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    byte[] encode() {
        try {
            return MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("config_offset", configOffset).put("config_topic", configTopic)
                    .put("offset_topic", offsetTopic).put("status_topic", statusTopic));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an announcement", e);
        }
    }

    /** @return null when the bytes are not an announcement */
    static WorkerAnnouncement decode(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.has("config_offset")) {
                return null;
            }
            return new WorkerAnnouncement(node.path("config_offset").asLong(), node.path("config_topic").asText(),
                    node.path("offset_topic").asText(), node.path("status_topic").asText());
        } catch (IOException e) {
            return null;
        }
    }

    /** The first setting in which this worker differs from the reference, named as users know it; null when none. */
    String clashWith(WorkerAnnouncement reference) {
        if (!configTopic.equals(reference.configTopic)) {
            return clash("config.storage.topic", configTopic, reference.configTopic);
        }
        if (!offsetTopic.equals(reference.offsetTopic)) {
            return clash("offset.storage.topic", offsetTopic, reference.offsetTopic);
        }
        if (!statusTopic.equals(reference.statusTopic)) {
            return clash("status.storage.topic", statusTopic, reference.statusTopic);
        }
        return null;
    }

    private static String clash(String setting, String mine, String theirs) {
        return "this worker's " + setting + " is '" + mine + "' but the other workers of its group.id use '" + theirs
                + "': two Connect clusters share one group.id; give each cluster its own group.id, or the same " + setting;
    }
}
