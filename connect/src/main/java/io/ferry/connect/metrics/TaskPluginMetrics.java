package io.ferry.connect.metrics;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.metrics.Metrics;

import io.ferry.connect.metrics.MetricDefinition.Kind;
import io.ferry.connect.metrics.MetricDefinition.Scope;
import io.ferry.connect.model.TaskId;

/**
 * Which plugins, in which versions, a task runs (KIP-891): class and version attributes in the
 * task's {@code connector-task-metrics} group, and one {@code connector-transform-metrics} or
 * {@code connector-predicate-metrics} group per alias. Values never change while the task runs.
 */
final class TaskPluginMetrics implements AutoCloseable {
    static final String TRANSFORM_GROUP = "connector-transform-metrics";
    static final String PREDICATE_GROUP = "connector-predicate-metrics";

    static final MetricDefinition CONNECTOR_CLASS = task("connector-class", "The connector's class name.");
    static final MetricDefinition CONNECTOR_TYPE = task("connector-type", "'source' or 'sink'.");
    static final MetricDefinition CONNECTOR_VERSION = task("connector-version", "The version the connector reports.");
    static final MetricDefinition TASK_CLASS = task("task-class", "The task's class name.");
    static final MetricDefinition TASK_VERSION = task("task-version", "The version the task reports.");
    static final MetricDefinition KEY_CONVERTER_CLASS = task("key-converter-class",
            "The class name of the task's key converter (key.converter).");
    static final MetricDefinition KEY_CONVERTER_VERSION = task("key-converter-version",
            "The version of the task's key converter, if it reports one.");
    static final MetricDefinition VALUE_CONVERTER_CLASS = task("value-converter-class",
            "The class name of the task's value converter (value.converter).");
    static final MetricDefinition VALUE_CONVERTER_VERSION = task("value-converter-version",
            "The version of the task's value converter, if it reports one.");
    static final MetricDefinition HEADER_CONVERTER_CLASS = task("header-converter-class",
            "The class name of the task's header converter (header.converter).");
    static final MetricDefinition HEADER_CONVERTER_VERSION = task("header-converter-version",
            "The version of the task's header converter, if it reports one.");
    static final MetricDefinition TRANSFORM_CLASS = new MetricDefinition(TRANSFORM_GROUP, "transform-class",
            Scope.TRANSFORM, Kind.TEXT, "The class name of the transformation with this alias.");
    static final MetricDefinition TRANSFORM_VERSION = new MetricDefinition(TRANSFORM_GROUP, "transform-version",
            Scope.TRANSFORM, Kind.TEXT, "The version of the transformation with this alias.");
    static final MetricDefinition PREDICATE_CLASS = new MetricDefinition(PREDICATE_GROUP, "predicate-class",
            Scope.PREDICATE, Kind.TEXT, "The class name of the predicate with this alias.");
    static final MetricDefinition PREDICATE_VERSION = new MetricDefinition(PREDICATE_GROUP, "predicate-version",
            Scope.PREDICATE, Kind.TEXT, "The version of the predicate with this alias.");

    static final List<MetricDefinition> TASK_DEFINITIONS = List.of(CONNECTOR_CLASS, CONNECTOR_TYPE,
            CONNECTOR_VERSION, TASK_CLASS, TASK_VERSION, KEY_CONVERTER_CLASS, KEY_CONVERTER_VERSION,
            VALUE_CONVERTER_CLASS, VALUE_CONVERTER_VERSION, HEADER_CONVERTER_CLASS, HEADER_CONVERTER_VERSION);
    static final List<MetricDefinition> ALIAS_DEFINITIONS = List.of(TRANSFORM_CLASS, TRANSFORM_VERSION,
            PREDICATE_CLASS, PREDICATE_VERSION);

    private final List<MetricGroup> aliasGroups = new ArrayList<>();

    /** Adds the plugin attributes to {@code taskGroup} and opens one group per transformation and predicate. */
    TaskPluginMetrics(Metrics metrics, MetricGroup taskGroup, TaskId id, TaskMetrics.Info info) {
        taskGroup.gauge(CONNECTOR_CLASS, info.connector()::className);
        taskGroup.gauge(CONNECTOR_TYPE, () -> info.connectorType().toString());
        taskGroup.gauge(CONNECTOR_VERSION, info.connector()::version);
        taskGroup.gauge(TASK_CLASS, info.task()::className);
        taskGroup.gauge(TASK_VERSION, info.task()::version);
        taskGroup.gauge(KEY_CONVERTER_CLASS, info.keyConverter()::className);
        taskGroup.gauge(KEY_CONVERTER_VERSION, info.keyConverter()::version);
        taskGroup.gauge(VALUE_CONVERTER_CLASS, info.valueConverter()::className);
        taskGroup.gauge(VALUE_CONVERTER_VERSION, info.valueConverter()::version);
        taskGroup.gauge(HEADER_CONVERTER_CLASS, info.headerConverter()::className);
        taskGroup.gauge(HEADER_CONVERTER_VERSION, info.headerConverter()::version);
        String task = Integer.toString(id.task());
        for (AliasedPluginInfo transform : info.transforms()) {
            MetricGroup group = new MetricGroup(metrics, TRANSFORM_GROUP, Scope.TRANSFORM, id.connector(), task, transform.alias());
            aliasGroups.add(group);
            group.gauge(TRANSFORM_CLASS, transform.plugin()::className);
            group.gauge(TRANSFORM_VERSION, transform.plugin()::version);
        }
        for (AliasedPluginInfo predicate : info.predicates()) {
            MetricGroup group = new MetricGroup(metrics, PREDICATE_GROUP, Scope.PREDICATE, id.connector(), task, predicate.alias());
            aliasGroups.add(group);
            group.gauge(PREDICATE_CLASS, predicate.plugin()::className);
            group.gauge(PREDICATE_VERSION, predicate.plugin()::version);
        }
    }

    private static MetricDefinition task(String name, String description) {
        return new MetricDefinition(TaskMetrics.GROUP, name, Scope.TASK, Kind.TEXT, description);
    }

    /** Removes the transformation and predicate groups; the task group removes its own attributes. */
    @Override
    public void close() {
        aliasGroups.forEach(MetricGroup::close);
    }
}
