package io.ferry.connect.rest;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.ferry.connect.herder.Herder;
import io.ferry.connect.plugins.PluginDesc;
import io.ferry.connect.plugins.PluginType;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The worker's plugins, their settings, and the validation of a connector config. */
final class PluginRoutes {
    /** The kinds listed, in the order Apache Kafka Connect lists them. */
    private static final List<PluginType> LISTED = List.of(PluginType.SINK, PluginType.SOURCE, PluginType.TRANSFORMATION,
            PluginType.PREDICATE, PluginType.CONVERTER, PluginType.HEADER_CONVERTER);
    private static final String SUFFIX = "Connector";

    private final Herder herder;
    private final Completion completion;

    PluginRoutes(Herder herder, Completion completion) {
        this.herder = herder;
        this.completion = completion;
    }

    void register(RoutesConfig routes) {
        routes.get("/connector-plugins", this::list);
        routes.get("/connector-plugins/{plugin}/config", ctx -> {
            String plugin = ctx.pathParam("plugin");
            String version = ctx.queryParam("version");
            Replies.json(ctx, ConfigJson.keys(completion.run(() -> herder.pluginConfig(plugin, version))));
        });
        routes.put("/connector-plugins/{plugin}/config/validate", this::validate);
    }

    /** Connectors only unless {@code connectorsOnly} is given and not true. */
    private void list(Context ctx) {
        String connectorsOnly = ctx.queryParam("connectorsOnly");
        boolean only = connectorsOnly == null || connectorsOnly.isBlank() || Boolean.parseBoolean(connectorsOnly);
        List<PluginDesc> plugins = herder.plugins(only).stream()
                .filter(plugin -> LISTED.contains(plugin.type()))
                .filter(plugin -> !only || plugin.type() == PluginType.SINK || plugin.type() == PluginType.SOURCE)
                .sorted(Comparator.comparingInt((PluginDesc plugin) -> LISTED.indexOf(plugin.type())))
                .toList();
        Replies.json(ctx, ConnectorJson.plugins(plugins));
    }

    /** A {@code connector.class} in the body must name the plugin of the path (aliases and class names alike). */
    private void validate(Context ctx) {
        String plugin = ctx.pathParam("plugin");
        Map<String, String> config = RequestBodies.stringMap(ctx.bodyAsBytes());
        String included = config.get("connector.class");
        if (included != null && !normalized(included).endsWith(normalized(plugin))) {
            throw new RestException(400, "Included connector type " + included + " does not match request type " + plugin);
        }
        Replies.json(ctx, ConfigJson.configInfos(completion.run(() -> herder.validateConnectorConfig(config))));
    }

    private static String normalized(String pluginName) {
        return pluginName.endsWith(SUFFIX) && pluginName.length() > SUFFIX.length()
                ? pluginName.substring(0, pluginName.length() - SUFFIX.length()) : pluginName;
    }
}
