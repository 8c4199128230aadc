package io.ferry.registry.compat;

/** Which of the two schemas in a check a description speaks of: the candidate or the earlier version. */
public enum SchemaRole {
    NEW("new"),
    OLD("old");

    private final String label;

    SchemaRole(String label) {
        this.label = label;
    }

    /** The word descriptions use: {@code new} or {@code old}. */
    public String label() {
        return label;
    }

    public SchemaRole other() {
        return this == NEW ? OLD : NEW;
    }
}
