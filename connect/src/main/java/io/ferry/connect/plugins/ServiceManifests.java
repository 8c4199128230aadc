package io.ferry.connect.plugins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The service manifests that name plugins: {@code META-INF/services/<the kind's interface>}, one class name a
 * line, {@code #} starting a comment, as {@link java.util.ServiceLoader} reads them. Discovery reads them
 * here, and so do the tools that list and write them ({@code ferry connect plugins}), so both agree on what
 * a manifest says.
 */
public final class ServiceManifests {
    /** The folder of service manifests in a jar or a directory of classes. */
    public static final String DIRECTORY = "META-INF/services/";

    private ServiceManifests() {
    }

    /** Where the manifest of a kind lives, relative to a jar's root: {@code META-INF/services/<interface>}. */
    public static String path(PluginType type) {
        return DIRECTORY + type.superType().getName();
    }

    /**
     * The class names a manifest lists, in order, each once. Comments and blank lines are skipped and names
     * are trimmed; what is left of a line is taken as written, so a malformed name fails when it is loaded,
     * naming itself. Does not close the stream.
     */
    public static Set<String> read(InputStream manifest) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(manifest, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
