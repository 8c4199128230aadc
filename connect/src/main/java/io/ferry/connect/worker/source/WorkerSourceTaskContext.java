package io.ferry.connect.worker.source;

import java.util.Map;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * What a source task sees of the worker: its config, its stored offsets, its metrics and — for an
 * exactly-once task whose connector defines its transactions — where it commits and aborts them
 * (null otherwise, as the API says).
 */
record WorkerSourceTaskContext(Map<String, String> configs, OffsetStorageReader offsetStorageReader, PluginMetrics pluginMetrics,
        TransactionContext transactionContext) implements SourceTaskContext {

    WorkerSourceTaskContext(Map<String, String> configs, OffsetStorageReader offsetStorageReader, PluginMetrics pluginMetrics) {
        this(configs, offsetStorageReader, pluginMetrics, null);
    }
}
