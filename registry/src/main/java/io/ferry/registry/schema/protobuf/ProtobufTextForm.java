package io.ferry.registry.schema.protobuf;

/** The forms {@link ProtobufTextWriter} writes a file in. */
enum ProtobufTextForm {
    /** As given, in the registry's layout: the canonical text. */
    CANONICAL(false, false),
    /** The normal form behind {@code normalize=true}. */
    NORMALIZED(true, false),
    /** The canonical text without custom options, extension ranges and extensions ({@code format=ignore_extensions}). */
    IGNORE_EXTENSIONS(false, true);

    private final boolean normalize;
    private final boolean ignoreExtensions;

    ProtobufTextForm(boolean normalize, boolean ignoreExtensions) {
        this.normalize = normalize;
        this.ignoreExtensions = ignoreExtensions;
    }

    boolean normalize() {
        return normalize;
    }

    boolean ignoreExtensions() {
        return ignoreExtensions;
    }
}
