package io.ferry.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.apache.kafka.common.utils.AppInfoParser;

/** Ferry's version, from the build, and the version of the Kafka libraries it runs with. */
public record FerryVersion(String ferry, String kafka) {

    /** Absolute: the file stays beside the command classes (io/ferry/cli), where the build fills in the version. */
    private static final String RESOURCE = "/io/ferry/cli/ferry-version.properties";

    /** The versions of this installation. */
    public static FerryVersion current() {
        Properties properties = new Properties();
        try (InputStream in = FerryVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new FerryVersion(properties.getProperty("ferry.version", "unknown"), AppInfoParser.getVersion());
    }
}
