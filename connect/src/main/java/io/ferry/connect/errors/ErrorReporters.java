package io.ferry.connect.errors;

import io.ferry.connect.metrics.ErrorHandlingMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.model.TaskId;
import org.apache.kafka.common.utils.Time;

/** Builds a task's error handling from its connector's settings. */
public final class ErrorReporters {

    private ErrorReporters() {
    }

    /**
     * The reporters a connector's settings ask for, in the order they are told: the dead-letter queue
     * (when {@code errors.deadletterqueue.topic.name} is set; its topic is created if missing), then
     * the error log (when {@code errors.log.enable=true}). Blocks on the cluster when there is a
     * dead-letter queue.
     *
     * @param config         a source or sink connector's settings
     * @param producerConfig for the dead-letter queue's producer
     * @param adminConfig    for the admin client that checks the dead-letter queue topic
     * @throws org.apache.kafka.connect.errors.ConnectException when the dead-letter queue topic cannot be created
     */
    public static List<ErrorReporter> forTask(TaskId task, ConnectorConfig config, Map<String, Object> producerConfig,
                                              Map<String, Object> adminConfig, ErrorHandlingMetrics metrics) {
        List<ErrorReporter> reporters = new ArrayList<>();
        Optional<DeadLetterQueueSettings> deadLetterQueue = DeadLetterQueueSettings.from(config, task);
        deadLetterQueue.ifPresent(settings ->
                reporters.add(DeadLetterQueueReporter.create(settings, producerConfig, adminConfig, metrics)));
        if (config.getBoolean(ConnectorConfig.ERRORS_LOG_ENABLE)) {
            reporters.add(new LogReporter(task, config.getBoolean(ConnectorConfig.ERRORS_LOG_INCLUDE_MESSAGES), metrics));
        }
        return reporters;
    }

    /** The task's {@link RetryWithTolerance}, with the reporters of {@link #forTask}. */
    public static RetryWithTolerance errorHandler(TaskId task, ConnectorConfig config, Map<String, Object> producerConfig,
                                                  Map<String, Object> adminConfig, ErrorHandlingMetrics metrics, Time time) {
        return new RetryWithTolerance(ErrorPolicy.from(config), forTask(task, config, producerConfig, adminConfig, metrics), metrics, time);
    }
}
