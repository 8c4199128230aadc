package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.transforms.Cast;
import org.apache.kafka.connect.transforms.Filter;
import org.apache.kafka.connect.transforms.Flatten;
import org.apache.kafka.connect.transforms.predicates.HasHeaderKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Apache Kafka Connect's alias rules: simple name, simple name without the kind's suffix, no ambiguity. */
class PluginAliasesTest {

    static Stream<Arguments> prunedNames() {
        return Stream.of(
                Arguments.of("FileStreamSourceConnector", PluginType.SOURCE, "FileStreamSource"),
                Arguments.of("FileStreamSinkConnector", PluginType.SINK, "FileStreamSink"),
                Arguments.of("PostgresConnector", PluginType.SOURCE, "Postgres"),
                Arguments.of("MySource", PluginType.SOURCE, "MySource"),
                Arguments.of("Connector", PluginType.SOURCE, "Connector"),
                // the last occurrence of the suffix, even inside the name
                Arguments.of("FooConnectorBar", PluginType.SINK, "Foo"),
                Arguments.of("ConnectorConnector", PluginType.SINK, "Connector"),
                Arguments.of("JsonConverter", PluginType.CONVERTER, "Json"),
                Arguments.of("StringConverter", PluginType.CONVERTER, "String"),
                // a header converter's suffix is HeaderConverter, not Converter
                Arguments.of("StringConverter", PluginType.HEADER_CONVERTER, "StringConverter"),
                Arguments.of("SimpleHeaderConverter", PluginType.HEADER_CONVERTER, "Simple"),
                Arguments.of("RegexRouter", PluginType.TRANSFORMATION, "RegexRouter"),
                Arguments.of("MaskTransformation", PluginType.TRANSFORMATION, "Mask"),
                Arguments.of("TopicNameMatches", PluginType.PREDICATE, "TopicNameMatches"),
                Arguments.of("AlwaysPredicate", PluginType.PREDICATE, "Always"),
                Arguments.of("FileConfigProvider", PluginType.CONFIG_PROVIDER, "File"),
                Arguments.of("AllConnectorClientConfigOverridePolicy", PluginType.CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY, "All"),
                Arguments.of("PrincipalConnectorClientConfigOverridePolicy", PluginType.CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY, "Principal"));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("prunedNames")
    void shouldCutTheKindsSuffixFromTheSimpleName(String simpleName, PluginType type, String alias) {
        assertThat(PluginAliases.prunedName(simpleName, type)).isEqualTo(alias);
    }

    @Test
    void shouldRegisterBothAliasesOfEveryUnambiguousPlugin() {
        Map<String, String> aliases = PluginAliases.of(List.of(
                classpath(JsonConverter.class, PluginType.CONVERTER),
                classpath(Filter.class, PluginType.TRANSFORMATION),
                classpath(HasHeaderKey.class, PluginType.PREDICATE),
                classpath(SimpleHeaderConverter.class, PluginType.HEADER_CONVERTER)));

        assertThat(aliases).containsOnly(
                Map.entry("JsonConverter", JsonConverter.class.getName()),
                Map.entry("Json", JsonConverter.class.getName()),
                Map.entry("Filter", Filter.class.getName()),
                Map.entry("HasHeaderKey", HasHeaderKey.class.getName()),
                Map.entry("SimpleHeaderConverter", SimpleHeaderConverter.class.getName()),
                Map.entry("Simple", SimpleHeaderConverter.class.getName()));
    }

    @Test
    void shouldDropAnAliasThatNamesTwoClasses() {
        // Cast$Key and Flatten$Key are both "Key": neither gets it; their outer names are not aliases.
        Map<String, String> aliases = PluginAliases.of(List.of(
                classpath(Cast.Key.class, PluginType.TRANSFORMATION),
                classpath(Flatten.Key.class, PluginType.TRANSFORMATION),
                classpath(Cast.Value.class, PluginType.TRANSFORMATION)));

        assertThat(aliases).doesNotContainKeys("Key", "Cast", "Flatten", "Cast$Key")
                .containsEntry("Value", Cast.Value.class.getName());
    }

    @Test
    void shouldKeepAnAliasWhenOneClassIsFoundAsTwoKindsOrInTwoPlaces() {
        Map<String, String> aliases = PluginAliases.of(List.of(
                classpath(StringConverter.class, PluginType.CONVERTER),
                classpath(StringConverter.class, PluginType.HEADER_CONVERTER),
                new DiscoveredPlugin(new PluginDesc(StringConverter.class.getName(), PluginType.CONVERTER, "4.3.1",
                        "/plugins/other"), StringConverter.class, StringConverter.class.getClassLoader())));

        assertThat(aliases).containsOnly(
                Map.entry("StringConverter", StringConverter.class.getName()),
                Map.entry("String", StringConverter.class.getName()));
    }

    private static DiscoveredPlugin classpath(Class<?> pluginClass, PluginType type) {
        return new DiscoveredPlugin(new PluginDesc(pluginClass.getName(), type, "4.3.1", PluginDesc.CLASSPATH),
                pluginClass, pluginClass.getClassLoader());
    }
}
