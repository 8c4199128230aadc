package io.ferry.registry.service;

import java.util.List;

import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.schema.SchemaType;

/**
 * Every error the registry answers with, with Confluent's codes and messages (their odd spacing
 * included: clients and tests compare them).
 */
public final class RegistryErrors {
    /** The context part of messages; Ferry serves the default context, whose name is empty. */
    private static final String DEFAULT_CONTEXT = "";

    private RegistryErrors() {
    }

    public static RegistryException subjectNotFound(String subject) {
        return new RegistryException(40401, "Subject '" + subject + "' not found.");
    }

    public static RegistryException versionNotFound(Object version) {
        return new RegistryException(40402, "Version " + version + " not found.");
    }

    public static RegistryException schemaNotFound(int id) {
        return new RegistryException(40403, "Schema " + id + " not found");
    }

    public static RegistryException schemaNotFound() {
        return new RegistryException(40403, "Schema not found");
    }

    public static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(40404, "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
    }

    public static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(40405, "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    public static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(40406, "Subject '" + subject + "' Version " + version
                + " was soft deleted.Set permanent=true to delete permanently");
    }

    public static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(40407, "Subject '" + subject + "' Version " + version
                + " was not deleted first before being permanently deleted");
    }

    public static RegistryException subjectCompatibilityNotConfigured(String subject) {
        return new RegistryException(40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    public static RegistryException subjectModeNotConfigured(String subject) {
        return new RegistryException(40409, "Subject '" + subject + "' does not have subject-level mode configured");
    }

    public static RegistryException incompatible(String subject, List<String> details) {
        return new RegistryException(409, "Schema being registered is incompatible with an earlier schema for subject \""
                + subject + "\", details: [" + String.join(", ", details) + "]");
    }

    public static RegistryException invalidSchema(SchemaType type, String details) {
        return new RegistryException(42201, "Invalid schema of type " + type + ", details: " + details);
    }

    public static RegistryException unknownSchemaType(String type) {
        return new RegistryException(42201, "Invalid schema type " + type);
    }

    public static RegistryException emptySchema() {
        return new RegistryException(42201, "Empty schema");
    }

    public static RegistryException versionNotNext() {
        return new RegistryException(42201, "Version is not one more than previous version");
    }

    public static RegistryException invalidVersion(String version) {
        return new RegistryException(42202, "The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    /** An unknown {@code compatibilityPolicy} (42203, the code of an invalid compatibility setting). */
    public static RegistryException invalidCompatibilityPolicy() {
        return new RegistryException(42203, "Invalid compatibility policy. Valid values are strict, lenient, and logical");
    }

    /** A LOGICAL policy together with a forward level, which a LOGICAL policy cannot satisfy (42203). */
    public static RegistryException logicalPolicyWithForwardLevel(CompatibilityLevel level) {
        return new RegistryException(42203, "compatibilityPolicy=LOGICAL cannot be combined with compatibilityLevel="
                + level.name() + ": a LOGICAL policy only evolves backward");
    }

    public static RegistryException invalidCompatibilityLevel() {
        return new RegistryException(42203, "Invalid compatibility level. Valid values are none, backward, forward, full, "
                + "backward_transitive, forward_transitive, and full_transitive");
    }

    public static RegistryException invalidMode() {
        return new RegistryException(42204, "Invalid mode. Valid values are READWRITE, READONLY, and IMPORT.");
    }

    public static RegistryException readOnly(String subject) {
        return new RegistryException(42205, "Subject " + subject + " in context " + DEFAULT_CONTEXT + " is in read-only mode");
    }

    public static RegistryException notImportMode(String subject) {
        return new RegistryException(42205, "Subject " + subject + " in context " + DEFAULT_CONTEXT + " is not in import mode");
    }

    public static RegistryException notReadWriteMode(String subject) {
        return new RegistryException(42205, "Subject " + subject + " in context " + DEFAULT_CONTEXT + " is not in read-write mode");
    }

    public static RegistryException overwriteNotPermitted(int id) {
        return new RegistryException(42205, "Overwrite new schema with id " + id + " in context " + DEFAULT_CONTEXT + " is not permitted.");
    }

    public static RegistryException cannotImport() {
        return new RegistryException(42205, "Cannot import since found existing subjects");
    }

    public static RegistryException registryReadOnly() {
        return new RegistryException(42205, "The registry is in read-only mode");
    }

    public static RegistryException referenceExists(String subject, int version) {
        return new RegistryException(42206, "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject="
                + subject + ",version=" + version + "}.");
    }

    public static RegistryException invalidSubject(String subject) {
        return new RegistryException(42208, "The specified subject '" + subject + "' is not a valid.");
    }

    public static RegistryException schemaTooLarge() {
        return new RegistryException(42209, "Register operation failed because schema is too large");
    }

    public static RegistryException storeError(String message, Throwable cause) {
        return new RegistryException(50001, message, cause);
    }

    public static RegistryException timeout(String message, Throwable cause) {
        return new RegistryException(50002, message, cause);
    }

    public static RegistryException forwardingFailed(String message, Throwable cause) {
        return new RegistryException(50003, message, cause);
    }

    public static RegistryException unknownLeader(String message) {
        return new RegistryException(50004, message);
    }
}
