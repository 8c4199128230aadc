package io.ferry.connect.worker.source;

import java.util.Map;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** What a source task sees of the worker: its config, its stored offsets and its metrics. */
record WorkerSourceTaskContext(Map<String, String> configs, OffsetStorageReader offsetStorageReader, PluginMetrics pluginMetrics)
        implements SourceTaskContext {
}
