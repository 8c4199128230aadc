package io.ferry.connectors.jdbc.source;

import java.util.Arrays;
import java.util.List;

/** The {@code mode} values: how a poll decides which rows are new. */
public enum Mode {
    BULK("bulk"),
    INCREMENTING("incrementing"),
    TIMESTAMP("timestamp"),
    TIMESTAMP_INCREMENTING("timestamp+incrementing");

    private final String configName;

    Mode(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public boolean usesTimestamp() {
        return this == TIMESTAMP || this == TIMESTAMP_INCREMENTING;
    }

    public boolean usesIncrementing() {
        return this == INCREMENTING || this == TIMESTAMP_INCREMENTING;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(Mode::configName).toList();
    }

    /** The mode of a {@code mode} value, or null for null or an unknown value (the key's validator reports those). */
    static Mode parse(String value) {
        return Arrays.stream(values()).filter(mode -> mode.configName.equals(value)).findFirst().orElse(null);
    }
}
