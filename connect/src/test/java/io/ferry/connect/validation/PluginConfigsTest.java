package io.ferry.connect.validation;

import static io.ferry.connect.validation.ValidationFixtures.FILE_SINK;
import static io.ferry.connect.validation.ValidationFixtures.JSON_CONVERTER;
import static io.ferry.connect.validation.ValidationFixtures.PLUGINS;
import static io.ferry.connect.validation.ValidationFixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.ferry.connect.herder.ConfigKeyInfo;
import org.apache.kafka.connect.errors.NotFoundException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PluginConfigsTest {
    private final ConnectorConfigValidator validator = new ConnectorConfigValidator(PLUGINS, worker());

    @Test
    void shouldShowAConnectorsOwnKeysThenTheFrameworksKeys() {
        List<String> names = validator.pluginConfig(FILE_SINK, null).stream().map(ConfigKeyInfo::name).toList();

        assertThat(names.get(0)).isEqualTo("file");
        assertThat(names).contains("name", "connector.class", "tasks.max", "topics", "topics.regex", "errors.tolerance");
        assertThat(names.indexOf("file")).isLessThan(names.indexOf("name"));
    }

    @Test
    void shouldDescribeAKeyAsTheApiShowsIt() {
        ConfigKeyInfo tasksMax = validator.pluginConfig("FileStreamSink", null).stream()
                .filter(key -> key.name().equals("tasks.max")).findFirst().orElseThrow();

        assertThat(tasksMax.type()).isEqualTo("INT");
        assertThat(tasksMax.required()).isFalse();
        assertThat(tasksMax.defaultValue()).isEqualTo("1");
        assertThat(tasksMax.importance()).isEqualTo("HIGH");
        assertThat(tasksMax.group()).isEqualTo("Common");
        assertThat(tasksMax.width()).isEqualTo("SHORT");
        assertThat(validator.pluginConfig(FILE_SINK, null).stream().filter(key -> key.name().equals("name")).findFirst().orElseThrow().required())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "org.apache.kafka.connect.transforms.InsertField$Value, static.field",
        "org.apache.kafka.connect.transforms.predicates.TopicNameMatches, pattern",
        JSON_CONVERTER + ", schemas.enable"
    })
    void shouldShowTheOwnKeysOfOtherPlugins(String plugin, String key) {
        assertThat(validator.pluginConfig(plugin, null)).extracting(ConfigKeyInfo::name).contains(key).doesNotContain("tasks.max");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownPlugin() {
        assertThatThrownBy(() -> validator.pluginConfig("com.example.Nothing", null))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Unknown plugin com.example.Nothing.");
    }
}
