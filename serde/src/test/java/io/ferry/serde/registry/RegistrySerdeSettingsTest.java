package io.ferry.serde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import io.ferry.serde.avro.AvroSerdeConfig;
import io.ferry.serde.jsonschema.JsonSchemaSerdeConfig;
import io.ferry.serde.protobuf.ProtobufSerdeConfig;
import io.ferry.serde.subject.TopicRecordNameStrategy;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A shared key has one default and one meaning in every format's config. */
class RegistrySerdeSettingsTest {

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("Avro", AvroSerdeConfig.configDef()),
                Arguments.of("JSON Schema", JsonSchemaSerdeConfig.configDef()),
                Arguments.of("Protobuf", ProtobufSerdeConfig.configDef()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void shouldGiveEveryFormatTheSharedDefaults(String format, ConfigDef def) {
        Map<String, Object> defaults = def.defaultValues();

        assertThat(defaults).containsEntry(RegistrySerdeSettings.AUTO_REGISTER_SCHEMAS, true)
                .containsEntry(RegistrySerdeSettings.USE_LATEST_VERSION, false)
                .containsEntry(RegistrySerdeSettings.USE_SCHEMA_ID, -1)
                .containsEntry(RegistrySerdeSettings.NORMALIZE_SCHEMAS, false)
                .containsEntry(RegistrySerdeSettings.KEY_SUBJECT_NAME_STRATEGY, RegistrySerdeSettings.DEFAULT_STRATEGY)
                .containsEntry(RegistrySerdeSettings.VALUE_SUBJECT_NAME_STRATEGY, RegistrySerdeSettings.DEFAULT_STRATEGY);
    }

    @Test
    void shouldDefineOnlyTheKeysAskedFor() {
        ConfigDef def = RegistrySerdeSettings.define(new ConfigDef(), "g", RegistrySerdeSettings.USE_SCHEMA_ID,
                RegistrySerdeSettings.AUTO_REGISTER_SCHEMAS);

        assertThat(def.names()).containsExactlyInAnyOrder("use.schema.id", "auto.register.schemas");
    }

    @Test
    void shouldRefuseAKeyThatIsNotShared() {
        assertThatThrownBy(() -> RegistrySerdeSettings.define(new ConfigDef(), "g", "specific.avro.reader"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("specific.avro.reader");
    }

    @Test
    void shouldCreateTheStrategyConfiguredForKeysOrValues() {
        ConfigDef def = RegistrySerdeSettings.define(new ConfigDef(), "g", RegistrySerdeSettings.KEY_SUBJECT_NAME_STRATEGY,
                RegistrySerdeSettings.VALUE_SUBJECT_NAME_STRATEGY);
        AbstractConfig config = new AbstractConfig(def, Map.of("key.subject.name.strategy", "TopicRecordNameStrategy"));

        assertThat(RegistrySerdeSettings.subjectNameStrategy(config, true)).isInstanceOf(TopicRecordNameStrategy.class);
        assertThat(RegistrySerdeSettings.subjectNameStrategy(config, false).subjectName("orders", false, null))
                .isEqualTo("orders-value");
    }
}
