package io.ferry.registry.compat;

/**
 * The lines Confluent Schema Registry adds around the problems it lists: which earlier version failed,
 * its text, and the settings the check ran with.
 */
final class CompatibilityMessages {

    /** Old schemas longer than this are cut to this many characters. */
    static final int MAX_OLD_SCHEMA_LENGTH = 10 * 1024;

    static final String DIFFERENT_SCHEMA_TYPE = "Incompatible because of different schema type";

    private CompatibilityMessages() {
    }

    static String oldSchemaVersion(int version) {
        return "{oldSchemaVersion: " + version + "}";
    }

    static String oldSchema(String canonical) {
        if (canonical.length() <= MAX_OLD_SCHEMA_LENGTH) {
            return "{oldSchema: '" + canonical + "'}";
        }
        return "{oldSchema: <truncated> '" + canonical.substring(0, MAX_OLD_SCHEMA_LENGTH) + "...'}";
    }

    static String settings(boolean validateFields, CompatibilityLevel level) {
        return "{validateFields: '" + validateFields + "', compatibility: '" + level.name() + "'}";
    }
}
