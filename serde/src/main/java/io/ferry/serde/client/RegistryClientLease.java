package io.ferry.serde.client;

/**
 * The registry client of a serializer, deserializer or converter: the caller's, which stays open when the user
 * closes, or one created from the configuration, which closes with it. Not thread-safe: {@link #open} and
 * {@link #close} belong to the owner's {@code configure} and {@code close}.
 */
public final class RegistryClientLease {
    private final RegistryClient given;
    private RegistryClient client;

    /** @param given the caller's client, or {@code null} to create one in {@link #open} */
    public RegistryClientLease(RegistryClient given) {
        this.given = given;
        this.client = given;
    }

    /** The caller's client, or (once) a caching REST client for {@code config}. */
    public RegistryClient open(RegistryClientConfig config) {
        if (client == null) {
            client = CachingRegistryClient.create(config);
        }
        return client;
    }

    /** Closes the client if this lease created it. */
    public void close() {
        if (client != null && client != given) {
            client.close();
        }
    }
}
