package io.ferry.connect.worker;

import io.ferry.connect.worker.task.TopicUseListener;
import io.ferry.connect.worker.task.TaskStatusListener;
import io.ferry.connect.worker.task.TaskSetup;
import io.ferry.connect.worker.task.WorkerTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.EnrichedConnectorConfig;
import io.ferry.connect.config.SinkConnectorConfig;
import io.ferry.connect.config.SourceConnectorConfig;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.errors.ErrorReporters;
import io.ferry.connect.errors.RetryWithTolerance;
import io.ferry.connect.errors.WorkerErrantRecordReporter;
import io.ferry.connect.metrics.ConnectMetrics;
import io.ferry.connect.metrics.TaskErrorMetrics;
import io.ferry.connect.metrics.AliasedPluginInfo;
import io.ferry.connect.metrics.PluginInfo;
import io.ferry.connect.metrics.TaskMetrics;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.plugins.LoaderSwap;
import io.ferry.connect.plugins.PluginDesc;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.plugins.VersionRequirement;
import io.ferry.connect.storage.OffsetCodec;
import io.ferry.connect.storage.OffsetStore;
import io.ferry.connect.storage.OffsetTopic;
import io.ferry.connect.storage.SourceOffsets;
import io.ferry.connect.worker.pipeline.TaskConverters;
import io.ferry.connect.worker.pipeline.TransformationChain;
import io.ferry.connect.worker.pipeline.TransformationStage;
import io.ferry.connect.worker.sink.SinkTaskParts;
import io.ferry.connect.worker.sink.WorkerSinkTask;
import io.ferry.connect.worker.source.SourceTaskParts;
import io.ferry.connect.worker.source.TopicCreator;
import io.ferry.connect.worker.source.TransactionalParts;
import io.ferry.connect.worker.source.TransactionalSourceTask;
import io.ferry.connect.worker.source.WorkerSourceTask;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Makes a runnable task from its connector's config and its own: the plugin task, its converters,
 * transformation chain, error handling, Kafka clients and metrics. Whatever was made is released
 * again when a later step fails.
 */
final class TaskFactory {
    /** The key under which a task's config names its class, as Apache Kafka Connect stores it. */
    static final String TASK_CLASS = "task.class";
    /** The least an exactly-once task waits for the offsets topic to be read to its end before it starts. */
    private static final long READ_TO_END_TIMEOUT_MS = 60_000;

    private final WorkerConfig worker;
    private final Plugins plugins;
    private final ConnectMetrics metrics;
    private final OffsetStore offsetStore;
    private final OffsetCodec codec = new OffsetCodec();
    private final TopicUseListener topicUse;
    private final Time time;
    private final ExactlyOnceSources exactlyOnce;

    TaskFactory(WorkerConfig worker, Plugins plugins, ConnectMetrics metrics, OffsetStore offsetStore, TopicUseListener topicUse,
            Time time, ExactlyOnceSources exactlyOnce) {
        this.exactlyOnce = exactlyOnce;
        this.worker = worker;
        this.plugins = plugins;
        this.metrics = metrics;
        this.offsetStore = offsetStore;
        this.topicUse = topicUse;
        this.time = time;
    }

