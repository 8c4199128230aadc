package io.ferry.cli.connect.plugins;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.ferry.cli.support.ExitCodes;
import io.ferry.connect.plugins.PluginDiscoveryMode;
import io.ferry.connect.plugins.PluginLocationReport;
import io.ferry.connect.plugins.PluginLocationReport.Plugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ferry connect plugins lint}: the check a worker makes in {@code hybrid_warn} and {@code hybrid_fail},
 * run before the worker starts: every plugin that a worker with {@code plugin.discovery=service_load} would
 * miss, and every manifest entry that names no loadable plugin. Exits {@value ExitCodes#NEGATIVE} when there
 * is any, so a build or a deployment script can stop on it.
 */
@Command(name = "lint",
        description = {
            "Check that plugin.discovery=service_load finds every plugin of the given locations.",
            "Prints each plugin that has no service manifest and each manifest entry that names no loadable plugin,"
                    + " and exits 1 when there is any; 'sync-manifests' repairs them."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
final class LintPluginsCommand implements Callable<Integer> {
    private static final String SERVICE_LOAD = PluginDiscoveryMode.CONFIG + "=" + PluginDiscoveryMode.SERVICE_LOAD;

    @Mixin
    private PluginSources sources;

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (PluginLocationReport report : sources.inspect()) {
            for (Plugin plugin : report.plugins()) {
                total++;
                if (!plugin.loadable()) {
                    problems.add(line(report, plugin, "listed in a service manifest, but not a loadable " + plugin.type().apiName()));
                } else if (!plugin.hasManifest()) {
                    problems.add(line(report, plugin, "not listed in a service manifest: " + SERVICE_LOAD + " would not find it"));
                }
            }
        }
        PrintWriter out = sources.out();
        if (problems.isEmpty()) {
            out.println("All " + total + " plugins have service manifests: " + SERVICE_LOAD + " finds every one.");
            out.flush();
            return ExitCodes.OK;
        }
        problems.forEach(out::println);
        out.println();
        out.println(problems.size() + " of " + total + " plugins are not ready for " + SERVICE_LOAD
                + "; 'ferry connect plugins sync-manifests' with the same options repairs the manifests.");
        out.flush();
        return ExitCodes.NEGATIVE;
    }

    private static String line(PluginLocationReport report, Plugin plugin, String problem) {
        return String.join("\t", report.location().toString(), plugin.className(), plugin.type().apiName(),
                plugin.version(), problem);
    }
}
