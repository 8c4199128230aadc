package io.ferry.kafka.support.admin;

/**
 * An existing topic is set up in a way that would lose or reorder the state kept in it (a
 * {@code delete} cleanup policy, a wrong partition count). Ferry refuses to use it rather than
 * silently lose data; the message says what to change.
 */
public class TopicMisconfiguredException extends TopicSetupException {
    private static final long serialVersionUID = 1L;

    public TopicMisconfiguredException(String topic, String message) {
        super(topic, message);
    }
}
