package io.ferry.connect.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** A sink connector's settings: what it reads, and where records it cannot take go. */
public class SinkConnectorConfig extends ConnectorConfig {
    public static final String TOPICS = "topics";
    public static final String TOPICS_REGEX = "topics.regex";
    public static final String DLQ_TOPIC_NAME = "errors.deadletterqueue.topic.name";
    public static final String DLQ_TOPIC_REPLICATION_FACTOR = "errors.deadletterqueue.topic.replication.factor";
    public static final String DLQ_CONTEXT_HEADERS_ENABLE = "errors.deadletterqueue.context.headers.enable";

    public SinkConnectorConfig(Map<String, String> props) {
        this(configDef(), props);
    }

    protected SinkConnectorConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, props);
        validate(props);
    }

    public static ConfigDef configDef() {
        int common = 100;
        int errors = 100;
        return ConnectorConfig.configDef()
                .define(TOPICS, Type.LIST, "", Importance.HIGH,
                        "The topics to read; this or topics.regex.", COMMON_GROUP, ++common, Width.LONG, "Topics")
                .define(TOPICS_REGEX, Type.STRING, "", regex(), Importance.HIGH,
                        "A regular expression of the topics to read; this or topics.", COMMON_GROUP, ++common, Width.LONG, "Topics regex")
                .define(DLQ_TOPIC_NAME, Type.STRING, "", Importance.MEDIUM,
                        "The topic records that fail go to (with errors.tolerance=all); empty for none.",
                        ERROR_GROUP, ++errors, Width.MEDIUM, "Dead Letter Queue Topic Name")
                .define(DLQ_TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 3, Importance.MEDIUM,
                        "Replication factor of the dead letter queue topic when it is created.",
                        ERROR_GROUP, ++errors, Width.MEDIUM, "Dead Letter Queue Topic Replication Factor")
                .define(DLQ_CONTEXT_HEADERS_ENABLE, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Add headers to dead letter queue records saying where the record came from and what failed.",
                        ERROR_GROUP, ++errors, Width.MEDIUM, "Enable Error Context Headers");
    }

    private static ConfigDef.Validator regex() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                String text = (String) value;
                if (text == null || text.isBlank()) {
                    return;
                }
                try {
                    Pattern.compile(text);
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(name, value, "must be a valid regular expression: " + e.getDescription());
                }
            }

            @Override
            public String toString() {
                return "valid regex";
            }
        };
    }

    /** Exactly one of topics and topics.regex; the DLQ topic is not one of the topics read. */
    private static void validate(Map<String, String> props) {
        boolean hasTopics = !isBlank(props.get(TOPICS));
        boolean hasRegex = !isBlank(props.get(TOPICS_REGEX));
        if (hasTopics && hasRegex) {
            throw new ConfigException(TOPICS + " and " + TOPICS_REGEX + " are mutually exclusive options, but both are set.");
        }
        if (!hasTopics && !hasRegex) {
            throw new ConfigException("Must configure one of " + TOPICS + " or " + TOPICS_REGEX);
        }
        String dlq = props.get(DLQ_TOPIC_NAME);
        if (!isBlank(dlq) && hasTopics && List.of(props.get(TOPICS).split("\\s*,\\s*")).contains(dlq.trim())) {
            throw new ConfigException("The DLQ topic '" + dlq.trim() + "' may not be included in the list of topics ('"
                    + TOPICS + "=" + props.get(TOPICS) + "') consumed by the connector");
        }
        if (!isBlank(dlq) && hasRegex && Pattern.compile(props.get(TOPICS_REGEX)).matcher(dlq.trim()).matches()) {
            throw new ConfigException("The DLQ topic '" + dlq.trim() + "' may not be included in the regex matching the topics ('"
                    + TOPICS_REGEX + "=" + props.get(TOPICS_REGEX) + "') consumed by the connector");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public List<String> topics() {
        return getList(TOPICS).stream().map(String::trim).filter(topic -> !topic.isEmpty()).toList();
    }

    /** The regular expression of topics, or null when topics are listed. */
    public Pattern topicsRegex() {
        String regex = getString(TOPICS_REGEX);
        return isBlank(regex) ? null : Pattern.compile(regex);
    }

    public String deadLetterQueueTopic() {
        return getString(DLQ_TOPIC_NAME).trim();
    }
}
