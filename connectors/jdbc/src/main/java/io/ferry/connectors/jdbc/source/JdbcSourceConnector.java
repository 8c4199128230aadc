package io.ferry.connectors.jdbc.source;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connectors.jdbc.ConnectorVersion;
import io.ferry.connectors.jdbc.connection.ConnectionProvider;
import io.ferry.connectors.jdbc.dialect.TableId;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies database tables (PostgreSQL, MariaDB/MySQL, SQLite) or one custom query into Kafka topics, with
 * Confluent's JDBC source settings and offsets.
 *
 * <p>The connector lists the tables (and keeps listing them, see {@link TableMonitor}), spreads them over
 * up to {@code tasks.max} tasks and asks for a reconfiguration when the list changes. Its start waits for
 * the first listing at most {@code table.monitoring.startup.polling.limit.ms}; past that it has no tasks
 * until the listing arrives. A custom query runs in
 * one task. {@link #validate(Map)} goes beyond the settings' types: it connects, and checks the tables, the
 * mode's columns, the query and the column types, naming the key each problem belongs to.
 */
public class JdbcSourceConnector extends SourceConnector {
    static final String VERSION = ConnectorVersion.current();
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceConnector.class);

    private Map<String, String> props;
    private JdbcSourceConfig config;
    private TableMonitor monitor;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new JdbcSourceConfig(props);
        if (config.query() != null) {
            return;
        }
        ConnectionProvider connections = new ConnectionProvider(config.connectionSettings());
        TableFilter filter = new TableFilter(connections.dialect(), config);
        monitor = new TableMonitor(connections, filter, config.tableTypes(), config.tablePollInterval(),
                () -> context.requestTaskReconfiguration());
        try {
            String threadName = "jdbc-source-table-monitor-" + props.getOrDefault("name", "");
            monitor.start(threadName, config.startupPollingLimit()).ifPresent(listing -> {
                if (!listing.missingIncluded().isEmpty()) {
                    throw new ConnectException(config.includeKey() + " names tables that do not exist: " + listing.missingIncluded());
                }
                LOG.info("JDBC source copies {} table(s): {}", listing.selected().size(), listing.selected());
            });
        } catch (SQLException e) {
            monitor.close();
            throw new ConnectException("could not list the database's tables: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            monitor.close();
            throw e;
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return JdbcSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        if (config.query() != null) {
            return List.of(props);
        }
        List<List<TableId>> groups = spread(monitor.tables(), maxTasks);
        List<Map<String, String>> configs = new ArrayList<>(groups.size());
        for (List<TableId> group : groups) {
            Map<String, String> task = new HashMap<>(props);
            task.put(JdbcSourceConfig.TASK_TABLES, TableList.encode(group));
            configs.add(task);
        }
        return configs;
    }

    /** Tables dealt round robin over at most {@code maxTasks} groups; no empty group. */
    static List<List<TableId>> spread(List<TableId> tables, int maxTasks) {
        int groups = Math.min(tables.size(), Math.max(1, maxTasks));
        List<List<TableId>> spread = new ArrayList<>(groups);
        for (int i = 0; i < groups; i++) {
            spread.add(new ArrayList<>());
        }
        for (int i = 0; i < tables.size(); i++) {
            spread.get(i % groups).add(tables.get(i));
        }
        return spread;
    }

    @Override
    public void stop() {
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
    }

    @Override
    public ConfigDef config() {
        return JdbcSourceConfig.CONFIG_DEF;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        new JdbcSourceValidator(connectorConfigs, config).validate();
        return config;
    }
}
