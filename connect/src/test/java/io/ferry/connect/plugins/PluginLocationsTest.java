package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apache Kafka Connect's plugin.path layout rules, on real directories. */
class PluginLocationsTest {

    @TempDir
    Path root;

    @Test
    void shouldTakeEveryDirectoryAndJarInsideAnEntryAsAPluginLocation() throws IOException {
        Path entry = Files.createDirectories(root.resolve("plugins"));
        Path dirPlugin = Files.createDirectories(entry.resolve("debezium"));
        Path jarPlugin = file(entry.resolve("uber.jar"));
        Path zipPlugin = file(entry.resolve("bundle.ZIP"));
        file(entry.resolve("README.txt"));
        file(entry.resolve("Stray.class"));

        assertThat(PluginLocations.of(List.of(entry))).containsExactly(zipPlugin, dirPlugin, jarPlugin);
    }

    @Test
    void shouldTakeAJarEntryAsOneLocation() throws IOException {
        Path uber = file(root.resolve("uber.jar"));

        assertThat(PluginLocations.of(List.of(uber))).containsExactly(uber);
    }

    @Test
    void shouldSkipEntriesThatDoNotExistOrAreNeitherDirectoryNorJar() throws IOException {
        Path entry = Files.createDirectories(root.resolve("plugins"));
        Path plugin = Files.createDirectories(entry.resolve("one"));
        Path text = file(root.resolve("notes.txt"));

        List<Path> locations = PluginLocations.of(List.of(root.resolve("missing"), text, entry));

        assertThat(locations).containsExactly(plugin);
    }

    @Test
    void shouldListALocationOnceWhenTwoEntriesReachIt() throws IOException {
        Path entry = Files.createDirectories(root.resolve("plugins"));
        Path jar = file(entry.resolve("a.jar"));

        assertThat(PluginLocations.of(List.of(entry, jar, root.resolve("plugins/../plugins")))).containsExactly(jar);
    }

    @Test
    void shouldResolveRelativeEntriesAgainstTheWorkingDirectory() {
        assertThat(PluginLocations.of(List.of(Path.of("target")))).allMatch(Path::isAbsolute);
    }

    @Test
    void shouldGiveEveryJarBelowADirectoryLocationSorted() throws IOException {
        Path location = Files.createDirectories(root.resolve("connector"));
        Path b = file(location.resolve("b.jar"));
        Path a = file(location.resolve("lib/deep/a.jar"));
        Path c = file(location.resolve("c.zip"));
        file(location.resolve("doc/manual.pdf"));

        assertThat(PluginLocations.classPath(location)).containsExactly(b, c, a);
    }

    @Test
    void shouldGiveADirectoryOfClassesAsItself() throws IOException {
        Path location = Files.createDirectories(root.resolve("classes"));
        file(location.resolve("com/acme/MyConnector.class"));

        assertThat(PluginLocations.classPath(location)).containsExactly(location);
    }

    @Test
    void shouldPreferJarsOverClassFilesInOneLocation() throws IOException {
        Path location = Files.createDirectories(root.resolve("mixed"));
        file(location.resolve("com/acme/MyConnector.class"));
        Path jar = file(location.resolve("lib/dep.jar"));

        assertThat(PluginLocations.classPath(location)).containsExactly(jar);
    }

    @Test
    void shouldGiveAJarLocationAsItself() throws IOException {
        Path jar = file(root.resolve("uber.jar"));

        assertThat(PluginLocations.classPath(jar)).containsExactly(jar);
    }

    @Test
    void shouldGiveNothingForAnEmptyLocation() throws IOException {
        assertThat(PluginLocations.classPath(Files.createDirectories(root.resolve("empty")))).isEmpty();
    }

    @Test
    void shouldFollowSymbolicLinksWithoutLoopingForever() throws IOException {
        Path location = Files.createDirectories(root.resolve("linked"));
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Path jar = file(elsewhere.resolve("lib.jar"));
        Files.createSymbolicLink(location.resolve("libs"), elsewhere);
        Files.createSymbolicLink(elsewhere.resolve("loop"), location);

        List<Path> classPath = PluginLocations.classPath(location);

        assertThat(classPath).hasSize(1);
        assertThat(Files.isSameFile(classPath.get(0), jar)).isTrue();
    }

    @Test
    void shouldFailToListALocationThatDisappeared() {
        assertThatThrownBy(() -> PluginLocations.classPath(root.resolve("gone")))
                .isInstanceOf(NoSuchFileException.class);
    }

    private static Path file(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "x");
    }
}
