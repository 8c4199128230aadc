package io.ferry.connectors.datagen;

import org.apache.kafka.common.config.ConfigException;

/** A setting that cannot work, with the key to fix: validate reports the reason on that key. */
public final class DatagenConfigException extends ConfigException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String reason;

    DatagenConfigException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
        this.reason = reason;
    }

    /** The setting to fix. */
    public String key() {
        return key;
    }

    /** What is wrong with it, without the key. */
    public String reason() {
        return reason;
    }
}
