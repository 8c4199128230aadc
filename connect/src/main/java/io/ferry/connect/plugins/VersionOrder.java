package io.ferry.connect.plugins;

import java.util.Comparator;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Orders version strings as Maven does ({@link ComparableVersion}), which is how Apache Kafka Connect picks the
 * newest copy of a plugin found in several places and how {@link VersionRequirement}'s ranges compare versions,
 * so that the latest version and the highest one a range accepts are chosen by one order: numbers compare as
 * numbers ({@code 4.10 > 4.9}), trailing zeros do not count ({@code 1.0 = 1.0.0}), a pre-release comes before
 * its release ({@code 1.0-alpha < 1.0-beta < 1.0-rc1 < 1.0-SNAPSHOT < 1.0 < 1.0-sp1}), a number after a word
 * ({@code 1.1 > 1.undefined}), and other words compare alphabetically, ignoring case, after the release. Every
 * string is a version, {@code undefined} included.
 */
final class VersionOrder implements Comparator<String> {

    static final VersionOrder INSTANCE = new VersionOrder();

    private VersionOrder() {
    }

    @Override
    public int compare(String left, String right) {
        return new ComparableVersion(left).compareTo(new ComparableVersion(right));
    }
}
