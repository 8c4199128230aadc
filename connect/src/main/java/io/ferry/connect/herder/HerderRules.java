package io.ferry.connect.herder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.plugins.PluginDesc;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.worker.ConnectorClasses;

/**
 * Apache Kafka Connect's rules for requests, which every herder applies the same way: how a patch
 * merges, when a config is refused and with which message, when offsets may change, which plugins
 * are listed in which order, and what type a connector is.
 */
public final class HerderRules {
    /** The kinds {@code GET /connector-plugins} lists, in the order Apache Kafka Connect lists them. */
    private static final List<PluginType> LISTED = List.of(PluginType.SINK, PluginType.SOURCE, PluginType.TRANSFORMATION,
            PluginType.PREDICATE, PluginType.CONVERTER, PluginType.HEADER_CONVERTER);
    private static final List<PluginType> CONNECTORS = List.of(PluginType.SINK, PluginType.SOURCE);

    private HerderRules() {
    }

    /** The config with the patch applied: a null value removes its key. */
    public static Map<String, String> patched(Map<String, String> config, Map<String, String> patch) {
        Map<String, String> merged = new HashMap<>(config);
        patch.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /**
     * @param validation the validation of the config
     * @throws BadRequestException with every error of the validation, as Apache words it, when the config is invalid
     */
    public static void requireValid(ConfigInfos validation) {
        if (validation.errorCount() == 0) {
            return;
        }
        StringBuilder message = new StringBuilder("Connector configuration is invalid and contains the following ")
                .append(validation.errorCount()).append(" error(s):");
        for (ConfigInfo info : validation.configs()) {
            for (String error : info.value().errors()) {
                message.append('\n').append(error);
            }
        }
        message.append("\nYou can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`");
        throw new BadRequestException(message.toString());
    }

    /** The refusal of an offsets change for a connector that is not STOPPED. */
    public static BadRequestException notStopped(String connector) {
        return new BadRequestException("Connectors must be in the STOPPED state before their offsets can be modified. This can "
                + "be done for the specified connector by issuing a 'PUT' request to the '/connectors/" + connector
                + "/stop' endpoint");
    }

    /** The plugins of the worker, connectors first; only connectors when asked. */
    public static List<PluginDesc> plugins(Plugins plugins, boolean connectorsOnly) {
        List<PluginDesc> listed = new ArrayList<>();
        for (PluginType type : connectorsOnly ? CONNECTORS : LISTED) {
            listed.addAll(plugins.plugins(type));
        }
        return listed;
    }

    /** Source or sink, by the connector class of the config; UNKNOWN when no plugin provides it. */
    public static ConnectorType typeOf(Plugins plugins, Map<String, String> config) {
        try {
            return ConnectorClasses.typeOf(ConnectorClasses.find(plugins, config));
        } catch (RuntimeException e) {
            return ConnectorType.UNKNOWN;
        }
    }
}
