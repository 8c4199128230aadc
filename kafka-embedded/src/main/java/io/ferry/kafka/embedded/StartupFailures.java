package io.ferry.kafka.embedded;

import java.net.BindException;

/** Turns what Kafka throws on a failed start into a message that names the cause. */
final class StartupFailures {

    private StartupFailures() {
    }

    static EmbeddedKafkaException explain(RuntimeException failure, KafkaNodeConfig config) {
        if (failure instanceof EmbeddedKafkaException known) {
            return known;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof BindException || message.contains("failed to bind")) {
                return new EmbeddedKafkaException(bindMessage(message, config), failure);
            }
            if (message.contains("Failed to acquire lock")) {
                return new EmbeddedKafkaException("data directory " + config.logDir().toAbsolutePath()
                        + " is in use by another Kafka process", failure);
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new EmbeddedKafkaException("Kafka node " + config.nodeId() + " failed to start: "
                + root.getClass().getSimpleName() + ": " + root.getMessage(), failure);
    }

    private static String bindMessage(String kafkaMessage, KafkaNodeConfig config) {
        String purpose = kafkaMessage.contains(config.controllerAddress().toString()) && config.role() == KafkaNodeRole.COMBINED
                ? "the controller listener" : "the broker listener";
        HostPort address = purpose.equals("the controller listener") ? config.controllerAddress() : config.listener();
        if (kafkaMessage.contains("in use")) {
            return "cannot listen on " + address + " for " + purpose + ": the port is already in use";
        }
        return "cannot listen on " + address + " for " + purpose + ": " + kafkaMessage;
    }
}
