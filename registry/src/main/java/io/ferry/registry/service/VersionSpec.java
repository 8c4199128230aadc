package io.ferry.registry.service;

import java.util.Locale;

/**
 * A version as a request names it: a number from 1, or the latest ({@code latest} or {@code -1}).
 *
 * @param number the version, or -1 for the latest
 */
public record VersionSpec(int number) {

    public static final VersionSpec LATEST = new VersionSpec(-1);

    /**
     * Reads a version path segment.
     *
     * @throws RegistryException 42202 for anything else than {@code latest}, {@code -1} or 1..2^31-1
     */
    public static VersionSpec parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.toLowerCase(Locale.ROOT).equals("latest")) {
            return LATEST;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw RegistryErrors.invalidVersion(text);
        }
        if (number == -1) {
            return LATEST;
        }
        if (number < 1) {
            throw RegistryErrors.invalidVersion(Integer.toString(number));
        }
        return new VersionSpec(number);
    }

    public boolean isLatest() {
        return number == -1;
    }

    @Override
    public String toString() {
        return isLatest() ? "latest" : Integer.toString(number);
    }
}
