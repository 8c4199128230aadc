package io.ferry.registry.service;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.ferry.registry.store.NotLeaderException;
import io.ferry.registry.store.RegistryLog;
import io.ferry.registry.store.RegistryRecord;
import io.ferry.registry.store.StoreException;
import io.ferry.registry.store.StoreTimeoutException;

/**
 * Runs writes one at a time: each sees the whole log (read to its end first), decides against
 * the index, appends its records, and returns once they are applied — so a reply always reflects
 * its own write, and two writes never decide on the same state.
 */
final class LogWriter {
    private final RegistryLog log;
    private final WriterRole role;
    private final RegistrySettings settings;
    private final ReentrantLock writes = new ReentrantLock();

    LogWriter(RegistryLog log, WriterRole role, RegistrySettings settings) {
        this.log = log;
        this.role = role;
        this.settings = settings;
    }

    /** What a write decided: the records to append (possibly none) and the answer to give. */
    record Plan<T>(List<RegistryRecord> records, T result) {

        static <T> Plan<T> nothing(T result) {
            return new Plan<>(List.of(), result);
        }
    }

    /** Decides a write against the current state. May throw {@link RegistryException}s. */
    @FunctionalInterface
    interface Decision<T> {
        Plan<T> decide();
    }

    /** Whether this node writes; others forward. */
    void requireWriter() {
        if (!role.isWriter()) {
            throw new LeaderRequiredException("this node does not lead; writes go to " + role.writerUrl().orElse("(no leader known)"));
        }
    }

    /**
     * @param operation what the write does, for error messages ("register", "delete subject")
     */
    <T> T write(String operation, Decision<T> decision) {
        requireWriter();
        writes.lock();
        try {
            log.sync(settings.writeTimeout());
            Plan<T> plan = decision.decide();
            if (!plan.records().isEmpty()) {
                log.append(plan.records());
            }
            return plan.result();
        } catch (NotLeaderException e) {
            throw new LeaderRequiredException("leadership moved during " + operation + ": " + e.getMessage());
        } catch (StoreTimeoutException e) {
            throw RegistryErrors.timeout(capitalized(operation) + " operation timed out", e);
        } catch (StoreException e) {
            throw RegistryErrors.storeError("Error while trying to " + operation + ": " + e.getMessage(), e);
        } finally {
            writes.unlock();
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
