package io.ferry.serde.registry;

import io.ferry.serde.client.RegistryClientException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * (De)serialization failed because the registry refused a request or could not be reached. The cause is
 * the {@link RegistryClientException} with the HTTP status and the registry's error code.
 */
public class SchemaRegistryException extends SerializationException {
    public SchemaRegistryException(String message, RegistryClientException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    /** The registry's answer (status, error code, message). */
    public RegistryClientException registryError() {
        return (RegistryClientException) getCause();
    }

    /** Whether repeating the operation later may succeed (the registry was unreachable or overloaded). */
    public boolean isRetriable() {
        return registryError().isRetriable();
    }
}
