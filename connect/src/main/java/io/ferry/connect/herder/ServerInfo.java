package io.ferry.connect.herder;

/** What {@code GET /} answers: the runtime's version and commit, and the Kafka cluster it runs on. */
public record ServerInfo(String version, String commit, String kafkaClusterId) {
}
