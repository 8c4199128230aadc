package io.ferry.connect.plugins;

import java.util.Collection;
import java.util.Map;

import io.ferry.connect.converters.BooleanConverter;
import io.ferry.connect.converters.ByteArrayConverter;
import io.ferry.connect.converters.DoubleConverter;
import io.ferry.connect.converters.FloatConverter;
import io.ferry.connect.converters.IntegerConverter;
import io.ferry.connect.converters.LongConverter;
import io.ferry.connect.converters.ShortConverter;

/**
 * Ferry's classes that stand in for plugins Apache Kafka Connect ships inside {@code connect-runtime}, which
 * Ferry does not depend on, so that configs naming Apache's classes run unchanged: {@code
 * key.converter=org.apache.kafka.connect.converters.LongConverter} makes Ferry's {@link LongConverter}.
 *
 * <p><b>When a stand-in is used.</b> Only when the Apache class itself cannot be loaded: a {@code plugin.path}
 * location that bundles {@code connect-runtime} (MirrorMaker's, say) provides the real class, and then
 * Apache's class name and its aliases ({@code LongConverter}, {@code Long}) name that class, while Ferry's
 * class name still names Ferry's.
 *
 * <p><b>Listings.</b> The Apache names do not appear in {@code GET /connector-plugins}: it lists what would
 * run, Ferry's classes, whose simple names and aliases are Apache's. A listing that showed both names would
 * report one plugin twice; one that showed only Apache's would name a class that is not there. Apache's names
 * are accepted wherever a plugin is named (configs, validation, {@code /connector-plugins/{name}/config}),
 * like aliases, which are not listed either.
 *
 * <p>The client override policies {@code org.apache.kafka.connect.connector.policy.*} are not here: the
 * worker knows them by name ({@code io.ferry.connect.validation.ClientOverridePolicies}).
 */
final class RuntimeStandIns {
    private static final String CONVERTERS = "org.apache.kafka.connect.converters.";

    /** Apache's class name to Ferry's. */
    private static final Map<String, String> STAND_INS = Map.of(
            CONVERTERS + "ByteArrayConverter", ByteArrayConverter.class.getName(),
            CONVERTERS + "BooleanConverter", BooleanConverter.class.getName(),
            CONVERTERS + "ShortConverter", ShortConverter.class.getName(),
            CONVERTERS + "IntegerConverter", IntegerConverter.class.getName(),
            CONVERTERS + "LongConverter", LongConverter.class.getName(),
            CONVERTERS + "FloatConverter", FloatConverter.class.getName(),
            CONVERTERS + "DoubleConverter", DoubleConverter.class.getName());

    private RuntimeStandIns() {
    }

    /** The class name of Ferry's stand-in for an Apache runtime class; {@code null} when it has none. */
    static String standInFor(String apacheClassName) {
        return STAND_INS.get(apacheClassName);
    }

    /** Whether a class is Ferry's stand-in for an Apache class that is among the given class names. */
    static boolean yieldsTo(String className, Collection<String> classNames) {
        for (Map.Entry<String, String> standIn : STAND_INS.entrySet()) {
            if (standIn.getValue().equals(className) && classNames.contains(standIn.getKey())) {
                return true;
            }
        }
        return false;
    }
}
