package io.ferry.connect.plugins;

import java.util.Comparator;
import java.util.Objects;

/**
 * A plugin found at startup.
 *
 * <p>Ordered by class name, then version ({@link VersionOrder}: Maven's order, so {@code 4.10 > 4.9}), then
 * classpath before {@code plugin.path}, then location, then kind. Among the copies of one class, the last
 * in this order is the one used — Apache Kafka Connect's choice.
 *
 * @param className the plugin's class (binary name: {@code a.b.Outer$Inner})
 * @param type      its kind; a class of two kinds ({@code StringConverter}) has one desc for each
 * @param version   what it reports (its {@code version()} when {@code Versioned}), else {@code undefined}
 * @param location  where it was found: {@value #CLASSPATH}, or the absolute path of its plugin location
 *                  (a directory or jar directly inside a {@code plugin.path} entry, or the entry itself when
 *                  it is a jar)
 */
public record PluginDesc(String className, PluginType type, String version, String location) implements Comparable<PluginDesc> {

    public static final String UNDEFINED_VERSION = "undefined";
    public static final String CLASSPATH = "classpath";

    private static final Comparator<PluginDesc> ORDER = Comparator.comparing(PluginDesc::className)
            .thenComparing(PluginDesc::version, VersionOrder.INSTANCE)
            .thenComparing(PluginDesc::isolated)
            .thenComparing(desc -> Objects.toString(desc.location(), ""))
            .thenComparing(PluginDesc::type);

    public PluginDesc {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(type, "type");
        version = version == null ? UNDEFINED_VERSION : version;
    }

    /** The class name without its package and enclosing classes ({@code Key} for {@code Cast$Key}), as Java gives it. */
    public String simpleName() {
        int cut = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return className.substring(cut + 1);
    }

    /** Whether it was found on {@code plugin.path}, in a loader of its own. */
    public boolean isolated() {
        return location != null && !CLASSPATH.equals(location);
    }

    @Override
    public int compareTo(PluginDesc other) {
        return ORDER.compare(this, other);
    }

    /**
     * In Apache Kafka Connect's format, which its error messages list (clients may parse them):
     * {@code PluginDesc{klass=class a.B, name='a.B', version='1.0', encodedVersion=1.0, type=source,
     * typeName='source', location='classpath'}}.
     */
    @Override
    public String toString() {
        return "PluginDesc{klass=class " + className + ", name='" + className + "', version='" + version
                + "', encodedVersion=" + version + ", type=" + type.apiName() + ", typeName='" + type.apiName()
                + "', location='" + location + "'}";
    }
}
