package io.ferry.kafka.support.admin;

/** A topic Ferry needs could not be found, created or checked. The message names the topic. */
public class TopicSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String topic;

    public TopicSetupException(String topic, String message, Throwable cause) {
        super(message, cause);
        this.topic = topic;
    }

    public TopicSetupException(String topic, String message) {
        this(topic, message, null);
    }

    /** The topic concerned. */
    public String topic() {
        return topic;
    }
}
