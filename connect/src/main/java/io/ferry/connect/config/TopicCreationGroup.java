package io.ferry.connect.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the topics of one creation group are made: which topic names it takes (include patterns,
 * less exclude patterns), their partitions and replication factor (-1: the broker's default) and
 * further topic settings.
 */
public record TopicCreationGroup(String name, List<String> include, List<String> exclude, short replicationFactor, int partitions,
                                 Map<String, String> topicConfigs) {

    public TopicCreationGroup {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        topicConfigs = Map.copyOf(topicConfigs);
    }

    /** Whether this group takes the topic. */
    public boolean matches(String topic) {
        return include.stream().anyMatch(pattern -> Pattern.matches(pattern, topic))
                && exclude.stream().noneMatch(pattern -> Pattern.matches(pattern, topic));
    }
}