    /**
     * @param connectorConfig the connector's config, provider references resolved
     * @param taskConfig the task's config, provider references resolved
     */
    WorkerTask create(TaskId id, Map<String, String> connectorConfig, Map<String, String> taskConfig, TargetState target,
            TaskStatusListener listener) {
        String taskClassName = taskConfig.get(TASK_CLASS);
        if (taskClassName == null) {
            throw new ConnectException("The config of task " + id + " does not name its class (" + TASK_CLASS + ")");
        }
        Class<?> connectorClass = ConnectorClasses.find(plugins, connectorConfig);
        ClassLoader loader = plugins.loaderOf(connectorClass);
        List<AutoCloseable> made = new ArrayList<>();
        try (LoaderSwap swap = LoaderSwap.to(loader)) {
            Class<?> taskClass = Class.forName(taskClassName, true, loader);
            Task task = (Task) plugins.newInstance(taskClass);
            TaskConverters converters = track(made, TaskConverters.of(worker, connectorConfig, plugins, connectorClass));
            PluginMetricsImpl pluginMetrics = track(made, new PluginMetricsImpl(metrics.registry(),
                    Map.of("connector", id.connector(), "task", Integer.toString(id.task()))));
            TaskErrorMetrics errorMetrics = track(made, metrics.taskErrors(id));
            if (task instanceof SourceTask sourceTask) {
                SourceConnectorConfig config = new SourceConnectorConfig(connectorConfig);
                List<TransformationStage<SourceRecord>> stages = TransformationChain.stages(connectorConfig, plugins, connectorClass);
                stages.forEach(stage -> made.add(stage));
                TaskMetrics taskMetrics = track(made, metrics.task(id, info(connectorClass, task, converters, stages, connectorConfig)));
                RetryWithTolerance errors = track(made, errorHandler(id, config, connectorConfig, errorMetrics));
                TaskSetup setup = new TaskSetup(id, taskConfig, target, listener, converters, errors, taskMetrics, pluginMetrics,
                        loader, time, Plugins.versionOf(task));
                return source(setup, sourceTask, new TransformationChain<>(stages, errors), config, connectorConfig, made);
            }
            if (task instanceof SinkTask sinkTask) {
                SinkConnectorConfig config = new SinkConnectorConfig(connectorConfig);
                List<TransformationStage<SinkRecord>> stages = TransformationChain.stages(connectorConfig, plugins, connectorClass);
                stages.forEach(stage -> made.add(stage));
                TaskMetrics taskMetrics = track(made, metrics.task(id, info(connectorClass, task, converters, stages, connectorConfig)));
                RetryWithTolerance errors = track(made, errorHandler(id, config, connectorConfig, errorMetrics));
                TaskSetup setup = new TaskSetup(id, taskConfig, target, listener, converters, errors, taskMetrics, pluginMetrics,
                        loader, time, Plugins.versionOf(task));
                return sink(setup, sinkTask, new TransformationChain<>(stages, errors), config, connectorConfig, connectorClass, made);
            }
            throw new ConnectException("Task class " + taskClassName + " is neither a SourceTask nor a SinkTask");
        } catch (ClassNotFoundException e) {
            closeAll(made);
            throw new ConnectException("The task class " + taskClassName + " of task " + id + " cannot be found", e);
        } catch (RuntimeException | LinkageError e) {
            closeAll(made);
            throw e;
        }
    }

