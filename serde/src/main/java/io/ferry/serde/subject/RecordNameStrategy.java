package io.ferry.serde.subject;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The fully qualified record name, whatever the topic: one topic may carry several record types, and
 * compatibility is checked per record type across all topics. Only record schemas have a subject.
 */
public class RecordNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(String topic, boolean isKey, String recordName) {
        return requireRecordName(recordName, isKey);
    }

    /** The record name, or a {@link SerializationException} naming the setting that asks for one. */
    protected String requireRecordName(String recordName, boolean isKey) {
        if (recordName != null) {
            return recordName;
        }
        throw new SerializationException("In configuration " + (isKey ? "key" : "value") + ".subject.name.strategy = "
                + getClass().getName() + ", the message " + (isKey ? "key" : "value") + " must only be a record schema");
    }
}
