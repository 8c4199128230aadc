package io.ferry.connect.testplugins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * An exactly-once test source: task {@code t} writes the numbered records {@code t-0, t-1, ...} to
 * {@code topic} from source partition {@code {"task": t}}, resuming after its committed offset
 * {@code {"n": n}}. With {@code transaction.boundary=connector} it commits its transaction after
 * every {@code commit.every}-th record and aborts it instead after every {@code abort.every}-th;
 * every {@code bad.every}-th record has a value that does not match its STRING schema.
 * {@code answer.exactly.once} and {@code answer.transaction.boundaries} give the answers of
 * {@link #exactlyOnceSupport} and {@link #canDefineTransactionBoundaries} (SUPPORTED, UNSUPPORTED,
 * null or throw).
 */
public class NumberedSourceConnector extends SourceConnector {
    private Map<String, String> config;

    @Override
    public void start(Map<String, String> props) {
        this.config = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return NumberedSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int task = 0; task < maxTasks; task++) {
            Map<String, String> taskConfig = new HashMap<>(config);
            taskConfig.put("task.number", Integer.toString(task));
            configs.add(taskConfig);
        }
        return configs;
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> props) {
        String answer = props.getOrDefault("answer.exactly.once", "SUPPORTED");
        return switch (answer) {
            case "null" -> null;
            case "throw" -> throw new IllegalStateException("cannot tell");
            default -> ExactlyOnceSupport.valueOf(answer);
        };
    }

    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> props) {
        String answer = props.getOrDefault("answer.transaction.boundaries", "SUPPORTED");
        return switch (answer) {
            case "null" -> null;
            case "throw" -> throw new IllegalStateException("cannot tell");
            default -> ConnectorTransactionBoundaries.valueOf(answer);
        };
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define("topic", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Where records go.")
                .define("records", ConfigDef.Type.LONG, Long.MAX_VALUE, ConfigDef.Importance.LOW, "How many records each task writes.")
                .define("batch.size", ConfigDef.Type.INT, 10, ConfigDef.Importance.LOW, "Records per poll.")
                .define("poll.delay.ms", ConfigDef.Type.LONG, 0L, ConfigDef.Importance.LOW, "A pause before each poll.")
                .define("commit.every", ConfigDef.Type.LONG, 0L, ConfigDef.Importance.LOW, "Connector boundary: commit after every n-th record.")
                .define("abort.every", ConfigDef.Type.LONG, 0L, ConfigDef.Importance.LOW, "Connector boundary: abort after every n-th record.")
                .define("bad.every", ConfigDef.Type.LONG, 0L, ConfigDef.Importance.LOW, "Every n-th record's value does not match its schema.")
                .define("answer.exactly.once", ConfigDef.Type.STRING, "SUPPORTED", ConfigDef.Importance.LOW, "exactlyOnceSupport's answer.")
                .define("answer.transaction.boundaries", ConfigDef.Type.STRING, "SUPPORTED", ConfigDef.Importance.LOW,
                        "canDefineTransactionBoundaries' answer.");
    }

    @Override
    public String version() {
        return "1.0-test";
    }
}
