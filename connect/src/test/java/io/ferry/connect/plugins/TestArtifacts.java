package io.ferry.connect.plugins;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.connect.file.FileStreamSourceConnector;

/** Jars the plugin tests put on a {@code plugin.path}, found where the build put them. */
public final class TestArtifacts {

    /** The version of Apache Kafka Connect's FileStream connectors the tests run. */
    static final String CONNECT_FILE_VERSION = "4.3.1";

    /** The version of the older jackson-core a test plugin bundles (the framework has a newer one). */
    static final String PLUGIN_JACKSON_VERSION = "2.17.2";

    private TestArtifacts() {
    }

    /** Apache's connect-file jar, a test dependency: where the classpath's copy of its connector comes from. */
    static Path connectFileJar() {
        try {
            Path jar = Path.of(FileStreamSourceConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!jar.getFileName().toString().equals("connect-file-" + CONNECT_FILE_VERSION + ".jar")) {
                throw new IllegalStateException("Expected connect-file " + CONNECT_FILE_VERSION + ", found " + jar);
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** jackson-core 2.17.2, copied by the build into {@code target/test-plugin-libraries}. */
    static Path olderJacksonCore() {
        return copiedByTheBuild("jackson-core-" + PLUGIN_JACKSON_VERSION + ".jar");
    }

    /** Apache's connect-basic-auth-extension jar (the REST extension), copied by the build into {@code target/test-plugin-libraries}. */
    public static Path basicAuthExtensionJar() {
        return copiedByTheBuild("connect-basic-auth-extension-" + CONNECT_FILE_VERSION + ".jar");
    }

    private static Path copiedByTheBuild(String fileName) {
        String directory = System.getProperty("ferry.test.pluginLibraries", "target/test-plugin-libraries");
        Path jar = Path.of(directory, fileName);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven, which copies it");
        }
        return jar;
    }
}
