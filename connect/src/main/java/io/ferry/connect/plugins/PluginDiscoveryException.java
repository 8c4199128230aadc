package io.ferry.connect.plugins;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * Discovery refused to finish: with {@code plugin.discovery=hybrid_fail}, a plugin has no service manifest.
 * The message lists the plugins and the settings that would start the worker.
 */
public class PluginDiscoveryException extends ConnectException {
    private static final long serialVersionUID = 1L;

    public PluginDiscoveryException(String message) {
        super(message);
    }
}
