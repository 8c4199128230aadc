package io.ferry.serde.subject;

/**
 * {@code <topic>-<fully qualified record name>}: several record types per topic, compatibility checked
 * per record type within each topic.
 */
public final class TopicRecordNameStrategy extends RecordNameStrategy {
    @Override
    public String subjectName(String topic, boolean isKey, String recordName) {
        return topic + "-" + requireRecordName(recordName, isKey);
    }
}
