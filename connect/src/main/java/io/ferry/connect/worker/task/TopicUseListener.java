package io.ferry.connect.worker.task;

/** Told the first time a task of a connector uses a topic, for the connector's active topics. */
@FunctionalInterface
public interface TopicUseListener {
    void onTopicUsed(String connector, String topic);
}
