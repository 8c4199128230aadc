package io.ferry.registry.rest;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What a node says about itself: GET /v1/metadata/id, /v1/metadata/version and /health.
 *
 * @param kafkaClusterId the Kafka cluster the registry keeps its log in, or null for a local log
 * @param groupId        the registry's cluster name (Confluent's {@code schema.registry.group.id})
 * @param version        Ferry's version
 * @param health         whether the node serves, with details for operators
 */
public record NodeInfo(String kafkaClusterId, String groupId, String version, Supplier<Health> health) {

    /**
     * @param ready   the node answers requests from a complete, current state
     * @param details what an operator wants to see: backend, leader, positions
     */
    public record Health(boolean ready, Map<String, Object> details) {
    }
}
