package io.ferry.serde.registry;

/**
 * Which registry call a serializer makes to find the id it writes, in Confluent's order: register
 * ({@code auto.register.schemas}), else a fixed id ({@code use.schema.id} &ge; 0), else the subject's latest
 * version ({@code use.latest.version}), else a lookup of the data's schema in the subject.
 */
public record WriteSchemaChoice(boolean autoRegister, int useSchemaId, boolean useLatest) {

    /** What failed when the chosen call failed, for the error message. */
    public String failedStep() {
        if (autoRegister) {
            return "registering its schema failed";
        } else if (useSchemaId >= 0) {
            return "fetching schema " + useSchemaId + " failed";
        } else if (useLatest) {
            return "fetching the subject's latest version failed";
        }
        return "its schema is not registered in the subject (auto.register.schemas=false)";
    }
}
