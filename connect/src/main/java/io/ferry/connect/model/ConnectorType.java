package io.ferry.connect.model;

import java.util.Locale;

/** The kind of a connector, written in lower case by the REST API. */
public enum ConnectorType {
    SOURCE,
    SINK,
    UNKNOWN;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
