package io.ferry.cli.connect;

import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.connect.file.FileStreamSourceConnector;

/** Files a standalone worker is started with: worker and connector properties, a plugin.path. */
final class ConnectFiles {
    private ConnectFiles() {
    }

    /** A plugin.path folder holding Apache's connect-file jar, as a user installs it. */
    static Path pluginPath(Path dir) throws IOException, URISyntaxException {
        Path jar = Path.of(FileStreamSourceConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path location = Files.createDirectories(dir.resolve("plugins").resolve("connect-file"));
        Files.copy(jar, location.resolve(jar.getFileName()));
        return dir.resolve("plugins");
    }

    static Path properties(Path file, Map<String, String> values) throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }
}
