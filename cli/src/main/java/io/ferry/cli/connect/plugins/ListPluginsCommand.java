package io.ferry.cli.connect.plugins;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.ferry.connect.plugins.PluginLocationReport;
import io.ferry.connect.plugins.PluginLocationReport.Plugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ferry connect plugins list}: Apache's {@code connect-plugin-path list} table, tab-separated with
 * its columns, then a blank line and its three summary lines.
 */
@Command(name = "list",
        description = {
            "List the plugins of the given plugin locations: one tab-separated line per plugin and kind, then totals.",
            "Columns: pluginName, firstAlias, secondAlias, pluginVersion, pluginType, isLoadable, hasManifest,"
                    + " pluginLocation. A plugin is compatible with plugin.discovery=service_load when it is loadable"
                    + " and has a manifest."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
final class ListPluginsCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("pluginName", "firstAlias", "secondAlias", "pluginVersion",
            "pluginType", "isLoadable", "hasManifest", "pluginLocation");
    static final String NO_ALIAS = "N/A";

    @Mixin
    private PluginSources sources;

    @Override
    public Integer call() {
        List<PluginLocationReport> reports = sources.inspect();
        PrintWriter out = sources.out();
        out.println(String.join("\t", COLUMNS));
        int total = 0;
        int loadable = 0;
        int compatible = 0;
        for (PluginLocationReport report : reports) {
            for (Plugin plugin : report.plugins()) {
                out.println(String.join("\t", plugin.className(), alias(plugin, 0), alias(plugin, 1), plugin.version(),
                        plugin.type().apiName(), String.valueOf(plugin.loadable()), String.valueOf(plugin.hasManifest()),
                        report.location().toString()));
                total++;
                loadable += plugin.loadable() ? 1 : 0;
                compatible += plugin.compatible() ? 1 : 0;
            }
        }
        // A blank line parts the table from the totals, so a script can read up to it.
        out.println();
        out.println("Total plugins:      \t" + total);
        out.println("Loadable plugins:   \t" + loadable);
        out.println("Compatible plugins: \t" + compatible);
        out.flush();
        return 0;
    }

    private static String alias(Plugin plugin, int index) {
        return plugin.aliases().size() > index ? plugin.aliases().get(index) : NO_ALIAS;
    }
}
