package io.ferry.testkit.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Sections of a Markdown document that code writes — settings references, metric tables — between
 * {@code <!-- generated:NAME:start -->} and {@code <!-- generated:NAME:end -->} lines. A test compares
 * each section with what the code generates now, so the document cannot drift from the definitions;
 * with {@code -Dferry.docs.write=true} it rewrites the sections first.
 */
public final class GeneratedSections {
    /** The system property that makes {@link #check} rewrite the sections before comparing. */
    public static final String WRITE = "ferry.docs.write";

    private GeneratedSections() {
    }

    /**
     * Checks that the document at {@code relativePath} (looked for in the working directory and each
     * folder above it) holds each section as given, rewriting them first when {@value #WRITE} is true.
     *
     * @throws AssertionError naming the document and the section that is missing or out of date
     */
    public static void check(String relativePath, Map<String, String> sections) {
        Path path = find(relativePath);
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            if (Boolean.getBoolean(WRITE)) {
                for (Map.Entry<String, String> section : sections.entrySet()) {
                    text = replace(text, relativePath, section.getKey(), section.getValue());
                }
                Files.writeString(path, text, StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, String> section : sections.entrySet()) {
                String shown = text.substring(contentStart(text, relativePath, section.getKey()), end(text, relativePath, section.getKey()));
                if (!shown.equals(section.getValue())) {
                    throw new AssertionError(relativePath + ": section " + section.getKey()
                            + " is out of date; rewrite it with -D" + WRITE + "=true\n--- shown ---\n" + shown
                            + "\n--- generated ---\n" + section.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find(String relativePath) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relativePath))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError(relativePath + " is not in " + Path.of("").toAbsolutePath() + " or any folder above it");
        }
        return dir.resolve(relativePath);
    }

    private static String replace(String text, String doc, String name, String content) {
        return text.substring(0, contentStart(text, doc, name)) + content + text.substring(end(text, doc, name));
    }

    private static int contentStart(String text, String doc, String name) {
        String marker = "<!-- generated:" + name + ":start -->\n";
        int start = text.indexOf(marker);
        if (start < 0) {
            throw new AssertionError(doc + " has no line " + marker.strip());
        }
        return start + marker.length();
    }

    private static int end(String text, String doc, String name) {
        String marker = "<!-- generated:" + name + ":end -->";
        int end = text.indexOf(marker);
        if (end < contentStart(text, doc, name)) {
            throw new AssertionError(doc + " has no line " + marker + " after the section's start");
        }
        return end;
    }
}
