package io.ferry.connect.storage.kafka;

import io.ferry.connect.model.TaskId;

/** What a record of the status topic is about; {@link #key()} is its key in Apache's format. */
sealed interface StatusKey {

    String key();

    /** {@code status-connector-<name>}. */
    record OfConnector(String connector) implements StatusKey {
        @Override
        public String key() {
            return KafkaStatusCodec.CONNECTOR_PREFIX + connector;
        }
    }

    /** {@code status-task-<name>-<n>}. */
    record OfTask(TaskId task) implements StatusKey {
        @Override
        public String key() {
            return KafkaStatusCodec.TASK_PREFIX + task;
        }
    }

    /** {@code status-topic-<topic>:connector-<name>}: the connector used the topic. */
    record OfTopic(String connector, String topic) implements StatusKey {
        @Override
        public String key() {
            return KafkaStatusCodec.TOPIC_PREFIX + topic + KafkaStatusCodec.TOPIC_SEPARATOR + connector;
        }
    }
}
