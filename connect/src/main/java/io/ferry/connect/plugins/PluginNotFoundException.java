package io.ferry.connect.plugins;

import org.apache.kafka.common.config.ConfigException;

/**
 * No plugin of the kind asked for has that class name or alias. A {@link ConfigException} so that
 * config validation reports it against the key that named the plugin.
 */
public class PluginNotFoundException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public PluginNotFoundException(String message) {
        super(message);
    }
}