    private WorkerTask source(TaskSetup setup, SourceTask task, TransformationChain<SourceRecord> chain,
            SourceConnectorConfig config, Map<String, String> raw, List<AutoCloseable> made) {
        Map<String, Object> producerConfig = ClientConfigs.producer(worker, raw, setup.id());
        if (exactlyOnce.enabled()) {
            producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, exactlyOnce.transactionalId(setup.id()));
            producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        }
        KafkaProducer<byte[], byte[]> producer = track(made, new KafkaProducer<>(producerConfig));
        SourceOffsets offsets = new SourceOffsets(setup.id().connector(), offsetStore, codec);
        var creator = worker.getBoolean(WorkerConfig.TOPIC_CREATION_ENABLE) && config.createsTopics()
                ? TopicCreator.of(config.topicCreationGroups(),
                        track(made, Admin.create(ClientConfigs.admin(worker, raw, "connector-adminclient-" + setup.id()))))
                : java.util.Optional.<TopicCreator>empty();
        SourceTaskParts parts = new SourceTaskParts(task, chain, producer, offsets, creator, metrics.sourceTask(setup.id()), topicUse,
                worker.getLong(WorkerConfig.OFFSET_FLUSH_TIMEOUT_MS));
        if (exactlyOnce.enabled()) {
            long flushInterval = worker.getLong(WorkerConfig.OFFSET_FLUSH_INTERVAL_MS);
            TransactionalParts transactional = new TransactionalParts((OffsetTopic) offsetStore, codec, config.transactionBoundary(),
                    config.transactionBoundaryIntervalMs(flushInterval), Math.max(flushInterval, READ_TO_END_TIMEOUT_MS),
                    transactionTimeoutMs(producerConfig), () -> exactlyOnce.startCheck().verify(setup.id()));
            return new TransactionalSourceTask(setup, parts, transactional);
        }
        return new WorkerSourceTask(setup, parts);
    }

    private static long transactionTimeoutMs(Map<String, Object> producerConfig) {
        Object configured = producerConfig.get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        return configured == null ? 60_000L : Long.parseLong(configured.toString().trim());
    }

    private WorkerSinkTask sink(TaskSetup setup, SinkTask task, TransformationChain<SinkRecord> chain, SinkConnectorConfig config,
            Map<String, String> raw, Class<?> connectorClass, List<AutoCloseable> made) {
        KafkaConsumer<byte[], byte[]> consumer = track(made, new KafkaConsumer<>(ClientConfigs.consumer(worker, raw, setup.id())));
        Pattern regex = config.topicsRegex();
        // The reporter runs on the task thread; records are converted on the task's conversion thread.
        TaskConverters locked = setup.converters().locked();
        WorkerErrantRecordReporter errant = new WorkerErrantRecordReporter(setup.errors(), locked.key(), locked.value(),
                locked.header());
        List<TaskConverters> extraConverters = new ArrayList<>();
        for (int set = 1; set < worker.getInt(WorkerConfig.SINK_CONVERSION_THREADS); set++) {
            extraConverters.add(track(made, TaskConverters.of(worker, raw, plugins, connectorClass)));
        }
        SinkTaskParts parts = new SinkTaskParts(task, chain, consumer, config.topics(), regex, errant, metrics.sinkTask(setup.id()),
                topicUse, worker.getLong(WorkerConfig.OFFSET_FLUSH_INTERVAL_MS), extraConverters);
        return new WorkerSinkTask(setup, parts);
    }

    /** Which plugins the task runs, for its metrics: each in the version of the copy it runs. */
    private TaskMetrics.Info info(Class<?> connectorClass, Task task, TaskConverters converters,
            List<? extends TransformationStage<?>> stages, Map<String, String> config) {
        List<AliasedPluginInfo> transforms = new ArrayList<>();
        for (TransformationStage<?> stage : stages) {
            transforms.add(new AliasedPluginInfo(stage.alias(), new PluginInfo(stage.transformationClass().getName(),
                    versionOf(stage.transformationClass()))));
        }
        List<AliasedPluginInfo> predicates = new ArrayList<>();
        for (String alias : EnrichedConnectorConfig.aliases(config.get(ConnectorConfig.PREDICATES))) {
            String prefix = ConnectorConfig.PREDICATES + "." + alias + ".";
            String type = config.get(prefix + EnrichedConnectorConfig.TYPE);
            predicates.add(new AliasedPluginInfo(alias, predicate(connectorClass, prefix, type, config)));
        }
        return TaskMetrics.Info.of(new PluginInfo(connectorClass.getName(), versionOf(connectorClass)),
                        ConnectorClasses.typeOf(connectorClass), new PluginInfo(task.getClass().getName(), Plugins.versionOf(task)))
                .withConverters(plugin(converters.key()), plugin(converters.value()), plugin(converters.header()))
                .withTransforms(transforms)
                .withPredicates(predicates);
    }

    private static PluginInfo plugin(Object plugin) {
        return new PluginInfo(plugin.getClass().getName(), Plugins.versionOf(plugin));
    }

    /** The version discovery found for this very class (one copy among several); null when it has none. */
    private String versionOf(Class<?> pluginClass) {
        String version = plugins.installedVersion(pluginClass);
        return PluginDesc.UNDEFINED_VERSION.equals(version) ? null : version;
    }

    /**
     * The predicate the task's stages were made with: its class name (the type may be an alias) and the version of
     * the copy they run; the type as written, without a version, when it cannot be found.
     */
    private PluginInfo predicate(Class<?> connectorClass, String prefix, String type, Map<String, String> config) {
        if (type == null) {
            return PluginInfo.NONE;
        }
        String versionKey = prefix + EnrichedConnectorConfig.VERSION;
        try {
            Class<?> predicateClass = plugins.pluginClassFor(connectorClass, type, PluginType.PREDICATE,
                    VersionRequirement.of(versionKey, config.get(versionKey)));
            return new PluginInfo(predicateClass.getName(), versionOf(predicateClass));
        } catch (RuntimeException e) {
            // An unused predicate alias is never made; one that cannot be found has no version to report.
            return new PluginInfo(type, null);
        }
    }

    /** The task's error handling: retries and tolerance from its config, its dead-letter queue and error log. */
    private RetryWithTolerance errorHandler(TaskId id, ConnectorConfig config, Map<String, String> raw, TaskErrorMetrics metrics) {
        return ErrorReporters.errorHandler(id, config, ClientConfigs.producer(worker, raw, id),
                ClientConfigs.admin(worker, raw, "connector-dlq-adminclient-" + id), metrics, time);
    }

    private static <T> T track(List<AutoCloseable> made, T thing) {
        if (thing instanceof AutoCloseable closeable) {
            made.add(closeable);
        }
        return thing;
    }

    private static void closeAll(List<AutoCloseable> made) {
        for (int i = made.size() - 1; i >= 0; i--) {
            try {
                made.get(i).close();
            } catch (Exception e) {
                // Releasing what a failed task creation made; the creation failure is what is reported.
            }
        }
    }
}
