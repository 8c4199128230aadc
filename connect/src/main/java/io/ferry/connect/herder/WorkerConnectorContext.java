package io.ferry.connect.herder;

import io.ferry.connect.storage.OffsetCodec;
import io.ferry.connect.storage.SourceOffsets;
import io.ferry.connect.worker.Worker;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** What a connector may ask of the worker that runs it: new task configs, to fail, its offsets. */
public final class WorkerConnectorContext implements SourceConnectorContext {
    private final String connector;
    private final Worker worker;
    private final Runnable reconfigure;

    /**
     * @param reconfigure has the herder ask the connector for task configs again (queued, never run inline)
     */
    public WorkerConnectorContext(String connector, Worker worker, Runnable reconfigure) {
        this.connector = connector;
        this.worker = worker;
        this.reconfigure = reconfigure;
    }

    @Override
    public void requestTaskReconfiguration() {
        reconfigure.run();
    }

    @Override
    public void raiseError(Exception error) {
        worker.connectorFailed(connector, error);
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return new SourceOffsets(connector, worker.settings().offsetStore(), new OffsetCodec());
    }
}
