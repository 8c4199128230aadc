package io.ferry.serde.connect;

import io.ferry.serde.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Maps what a converter's payload reader or writer throws to what Connect expects of a converter, alike for every
 * format: a registry that cannot be reached (or is overloaded) becomes a {@link RetriableException}, which the
 * runtime retries; any other registry refusal and bad data become a {@link DataException}, which the runtime's
 * error handling (errors.tolerance, the dead letter queue) reports with partition and offset. The format's name
 * ("Avro", "JSON", "Protobuf") is part of the message, as in Confluent's converters.
 */
public final class ConverterFailures {
    private ConverterFailures() {
    }

    /**
     * Writing Connect data failed.
     *
     * @param failure a {@link SchemaRegistryException}, another {@link SerializationException} or a {@link DataException}
     */
    public static RuntimeException serializing(String format, String topic, boolean isKey, RuntimeException failure) {
        if (failure instanceof SchemaRegistryException registry) {
            return registry(String.format("Failed to serialize %s data for topic %s: %s", format, topic, failure.getMessage()), registry);
        }
        return new DataException(String.format("Failed to serialize %s data for the %s of topic %s: %s", format, side(isKey), topic,
                failure.getMessage()), failure);
    }

    /**
     * Reading bytes into Connect data failed.
     *
     * @param failure a {@link SchemaRegistryException}, another {@link SerializationException} or a {@link DataException}
     */
    public static RuntimeException deserializing(String format, String topic, boolean isKey, RuntimeException failure) {
        if (failure instanceof SchemaRegistryException registry) {
            return registry(String.format("Failed to deserialize data for topic %s to %s: %s", topic, format, failure.getMessage()), registry);
        }
        return new DataException(String.format("Failed to deserialize the %s of a record in topic %s to %s "
                + "(partition and offset are reported by the runtime): %s", side(isKey), topic, format, failure.getMessage()), failure);
    }

    private static RuntimeException registry(String message, SchemaRegistryException failure) {
        return failure.isRetriable() ? new RetriableException(message, failure) : new DataException(message, failure);
    }

    private static String side(boolean isKey) {
        return isKey ? "key" : "value";
    }
}
