package io.ferry.cli.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;

import io.ferry.cli.Ferry;
import io.ferry.connect.plugins.PluginDesc;
import io.ferry.connect.plugins.PluginDiscoveryMode;
import io.ferry.connect.plugins.PluginLocationReport;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.plugins.ServiceManifests;
import org.apache.kafka.connect.file.FileStreamSourceConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry connect plugins list|lint|sync-manifests} in-process, on Apache's connect-file jar as shipped and on
 * copies of it whose service manifests were taken out (and one that names a class the jar does not hold): what
 * the table says, what lint finds, what sync-manifests writes, and that a worker with {@code
 * plugin.discovery=service_load} then finds what a scanning worker finds.
 */
class PluginsCommandTest {
    private static final String CONNECT_FILE_VERSION = "4.3.1";
    private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
    private static final String GONE = "com.example.GoneSinkConnector";
    private static final String HEADER = "pluginName\tfirstAlias\tsecondAlias\tpluginVersion\tpluginType\tisLoadable\thasManifest\tpluginLocation";

    @TempDir
    Path temp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Ferry.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void shouldListApacheConnectFileJarAsCompatible() throws IOException {
        Path pluginPath = temp.resolve("plugins");
        Path jar = pluginPath.resolve("connect-file").resolve("connect-file-" + CONNECT_FILE_VERSION + ".jar");
        Files.createDirectories(jar.getParent());
        Files.copy(connectFileJar(), jar);
        String location = jar.getParent().toString();

        assertThat(run("connect", "plugins", "list", "--plugin-path", pluginPath.toString())).isZero();
        assertThat(out.toString().lines()).containsExactly(HEADER,
                row(SINK, "FileStreamSinkConnector", "FileStreamSink", CONNECT_FILE_VERSION, "sink", true, true, location),
                row(SOURCE, "FileStreamSourceConnector", "FileStreamSource", CONNECT_FILE_VERSION, "source", true, true, location),
                "",
                "Total plugins:      \t2",
                "Loadable plugins:   \t2",
                "Compatible plugins: \t2");
        assertThat(err.toString()).isEmpty();

        assertThat(run("connect", "plugins", "lint", "--plugin-path", pluginPath.toString())).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "All 2 plugins have service manifests: plugin.discovery=service_load finds every one.");
        assertThat(run("connect", "plugins", "sync-manifests", "--plugin-path", pluginPath.toString())).isZero();
        assertThat(out.toString().lines()).containsExactly("Scanning for plugins...", "No changes required.");
    }

    @Test
    void shouldAddMissingManifestsToAJarSoThatServiceLoadFindsItsPlugins() throws IOException {
        Path jar = jarWithoutManifests(temp.resolve("plugins").resolve("file-connectors.jar"));
        String location = jar.toString();

        assertThat(run("connect", "plugins", "list", "--plugin-location", location)).isZero();
        assertThat(out.toString().lines()).containsExactly(HEADER,
                row(GONE, "N/A", "N/A", "undefined", "sink", false, true, location),
                row(SINK, "FileStreamSinkConnector", "FileStreamSink", CONNECT_FILE_VERSION, "sink", true, false, location),
                row(SOURCE, "FileStreamSourceConnector", "FileStreamSource", CONNECT_FILE_VERSION, "source", true, false, location),
                "",
                "Total plugins:      \t3",
                "Loadable plugins:   \t2",
                "Compatible plugins: \t0");

        assertThat(run("connect", "plugins", "lint", "--plugin-location", location)).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(
                location + "\t" + GONE + "\tsink\tundefined\tlisted in a service manifest, but not a loadable sink",
                location + "\t" + SINK + "\tsink\t4.3.1\tnot listed in a service manifest: plugin.discovery=service_load would not find it",
                location + "\t" + SOURCE + "\tsource\t4.3.1\tnot listed in a service manifest: plugin.discovery=service_load would not find it",
                "",
                "3 of 3 plugins are not ready for plugin.discovery=service_load; 'ferry connect plugins sync-manifests'"
                        + " with the same options repairs the manifests.");
        assertThat(discover(jar, PluginDiscoveryMode.SERVICE_LOAD)).isEmpty();

        byte[] before = Files.readAllBytes(jar);
        assertThat(run("connect", "plugins", "sync-manifests", "--dry-run", "--plugin-location", location)).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "Dry run started: No changes will be committed.",
                "Scanning for plugins...",
                "Dry Run Sync\t" + location + " Add 2 Remove 1",
                "\tAdd\t" + SINK,
                "\tAdd\t" + SOURCE,
                "\tRemove\t" + GONE,
                "Dry run passed: All above changes can be committed to disk if re-run with dry run disabled.");
        assertThat(Files.readAllBytes(jar)).isEqualTo(before);

        assertThat(run("connect", "plugins", "sync-manifests", "--plugin-location", location)).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "Scanning for plugins...",
                "Sync\t" + location + " Add 2 Remove 1",
                "\tAdd\t" + SINK,
                "\tAdd\t" + SOURCE,
                "\tRemove\t" + GONE,
                "Writing changes to plugins...",
                "All loadable plugins have accurate ServiceLoader manifests");
        Map<PluginType, Set<String>> manifests = PluginLocationReport.readManifests(jar);
        assertThat(manifests.get(PluginType.SINK)).containsExactly(SINK);
        assertThat(manifests.get(PluginType.SOURCE)).containsExactly(SOURCE);
        assertThat(classEntries(jar)).isEqualTo(classEntries(connectFileJar()));
        try (Stream<Path> siblings = Files.list(jar.getParent())) {
            assertThat(siblings).as("no temporary file is left beside the jar").containsExactly(jar);
        }

        assertThat(run("connect", "plugins", "lint", "--plugin-location", location)).isZero();
        assertThat(discover(jar, PluginDiscoveryMode.SERVICE_LOAD))
                .containsExactlyElementsOf(discover(jar, PluginDiscoveryMode.HYBRID_FAIL))
                .extracting(PluginDesc::className).containsExactly(SINK, SOURCE);
        assertThat(run("connect", "plugins", "sync-manifests", "--plugin-location", location)).isZero();
        assertThat(out.toString().lines()).containsExactly("Scanning for plugins...", "No changes required.");
    }

    @Test
    void shouldWriteManifestsForDirectoriesOfJarsAndOfClassesNamedByAWorkerConfig() throws IOException {
        Path pluginPath = temp.resolve("plugins");
        Path jars = pluginPath.resolve("jars");
        jarWithoutManifests(jars.resolve("lib").resolve("file-connectors.jar"));
        Path classes = unpack(jarWithoutManifests(temp.resolve("file-connectors.jar")), pluginPath.resolve("classes"));
        Path workerConfig = temp.resolve("worker.properties");
        Files.writeString(workerConfig, "bootstrap.servers=localhost:9092\nplugin.path=" + pluginPath + "\n");

        assertThat(run("connect", "plugins", "sync-manifests", "--keep-not-found", "--worker-config", workerConfig.toString()))
                .isZero();
        Path manifestsJar = jars.resolve("ferry-service-manifests.jar");
        assertThat(out.toString().lines()).containsExactly(
                "Scanning for plugins...",
                "Sync\t" + classes + " Add 2 Remove 0",
                "\tAdd\t" + SINK,
                "\tAdd\t" + SOURCE,
                "Sync\t" + manifestsJar + " Add 2 Remove 0",
                "\tAdd\t" + SINK,
                "\tAdd\t" + SOURCE,
                "Writing changes to plugins...",
                "All loadable plugins have accurate ServiceLoader manifests");
        assertThat(PluginLocationReport.readManifests(classes).get(PluginType.SINK)).containsExactly(GONE, SINK);
        assertThat(PluginLocationReport.readManifests(manifestsJar).get(PluginType.SOURCE)).containsExactly(SOURCE);
        assertThat(PluginLocationReport.readManifests(jars.resolve("lib").resolve("file-connectors.jar")).get(PluginType.SINK))
                .as("a directory's own jars stay as shipped").containsExactly(GONE);

        assertThat(discover(pluginPath, PluginDiscoveryMode.SERVICE_LOAD))
                .containsExactlyElementsOf(discover(pluginPath, PluginDiscoveryMode.HYBRID_WARN))
                .extracting(PluginDesc::className, PluginDesc::location)
                .containsExactlyInAnyOrder(tuple(SINK, classes.toString()), tuple(SINK, jars.toString()),
                        tuple(SOURCE, classes.toString()), tuple(SOURCE, jars.toString()));
        assertThat(run("connect", "plugins", "lint", "--worker-config", workerConfig.toString())).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains(GONE).doesNotContain("not listed in a service manifest");

        assertThat(run("connect", "plugins", "sync-manifests", "--worker-config", workerConfig.toString())).isZero();
        assertThat(out.toString().lines()).contains(
                "Sync\t" + classes + " Add 0 Remove 1",
                "Sync\t" + jars.resolve("lib").resolve("file-connectors.jar") + " Add 0 Remove 1",
                "\tRemove\t" + GONE);
        assertThat(run("connect", "plugins", "lint", "--worker-config", workerConfig.toString())).isZero();
    }

    @Test
    void shouldRefuseMissingOrUnreadablePluginsOnOneLine() throws IOException {
        assertThat(run("connect", "plugins", "list")).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(
                "ferry connect plugins list: Must specify at least one --plugin-location, --plugin-path, or --worker-config");
        assertThat(out.toString()).isEmpty();

        Path missing = temp.resolve("missing.properties");
        assertThat(run("connect", "plugins", "lint", "--worker-config", missing.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "ferry connect plugins lint: Unable to read worker config " + missing + ": no such file");

        assertThat(run("connect", "plugins", "list", "--plugin-path", temp + "," + temp.resolve("nowhere"))).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "ferry connect plugins list: The plugin.path entry '" + temp.resolve("nowhere") + "' does not exist");

        assertThat(run("connect", "plugins", "sync-manifests", "--plugin-location", "nowhere.jar")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "ferry connect plugins sync-manifests: The plugin location 'nowhere.jar' does not exist");

        Path broken = temp.resolve("broken").resolve("broken.jar");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "not a jar");
        assertThat(run("connect", "plugins", "list", "--plugin-path", broken.getParent().toString())).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .startsWith("ferry connect plugins list: Unable to read plugin location " + broken + ": ");
        assertThat(out.toString()).isEmpty();

        assertThat(run("connect", "plugins", "list", "--plugin-paht", temp.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
    }

    private static String row(String className, String firstAlias, String secondAlias, String version, String type,
            boolean loadable, boolean hasManifest, String location) {
        return String.join("\t", className, firstAlias, secondAlias, version, type, String.valueOf(loadable),
                String.valueOf(hasManifest), location);
    }

    /** The connectors a worker finds on a plugin.path entry, in the given mode. */
    private static List<PluginDesc> discover(Path pluginPathEntry, PluginDiscoveryMode mode) {
        try (Plugins plugins = Plugins.discover(List.of(pluginPathEntry), mode)) {
            List<PluginDesc> found = new ArrayList<>();
            for (PluginType type : List.of(PluginType.SINK, PluginType.SOURCE)) {
                plugins.plugins(type).stream().filter(PluginDesc::isolated).forEach(found::add);
            }
            return found;
        }
    }

    /** A copy of connect-file without its manifests, but with a sink manifest that names a class it does not hold. */
    private static Path jarWithoutManifests(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (ZipFile in = new ZipFile(connectFileJar().toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith(ServiceManifests.DIRECTORY)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(ServiceManifests.path(PluginType.SINK)));
            out.write(("# removed long ago\n" + GONE + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static Path unpack(Path jar, Path directory) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = directory.resolve(entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream data = in.getInputStream(entry)) {
                    Files.copy(data, target);
                }
            }
        }
        return directory;
    }

    private static List<String> classEntries(Path jar) throws IOException {
        try (ZipFile file = new ZipFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class")).sorted().toList();
        }
    }

    private static Path connectFileJar() {
        try {
            return Path.of(FileStreamSourceConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
