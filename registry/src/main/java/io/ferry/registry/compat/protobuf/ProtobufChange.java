package io.ferry.registry.compat.protobuf;

/**
 * The kinds of difference between two Protobuf schemas, named as Confluent Schema Registry names them, and
 * whether a reader survives each.
 *
 * <p>A description template names the difference's location as {@code {path}}, the schema that reads as
 * {@code {reader}} and the one the data was written with as {@code {writer}}. Compatible kinds are never
 * reported and carry no description; neither do the incompatible kinds Confluent leaves undescribed.
 */
enum ProtobufChange {
    PACKAGE_CHANGED(false, "The package at '{path}' in the {reader} schema does not match the package in the"
            + " {writer} schema"),
    MESSAGE_ADDED(true, ""),
    MESSAGE_REMOVED(false, "The {reader} schema is missing a MESSAGE type at path '{path}' in the {writer} schema"),
    // Messages are addressed by their index within the schema registered under the id, so a move is harmless.
    MESSAGE_MOVED(true, ""),
    ENUM_ADDED(true, ""),
    ENUM_REMOVED(true, ""),
    ENUM_CONST_ADDED(true, ""),
    ENUM_CONST_CHANGED(true, ""),
    ENUM_CONST_REMOVED(true, ""),
    FIELD_ADDED(true, ""),
    FIELD_REMOVED(true, ""),
    FIELD_NAME_CHANGED(true, ""),
    FIELD_KIND_CHANGED(false, "The type of a field at path '{path}' in the {reader} schema does not match the"
            + " {writer} schema"),
    FIELD_SCALAR_KIND_CHANGED(false, "The kind of a SCALAR field at path '{path}' in the {reader} schema does not"
            + " match its kind in the {writer} schema"),
    FIELD_NAMED_TYPE_CHANGED(false, "The type of a MESSAGE field at path '{path}' in the {reader} schema does not"
            + " match its type in the {writer} schema"),
    FIELD_NUMERIC_LABEL_CHANGED(false, "The label for a NUMERIC field at path '{path}' in the {reader} schema does"
            + " not match its label in the {writer} schema"),
    FIELD_STRING_OR_BYTES_LABEL_CHANGED(true, ""),
    // The doubled space is in the text clients already receive; keep it so the text is the same.
    REQUIRED_FIELD_ADDED(false, "A required field  at path '{path}' in the {reader} schema is missing in the"
            + " {writer} schema"),
    REQUIRED_FIELD_REMOVED(false, "The {reader} schema is missing a required field at path: '{path}' in the"
            + " {writer} schema"),
    ONEOF_ADDED(true, ""),
    ONEOF_REMOVED(true, ""),
    ONEOF_FIELD_ADDED(true, ""),
    ONEOF_FIELD_REMOVED(false, "The {reader} schema is missing a oneof field at path '{path}' in the {writer}"
            + " schema"),
    MULTIPLE_FIELDS_MOVED_TO_ONEOF(false, "Multiple fields in the oneof at path '{path}' in the {reader} schema"
            + " are outside a oneof in the {writer} schema"),
    FIELD_MOVED_TO_EXISTING_ONEOF(false, "A field in the oneof at path '{path}' in the {reader} schema is outside"
            + " an existing oneof in the {writer} schema");

    private final boolean compatible;
    private final String template;

    ProtobufChange(boolean compatible, String template) {
        this.compatible = compatible;
        this.template = template;
    }

    /** A reader of the changed schema still reads data written with the other one. */
    boolean compatible() {
        return compatible;
    }

    /** The description of this change at that location; empty for kinds that have none. */
    String describe(String path, String reader, String writer) {
        return template.replace("{path}", path).replace("{reader}", reader).replace("{writer}", writer);
    }
}
