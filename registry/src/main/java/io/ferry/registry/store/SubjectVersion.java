package io.ferry.registry.store;

/**
 * A version of a subject as the index holds it.
 *
 * @param subject the subject
 * @param version its version number
 * @param id      the global id of its schema
 * @param content the schema
 * @param deleted soft-deleted
 */
public record SubjectVersion(String subject, int version, int id, SchemaContent content, boolean deleted) {

    static SubjectVersion of(RecordValue.Schema value) {
        return new SubjectVersion(value.subject(), value.version(), value.id(), SchemaContent.of(value), value.deleted());
    }

    public RecordValue.Schema toRecordValue(boolean isDeleted) {
        return new RecordValue.Schema(subject, version, id, content.type(), content.schema(), content.references(),
                content.metadata(), content.ruleSet(), isDeleted);
    }
}
