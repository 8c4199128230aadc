package io.ferry.serde.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Record and field names between Connect (anything) and Avro ({@code [A-Za-z_][A-Za-z0-9_]*} per part). */
final class AvroNames {
    private AvroNames() {
    }

    /**
     * With scrubbing: names Avro allows are kept; others are percent-encoded, every remaining character Avro
     * does not allow becomes {@code _}, and a leading digit gets an {@code x} before it (Confluent's scheme).
     */
    static String scrub(String name, boolean scrub) {
        if (!scrub || name == null || name.isEmpty() || isValid(name)) {
            return name;
        }
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
        if (Character.isDigit(encoded.charAt(0))) {
            encoded = "x" + encoded;
        }
        StringBuilder out = new StringBuilder(encoded);
        for (int i = 0; i < out.length(); i++) {
            if (!isNameChar(out.charAt(i))) {
                out.setCharAt(i, '_');
            }
        }
        return out.toString();
    }

    private static boolean isValid(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return !Character.isDigit(name.charAt(0));
    }

    private static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    /** {namespace or null, simple name} of a dotted full name, each part scrubbed when asked. */
    static String[] split(String fullName, boolean scrub) {
        if (fullName == null || fullName.isEmpty()) {
            return new String[] {null, fullName};
        }
        String[] parts = fullName.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = scrub(parts[i], scrub);
        }
        if (parts.length == 1) {
            return new String[] {null, parts[0]};
        }
        return new String[] {String.join(".", java.util.Arrays.copyOf(parts, parts.length - 1)), parts[parts.length - 1]};
    }

    static String scrubFullName(String name, boolean scrub) {
        if (name == null || !scrub) {
            return name;
        }
        String[] split = split(name, true);
        return split[0] == null ? split[1] : split[0] + "." + split[1];
    }
}
