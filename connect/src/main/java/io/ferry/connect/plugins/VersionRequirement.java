package io.ferry.connect.plugins;

import java.util.Objects;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.apache.maven.artifact.versioning.VersionRange;

/**
 * Which installed versions of a plugin a {@code *.plugin.version} setting accepts, as Apache Kafka Connect
 * (KIP-891) reads it:
 *
 * <ul>
 *   <li>unset, or {@value #LATEST}: the latest installed version;</li>
 *   <li>a bare version ({@code 1.0}): exactly that version, as if written {@code [1.0]} — Maven would read it as
 *       a soft preference, Connect makes it a requirement;</li>
 *   <li>a Maven version range ({@code [1.0,2.0)}, {@code [1.2,)}, {@code (,1.0],[1.2,)}): any version in it,
 *       the highest installed one chosen.</li>
 * </ul>
 *
 * Versions compare as Maven compares them ({@link VersionOrder}). Immutable.
 */
public final class VersionRequirement {
    /** The value that asks for the latest version, like leaving the setting unset. */
    public static final String LATEST = "latest";

    /** Accepts what {@link #parse} accepts, rejecting the rest with Maven's reason, naming the key. */
    public static final ConfigDef.Validator VALIDATOR = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                parse(value == null ? null : value.toString());
            } catch (InvalidVersionSpecificationException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "a version (1.0), a Maven version range ([1.0,2.0)) or " + LATEST;
        }
    };

    private static final VersionRequirement ANY_LATEST = new VersionRequirement(null);

    private final VersionRange range;

    private VersionRequirement(VersionRange range) {
        this.range = range;
    }

    /**
     * Reads a setting's value.
     *
     * @param spec the value; null or {@value #LATEST} for the latest version
     * @throws InvalidVersionSpecificationException with Maven's reason, when it is neither a version nor a range
     */
    public static VersionRequirement parse(String spec) throws InvalidVersionSpecificationException {
        if (spec == null || spec.equals(LATEST)) {
            return ANY_LATEST;
        }
        String trimmed = spec.trim();
        VersionRange range = VersionRange.createFromVersionSpec(trimmed);
        if (!range.hasRestrictions()) {
            range = VersionRange.createFromVersionSpec("[" + trimmed + "]");
        }
        return new VersionRequirement(range);
    }

    /**
     * {@link #parse}, for values that validation has already accepted.
     *
     * @throws ConfigException naming the key, when the value is not a version or range
     */
    public static VersionRequirement of(String key, String spec) {
        try {
            return parse(spec);
        } catch (InvalidVersionSpecificationException e) {
            throw new ConfigException(key, spec, e.getMessage());
        }
    }

    /** Whether any version will do, the latest being chosen. */
    public boolean isLatest() {
        return range == null;
    }

    /** Whether a plugin reporting this version satisfies the requirement. */
    public boolean accepts(String version) {
        return range == null || range.containsVersion(new DefaultArtifactVersion(Objects.toString(version, PluginDesc.UNDEFINED_VERSION)));
    }

    /**
     * The range in Maven's notation, as Apache's messages show it ({@code [1.0,1.0]} for {@code 1.0}, {@code
     * [1.0,2.0)}); {@value #LATEST} when any version will do.
     */
    @Override
    public String toString() {
        return range == null ? LATEST : range.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionRequirement that && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
