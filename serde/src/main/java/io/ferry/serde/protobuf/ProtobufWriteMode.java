package io.ferry.serde.protobuf;

/**
 * How a Protobuf serializer chooses the id it writes, from {@link ProtobufSerdeConfig}.
 *
 * @param autoRegister   register the schema and its references
 * @param useSchemaId    write with this id ({@code -1}: none)
 * @param useLatest      write with the subject's latest version
 * @param normalize      ask the registry to normalize
 * @param skipKnownTypes leave imports of well-known files out of the references
 */
public record ProtobufWriteMode(boolean autoRegister, int useSchemaId, boolean useLatest, boolean normalize, boolean skipKnownTypes) {
}
