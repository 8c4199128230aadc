package io.ferry.serde.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubjectNameStrategiesTest {

    static Stream<Arguments> subjects() {
        return Stream.of(
                Arguments.of("io.confluent.kafka.serializers.subject.TopicNameStrategy", false, "com.acme.Order", "orders-value"),
                Arguments.of("io.confluent.kafka.serializers.subject.TopicNameStrategy", true, null, "orders-key"),
                Arguments.of("io.ferry.serde.subject.TopicNameStrategy", false, null, "orders-value"),
                Arguments.of("io.confluent.kafka.serializers.subject.RecordNameStrategy", false, "com.acme.Order", "com.acme.Order"),
                Arguments.of("io.ferry.serde.subject.RecordNameStrategy", true, "com.acme.OrderKey", "com.acme.OrderKey"),
                Arguments.of("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy", false, "com.acme.Order",
                        "orders-com.acme.Order"),
                Arguments.of("TopicRecordNameStrategy", true, "Key", "orders-Key"));
    }

    @ParameterizedTest(name = "{0}, key={1}: subject {3}")
    @MethodSource("subjects")
    void shouldNameSubjectsAsConfluentDoes(String className, boolean isKey, String recordName, String subject) {
        SubjectNameStrategy strategy = SubjectNameStrategies.create("value.subject.name.strategy", className, Map.of());
        assertThat(strategy.subjectName("orders", isKey, recordName)).isEqualTo(subject);
    }

    @Test
    void shouldRefuseRecordStrategiesForSchemasThatAreNotRecords() {
        SubjectNameStrategy strategy = new RecordNameStrategy();
        assertThatThrownBy(() -> strategy.subjectName("orders", true, null))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("key.subject.name.strategy")
                .hasMessageContaining("must only be a record schema");
    }

    @Test
    void shouldAcceptAStrategyOfTheUsers() {
        SubjectNameStrategy strategy = SubjectNameStrategies.create("value.subject.name.strategy", PrefixStrategy.class.getName(),
                Map.of("prefix", "team-a."));
        assertThat(strategy.subjectName("orders", false, null)).isEqualTo("team-a.orders");
    }

    @Test
    void shouldNameTheSettingWhenTheClassIsUnknownOrWrong() {
        assertThatThrownBy(() -> SubjectNameStrategies.create("key.subject.name.strategy", "com.acme.Missing", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("key.subject.name.strategy").hasMessageContaining("no such class");
        assertThatThrownBy(() -> SubjectNameStrategies.create("key.subject.name.strategy", String.class.getName(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not implement");
    }

    /** A strategy of a user's, configured from the serde's settings. */
    public static final class PrefixStrategy implements SubjectNameStrategy {
        private String prefix = "";

        @Override
        public void configure(Map<String, ?> configs) {
            prefix = String.valueOf(configs.get("prefix"));
        }

        @Override
        public String subjectName(String topic, boolean isKey, String recordName) {
            return prefix + topic;
        }
    }
}
