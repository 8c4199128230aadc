package io.ferry.connect.plugins;

import java.util.List;

/**
 * A plugin is installed, but in no version the requirement accepts (or, on the classpath, not in a way a version
 * can be chosen). Carries the versions that are installed, which validation offers as recommended values.
 */
public class PluginVersionNotFoundException extends PluginNotFoundException {
    private static final long serialVersionUID = 1L;

    private final List<String> availableVersions;

    public PluginVersionNotFoundException(String message, List<String> availableVersions) {
        super(message);
        this.availableVersions = List.copyOf(availableVersions);
    }

    /** The installed versions of the plugin, lowest first; empty when none can be chosen by version. */
    public List<String> availableVersions() {
        return availableVersions;
    }
}
