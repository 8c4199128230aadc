package io.ferry.serde.subject;

/** The default: {@code <topic>-key} for keys, {@code <topic>-value} for values, whatever the schema. */
public final class TopicNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(String topic, boolean isKey, String recordName) {
        return topic + (isKey ? "-key" : "-value");
    }

    @Override
    public boolean usesSchema() {
        return false;
    }
}
