package io.ferry.serde.registry;

import io.ferry.serde.client.RegistryClientException;

/**
 * Turns a registry client's failure into the exception a serializer or deserializer throws, with one wording
 * for every format: the record is named, then what was being done, then the registry's answer.
 */
public final class RegistryFailures {
    private RegistryFailures() {
    }

    /**
     * Fetching the writer's schema of {@code id} for a record being read failed.
     *
     * @return a {@link SchemaRegistryException} saying whether the id is unknown or the fetch failed
     */
    public static SchemaRegistryException readingSchema(String topic, boolean isKey, int id, RegistryClientException e) {
        String problem = e.errorCode() == RegistryClientException.SCHEMA_NOT_FOUND
                ? "schema id " + id + " is not in the registry" : "fetching schema id " + id + " failed";
        return new SchemaRegistryException("Cannot deserialize " + RecordSide.describe(topic, isKey) + ": " + problem, e);
    }

    /**
     * The call a serializer made to find the id to write failed.
     *
     * @param what   the record and subject, as in "the value of a record in topic 'orders' (subject 'orders-value')"
     * @param choice the call that was made
     * @return an {@link IncompatibleSchemaException} when the registry refused the schema as incompatible (409),
     *         else a {@link SchemaRegistryException} naming the failed step
     */
    public static SchemaRegistryException writingSchema(String what, WriteSchemaChoice choice, RegistryClientException e) {
        if (e.isIncompatibleSchema()) {
            return new IncompatibleSchemaException("Cannot serialize " + what + ": the registry refused its schema as "
                    + "incompatible with the subject's versions", e);
        }
        return new SchemaRegistryException("Cannot serialize " + what + ": " + choice.failedStep(), e);
    }

    /** "the value of a record in topic 'orders' (subject 'orders-value')", or without the subject when it is null. */
    public static String describe(String topic, boolean isKey, String subject) {
        return RecordSide.describe(topic, isKey) + (subject == null ? "" : " (subject '" + subject + "')");
    }
}
