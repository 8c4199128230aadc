package io.ferry.connectors.jdbc.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connectors.jdbc.ConnectorVersion;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Ferry's JDBC sink: writes records into PostgreSQL, MariaDB/MySQL or SQLite tables. It takes the
 * settings of Confluent's {@code io.confluent.connect.jdbc.JdbcSinkConnector}; every task gets the same
 * settings and writes the partitions the worker assigns it.
 */
public final class JdbcSinkConnector extends SinkConnector {
    static final String VERSION = ConnectorVersion.current();

    private Map<String, String> props;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        // Parse now so a bad configuration fails the connector, not each task later.
        new JdbcSinkConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return JdbcSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            configs.add(new HashMap<>(props));
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return JdbcSinkConfig.CONFIG_DEF;
    }

    /**
     * Each key's own checks, then the rules across keys, then — when the settings so far are sound — the
     * database itself: reachable, the credentials accepted, and the target tables present when
     * {@code auto.create} is off. Every problem is reported on the key that would fix it.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = new HashMap<>();
        config.configValues().forEach(value -> values.put(value.name(), value));
        JdbcSinkConfig.crossKeyErrors(connectorConfigs).forEach((key, message) -> values.get(key).addErrorMessage(message));
        boolean sound = config.configValues().stream().allMatch(value -> value.errorMessages().isEmpty());
        if (sound) {
            new JdbcSinkValidator(connectorConfigs, values).checkDatabase();
        }
        return config;
    }
}
