package io.ferry.connect.plugins;

/**
 * Java sources of small plugins whose output tells which copy of them ran, for {@link TestPluginBuilder}: a source
 * connector and its task that write one string value a few times, and a transformation that appends a tag.
 */
final class TestPluginSources {
    private TestPluginSources() {
    }

    /**
     * A source connector reporting {@code version}, giving every task its own settings, with the settings {@code
     * configDef} (a Java expression) declares.
     */
    static String sourceConnector(String className, String version, String taskClassName, String configDef) {
        return """
                package %1$s;
                import java.util.Collections;
                import java.util.List;
                import java.util.Map;
                import org.apache.kafka.common.config.ConfigDef;
                import org.apache.kafka.connect.connector.Task;
                import org.apache.kafka.connect.source.SourceConnector;
                public class %2$s extends SourceConnector {
                    private Map<String, String> props;
                    public String version() { return "%3$s"; }
                    public void start(Map<String, String> props) { this.props = props; }
                    public Class<? extends Task> taskClass() { return %4$s.class; }
                    public List<Map<String, String>> taskConfigs(int maxTasks) { return Collections.nCopies(maxTasks, props); }
                    public void stop() { }
                    public ConfigDef config() { return %5$s; }
                }
                """.formatted(packageOf(className), simpleName(className), version, taskClassName, configDef);
    }

    /** A source task reporting {@code version} that writes {@code value} (a string) to its {@code topic} setting {@code records} times. */
    static String sourceTask(String className, String version, int records, String value) {
        return """
                package %1$s;
                import java.util.List;
                import java.util.Map;
                import org.apache.kafka.connect.data.Schema;
                import org.apache.kafka.connect.source.SourceRecord;
                import org.apache.kafka.connect.source.SourceTask;
                public class %2$s extends SourceTask {
                    private String topic;
                    private int sent;
                    public String version() { return "%3$s"; }
                    public void start(Map<String, String> props) { topic = props.get("topic"); }
                    public List<SourceRecord> poll() throws InterruptedException {
                        if (sent >= %4$d) {
                            Thread.sleep(50);
                            return null;
                        }
                        sent++;
                        return List.of(new SourceRecord(Map.of("p", "0"), Map.of("n", sent), topic, 0, Schema.STRING_SCHEMA, "%5$s"));
                    }
                    public void stop() { }
                }
                """.formatted(packageOf(className), simpleName(className), version, records, value);
    }

    /** A transformation reporting {@code version} that appends {@code suffix} to every record's value. */
    static String appendingTransformation(String className, String version, String suffix) {
        return """
                package %1$s;
                import java.util.Map;
                import org.apache.kafka.common.config.ConfigDef;
                import org.apache.kafka.connect.components.Versioned;
                import org.apache.kafka.connect.connector.ConnectRecord;
                import org.apache.kafka.connect.transforms.Transformation;
                public class %2$s<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
                    public R apply(R record) {
                        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                                record.valueSchema(), record.value() + "%4$s", record.timestamp());
                    }
                    public ConfigDef config() { return new ConfigDef(); }
                    public void configure(Map<String, ?> configs) { }
                    public void close() { }
                    public String version() { return "%3$s"; }
                }
                """.formatted(packageOf(className), simpleName(className), version, suffix);
    }

    /** A transformation reporting {@code version} that passes records through; its config() returns {@code configDef}, a Java expression. */
    static String passThroughTransformation(String className, String version, String configDef) {
        return """
                package %1$s;
                import java.util.Map;
                import org.apache.kafka.common.config.ConfigDef;
                import org.apache.kafka.connect.components.Versioned;
                import org.apache.kafka.connect.connector.ConnectRecord;
                import org.apache.kafka.connect.transforms.Transformation;
                public class %2$s<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
                    public R apply(R record) { return record; }
                    public ConfigDef config() { return %4$s; }
                    public void configure(Map<String, ?> configs) { }
                    public void close() { }
                    public String version() { return "%3$s"; }
                }
                """.formatted(packageOf(className), simpleName(className), version, configDef);
    }

    static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
