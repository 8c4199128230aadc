package io.ferry.cli.connect.plugins;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.ferry.cli.support.CliException;
import io.ferry.connect.plugins.PluginLocationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferry connect plugins sync-manifests}: Apache's {@code connect-plugin-path sync-manifests}, with its
 * options and its report: a {@code Sync} line per jar or directory that changes, with the class names added
 * and removed, then whether the changes were written.
 */
@Command(name = "sync-manifests",
        description = {
            "Write the service manifests that plugin.discovery=service_load needs into the given plugin locations.",
            "A plugin without a manifest is added to its jar, to its directory of classes, or, in a directory of jars,"
                    + " to a jar of its own (" + ManifestPlan.MANIFESTS_JAR + "). A manifest entry that names no loadable"
                    + " plugin is removed. Jars are rewritten to a new file, then moved over the old one."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
final class SyncManifestsCommand implements Callable<Integer> {

    @Mixin
    private PluginSources sources;

    @Option(names = "--dry-run", description = "Print the changes without writing them.")
    private boolean dryRun;

    @Option(names = "--keep-not-found", description = "Keep manifest entries that name no loadable plugin.")
    private boolean keepNotFound;

    @Override
    public Integer call() {
        PrintWriter out = sources.out();
        if (dryRun) {
            out.println("Dry run started: No changes will be committed.");
        }
        out.println("Scanning for plugins...");
        out.flush();
        List<ManifestChange> changes = new ArrayList<>();
        for (PluginLocationReport report : sources.inspect()) {
            changes.addAll(ManifestPlan.of(report, keepNotFound));
        }
        changes.forEach(ManifestWriter::checkWritable);
        for (ManifestChange change : changes) {
            out.println((dryRun ? "Dry Run " : "") + "Sync\t" + change.root() + " Add " + change.added().size()
                    + " Remove " + change.removed().size());
            change.added().forEach(className -> out.println("\tAdd\t" + className));
            change.removed().forEach(className -> out.println("\tRemove\t" + className));
        }
        if (changes.isEmpty()) {
            out.println("No changes required.");
        } else if (dryRun) {
            out.println("Dry run passed: All above changes can be committed to disk if re-run with dry run disabled.");
        } else {
            out.println("Writing changes to plugins...");
            out.flush();
            write(changes);
            out.println("All loadable plugins have accurate ServiceLoader manifests");
        }
        out.flush();
        return 0;
    }

    private static void write(List<ManifestChange> changes) {
        for (ManifestChange change : changes) {
            try {
                ManifestWriter.write(change);
            } catch (IOException | RuntimeException e) {
                throw new CliException("Sync incomplete: writing the manifests of " + change.root() + " failed (" + e
                        + "); the jars and directories listed before it were changed. Check them, then run again with"
                        + " --dry-run", PluginsCommand.FAILED, e);
            }
        }
    }
}
