package io.ferry.connect.testplugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A source for tests: each task writes numbered records ({@code <partition>-<n>}) for its source
 * partitions to {@code topic}, resuming after the last committed offset, until it has written
 * {@code records.per.partition} per partition. With {@code typed.records=true} a record's key is its
 * number {@code n} (INT64) and its value and {@code seq} header the bytes of {@code <partition>-<n>} (BYTES).
 */
public class SequenceSourceConnector extends SourceConnector {
    private Map<String, String> config;

    @Override
    public void start(Map<String, String> props) {
        this.config = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SequenceSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        int partitions = Integer.parseInt(config.getOrDefault("source.partitions", "1"));
        int tasks = Math.min(maxTasks, partitions);
        List<Map<String, String>> configs = new ArrayList<>();
        for (int task = 0; task < tasks; task++) {
            StringBuilder mine = new StringBuilder();
            for (int partition = task; partition < partitions; partition += tasks) {
                mine.append(mine.length() == 0 ? "" : ",").append(partition);
            }
            Map<String, String> taskConfig = new java.util.HashMap<>(config);
            taskConfig.put("task.partitions", mine.toString());
            configs.add(taskConfig);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define("topic", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Where records go.")
                .define("source.partitions", ConfigDef.Type.INT, 1, ConfigDef.Importance.LOW, "Source partitions.")
                .define("records.per.partition", ConfigDef.Type.LONG, Long.MAX_VALUE, ConfigDef.Importance.LOW, "How many records.")
                .define("poll.delay.ms", ConfigDef.Type.LONG, 0L, ConfigDef.Importance.LOW, "A pause before each poll.")
                .define("poison.every", ConfigDef.Type.LONG, 0L, ConfigDef.Importance.LOW, "Mark every n-th record with a poison header.")
                .define("typed.records", ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW,
                        "Long keys and byte values instead of strings.")
                .define("batch.size", ConfigDef.Type.INT, 100, ConfigDef.Importance.LOW, "Records per poll.")
                .define("secret", ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.LOW, "A secret, for masking tests.");
    }

    @Override
    public String version() {
        return "1.0-test";
    }
}
