package io.ferry.connect.worker.task;

import java.util.Map;

import io.ferry.connect.errors.RetryWithTolerance;
import io.ferry.connect.metrics.TaskMetrics;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.worker.pipeline.TaskConverters;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.utils.Time;

/**
 * What every task is made with, whatever its kind.
 *
 * @param config the task's config, provider references resolved
 * @param loader the connector's class loader: the task thread's context loader
 * @param version what the task plugin reports as its version, for its statuses and metrics
 */
public record TaskSetup(TaskId id, Map<String, String> config, TargetState initialState, TaskStatusListener listener,
        TaskConverters converters, RetryWithTolerance errors, TaskMetrics taskMetrics, PluginMetrics pluginMetrics,
        ClassLoader loader, Time time, String version) {
}
