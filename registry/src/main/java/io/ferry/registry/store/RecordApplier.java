package io.ferry.registry.store;

/**
 * Applies log records in log order. Called from one thread at a time; must not block.
 */
@FunctionalInterface
public interface RecordApplier {

    /**
     * @param record the record
     * @param offset its position in the log (increasing; gaps are allowed)
     */
    void apply(RegistryRecord record, long offset);
}
