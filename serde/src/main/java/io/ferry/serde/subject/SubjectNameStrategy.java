package io.ferry.serde.subject;

import java.util.Map;

import org.apache.kafka.common.Configurable;

/**
 * Chooses the registry subject of a key or value schema. Implementations are stateless after
 * {@link #configure} and thread-safe; a custom strategy needs a public no-argument constructor and is
 * named by its class in {@code key.subject.name.strategy} or {@code value.subject.name.strategy}.
 */
public interface SubjectNameStrategy extends Configurable {

    /**
     * The subject for a schema written to {@code topic}.
     *
     * @param topic      the topic the record goes to or comes from
     * @param isKey      whether the schema is the record key's
     * @param recordName the fully qualified name of the schema when it is a record (Avro) or message
     *                   (Protobuf), or {@code null} for other schemas
     * @throws org.apache.kafka.common.errors.SerializationException when the strategy needs a record name and
     *                                                                there is none
     */
    String subjectName(String topic, boolean isKey, String recordName);

    /** Whether {@link #subjectName} looks at the schema; the default strategy does not. */
    default boolean usesSchema() {
        return true;
    }

    @Override
    default void configure(Map<String, ?> configs) {
    }
}
