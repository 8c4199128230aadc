package io.ferry.connectors.datagen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Generates records from an Avro schema with generation hints: {@code tasks.max} tasks numbered 0 to
 * {@code tasks.max - 1}, each generating its own sequence of records independently.
 */
public class DatagenSourceConnector extends SourceConnector {
    private static final Set<String> SCHEMA_KEYS = Set.of(DatagenConfig.QUICKSTART, DatagenConfig.SCHEMA_STRING,
            DatagenConfig.SCHEMA_FILENAME, DatagenConfig.SCHEMA_KEYFIELD);
    private Map<String, String> settings;

    @Override
    public String version() {
        return DatagenVersion.current();
    }

    @Override
    public void start(Map<String, String> props) {
        DatagenSchemaSource.resolve(new DatagenConfig(props)); // refuse a schema that cannot be generated now, not in every task
        settings = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return DatagenSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int task = 0; task < maxTasks; task++) {
            Map<String, String> config = new HashMap<>(settings);
            config.put(DatagenConfig.TASK_NUMBER, Integer.toString(task));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return DatagenConfig.CONFIG_DEF;
    }

    /**
     * The per-key checks of the definition, then the schema settings together (one source, a schema that can be
     * generated, a key field it has), even while other keys are wrong: each problem is reported on the key that
     * fixes it.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        boolean schemaKeysValid = config.configValues().stream()
                .filter(value -> SCHEMA_KEYS.contains(value.name())).allMatch(value -> value.errorMessages().isEmpty());
        if (schemaKeysValid) {
            try {
                DatagenSchemaSource.resolve(connectorConfigs::get);
            } catch (DatagenConfigException e) {
                config.configValues().stream().filter(value -> value.name().equals(e.key())).findFirst()
                        .ifPresent(value -> value.addErrorMessage(e.reason()));
            }
        }
        return config;
    }

    /** Records are a pure function of their offsets, so a transactional worker can write them exactly once. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }
}
