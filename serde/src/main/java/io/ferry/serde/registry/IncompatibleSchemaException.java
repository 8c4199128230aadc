package io.ferry.serde.registry;

import io.ferry.serde.client.RegistryClientException;

/**
 * The registry refused to register a schema because it is incompatible with the subject's versions under
 * the subject's compatibility level (HTTP 409), or a schema chosen by {@code use.latest.version} or
 * {@code use.schema.id} cannot read the data's schema.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {
    public IncompatibleSchemaException(String message, RegistryClientException cause) {
        super(message, cause);
    }
}
