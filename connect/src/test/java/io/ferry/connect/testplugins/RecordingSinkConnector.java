package io.ferry.connect.testplugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A sink for tests that keeps what its tasks receive in {@link Recordings}, under the connector's
 * name. Settings make it misbehave: {@code retriable.failures} (put throws RetriableException that
 * many times), {@code fail.on.value} (put throws a fatal error on that value), {@code report.value}
 * (that value goes to the errant-record reporter instead).
 */
public class RecordingSinkConnector extends SinkConnector {
    private Map<String, String> config;

    @Override
    public void start(Map<String, String> props) {
        this.config = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return RecordingSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define("retriable.failures", ConfigDef.Type.INT, 0, ConfigDef.Importance.LOW, "RetriableExceptions to throw.")
                .define("fail.on.value", ConfigDef.Type.STRING, null, ConfigDef.Importance.LOW, "A value put fails on.")
                .define("report.value", ConfigDef.Type.STRING, null, ConfigDef.Importance.LOW, "A value to report as errant.");
    }

    @Override
    public String version() {
        return "1.0-test";
    }
}
