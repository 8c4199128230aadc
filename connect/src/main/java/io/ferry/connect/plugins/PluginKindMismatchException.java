package io.ferry.connect.plugins;

import org.apache.kafka.common.config.ConfigException;

/**
 * A connector's config names a class that the connector's own plugin location defines, but not as a plugin of the
 * kind the setting needs (a {@code Converter} named as {@code header.converter}, a class that is no {@code
 * Transformation} named as a transformation's type). Apache Kafka Connect resolves the classes a connector's config
 * names through the connector's class loader first and refuses such a class; it does not look for another copy of
 * that name. A {@link ConfigException}, so that validation reports it against the key that names the class.
 */
public class PluginKindMismatchException extends ConfigException {
    private static final long serialVersionUID = 1L;

    PluginKindMismatchException(Class<?> found, PluginType expected, PluginClassLoader location) {
        super(message(found, expected) + " (the class of that name packaged in the connector's plugin location "
                + location.location() + ")");
    }

    /** In Apache Kafka Connect's words: {@code Class class a.B does not implement the HeaderConverter interface}. */
    private static String message(Class<?> found, PluginType expected) {
        Class<?> superType = expected.superType();
        return superType.isInterface()
                ? "Class " + found + " does not implement the " + superType.getSimpleName() + " interface"
                : "Class " + found + " does not extend the " + superType.getSimpleName() + " class";
    }
}
