package io.ferry.connect.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.ferry.connect.config.SinkConnectorConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The rules across a sink's settings, reported against the keys they concern: exactly one of
 * {@code topics} and {@code topics.regex}, and a dead letter queue topic that is not one of the
 * topics read.
 */
final class SinkTopicRules {

    private SinkTopicRules() {
    }

    static void check(Map<String, String> props, Map<String, ConfigValue> validated) {
        String topics = props.get(SinkConnectorConfig.TOPICS);
        String regex = props.get(SinkConnectorConfig.TOPICS_REGEX);
        String dlq = props.getOrDefault(SinkConnectorConfig.DLQ_TOPIC_NAME, "");
        dlq = dlq == null ? "" : dlq.trim();
        boolean hasTopics = !isBlank(topics);
        boolean hasRegex = !isBlank(regex);
        if (hasTopics && hasRegex) {
            String error = SinkConnectorConfig.TOPICS + " and " + SinkConnectorConfig.TOPICS_REGEX
                    + " are mutually exclusive options, but both are set.";
            addError(validated, SinkConnectorConfig.TOPICS, topics, error);
            addError(validated, SinkConnectorConfig.TOPICS_REGEX, regex, error);
        }
        if (!hasTopics && !hasRegex) {
            String error = "Must configure one of " + SinkConnectorConfig.TOPICS + " or " + SinkConnectorConfig.TOPICS_REGEX;
            addError(validated, SinkConnectorConfig.TOPICS, topics, error);
            addError(validated, SinkConnectorConfig.TOPICS_REGEX, regex, error);
        }
        if (dlq.isEmpty()) {
            return;
        }
        if (hasTopics) {
            List<String> listed = topicList(topics);
            if (listed.contains(dlq)) {
                addError(validated, SinkConnectorConfig.TOPICS, topics, String.format(
                        "The DLQ topic '%s' may not be included in the list of topics ('%s=%s') consumed by the connector",
                        dlq, SinkConnectorConfig.TOPICS, listed));
            }
        }
        if (hasRegex && matches(regex, dlq)) {
            addError(validated, SinkConnectorConfig.TOPICS_REGEX, regex, String.format(
                    "The DLQ topic '%s' may not be included in the regex matching the topics ('%s=%s') consumed by the connector",
                    dlq, SinkConnectorConfig.TOPICS_REGEX, regex));
        }
    }

    private static List<String> topicList(String topics) {
        List<String> result = new ArrayList<>();
        for (Object topic : (List<?>) ConfigDef.parseType(SinkConnectorConfig.TOPICS, topics, ConfigDef.Type.LIST)) {
            String name = topic.toString();
            if (!name.isEmpty() && !result.contains(name)) {
                result.add(name);
            }
        }
        return result;
    }

    private static boolean matches(String regex, String topic) {
        try {
            return Pattern.compile(regex).matcher(topic).matches();
        } catch (PatternSyntaxException e) {
            // Reported against topics.regex by its own validator.
            return false;
        }
    }

    private static void addError(Map<String, ConfigValue> validated, String key, String value, String error) {
        validated.computeIfAbsent(key, name -> new ConfigValue(name, value, new ArrayList<>(), new ArrayList<>())).addErrorMessage(error);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
