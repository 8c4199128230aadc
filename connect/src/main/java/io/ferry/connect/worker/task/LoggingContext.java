package io.ferry.connect.worker.task;

import io.ferry.connect.model.TaskId;
import org.slf4j.MDC;

/**
 * Puts the connector and task a thread works for in the logging context under
 * {@value #KEY}, with the value Apache Kafka Connect uses ({@code [name|task-0] }), so a log pattern
 * with {@code %X{connector.context}} shows it on every line.
 */
public final class LoggingContext implements AutoCloseable {
    public static final String KEY = "connector.context";

    private final String previous;

    private LoggingContext(String value) {
        this.previous = MDC.get(KEY);
        MDC.put(KEY, value);
    }

    public static LoggingContext forTask(TaskId task) {
        return new LoggingContext("[" + task.connector() + "|task-" + task.task() + "] ");
    }

    public static LoggingContext forConnector(String connector) {
        return new LoggingContext("[" + connector + "|worker] ");
    }

    public static LoggingContext forOffsets(String connector) {
        return new LoggingContext("[" + connector + "|offsets] ");
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
