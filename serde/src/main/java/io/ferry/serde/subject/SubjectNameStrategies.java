package io.ferry.serde.subject;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * Turns the value of a {@code *.subject.name.strategy} setting into a strategy. Ferry's class names,
 * Confluent's class names for the same strategies (so an existing configuration file works unchanged) and
 * any class implementing {@link SubjectNameStrategy} are accepted.
 */
public final class SubjectNameStrategies {
    private static final String CONFLUENT = "io.confluent.kafka.serializers.subject.";
    private static final Map<String, Class<? extends SubjectNameStrategy>> ALIASES = Map.of(
            CONFLUENT + "TopicNameStrategy", TopicNameStrategy.class,
            CONFLUENT + "RecordNameStrategy", RecordNameStrategy.class,
            CONFLUENT + "TopicRecordNameStrategy", TopicRecordNameStrategy.class,
            "TopicNameStrategy", TopicNameStrategy.class,
            "RecordNameStrategy", RecordNameStrategy.class,
            "TopicRecordNameStrategy", TopicRecordNameStrategy.class);

    private SubjectNameStrategies() {
    }

    /** The class a setting names: a Confluent alias, a short name, or a class implementing {@link SubjectNameStrategy}. */
    public static Class<? extends SubjectNameStrategy> resolve(String setting, String className) {
        Class<? extends SubjectNameStrategy> alias = ALIASES.get(className.trim());
        if (alias != null) {
            return alias;
        }
        Class<?> found;
        try {
            found = Class.forName(className.trim(), true, classLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(setting, className, "no such class; use TopicNameStrategy, RecordNameStrategy, "
                    + "TopicRecordNameStrategy or a class implementing " + SubjectNameStrategy.class.getName());
        }
        if (!SubjectNameStrategy.class.isAssignableFrom(found)) {
            throw new ConfigException(setting, className, "does not implement " + SubjectNameStrategy.class.getName());
        }
        return found.asSubclass(SubjectNameStrategy.class);
    }

    /** A configured instance of the strategy a setting names. */
    public static SubjectNameStrategy create(String setting, String className, Map<String, ?> configs) {
        Class<? extends SubjectNameStrategy> type = resolve(setting, className);
        SubjectNameStrategy strategy;
        try {
            strategy = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(setting, className, "cannot be instantiated: " + e);
        }
        strategy.configure(configs);
        return strategy;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SubjectNameStrategies.class.getClassLoader();
    }
}
