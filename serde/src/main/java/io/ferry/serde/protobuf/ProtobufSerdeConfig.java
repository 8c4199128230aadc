package io.ferry.serde.protobuf;

import java.util.Map;

import io.ferry.serde.client.RegistryClientSettings;
import io.ferry.serde.registry.RegistrySerdeConfig;
import io.ferry.serde.registry.RegistrySerdeSettings;
import io.ferry.serde.subject.SubjectNameStrategy;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of {@link KafkaProtobufSerializer}, {@link KafkaProtobufDeserializer} and the Connect
 * {@code ProtobufConverter}, with the names and defaults of Confluent's Protobuf serde: the registry
 * client's ({@link RegistryClientSettings}) and the ones below. Unknown keys are ignored, so a configuration
 * written for Confluent's classes works unchanged.
 */
public class ProtobufSerdeConfig extends RegistrySerdeConfig {
    public static final String AUTO_REGISTER_SCHEMAS = RegistrySerdeSettings.AUTO_REGISTER_SCHEMAS;
    public static final String USE_LATEST_VERSION = RegistrySerdeSettings.USE_LATEST_VERSION;
    public static final String USE_SCHEMA_ID = RegistrySerdeSettings.USE_SCHEMA_ID;
    public static final String NORMALIZE_SCHEMAS = RegistrySerdeSettings.NORMALIZE_SCHEMAS;
    public static final String KEY_SUBJECT_NAME_STRATEGY = RegistrySerdeSettings.KEY_SUBJECT_NAME_STRATEGY;
    public static final String VALUE_SUBJECT_NAME_STRATEGY = RegistrySerdeSettings.VALUE_SUBJECT_NAME_STRATEGY;
    public static final String REFERENCE_SUBJECT_NAME_STRATEGY = "reference.subject.name.strategy";
    public static final String SKIP_KNOWN_TYPES = "skip.known.types";
    public static final String SPECIFIC_KEY_TYPE = "specific.protobuf.key.type";
    public static final String SPECIFIC_VALUE_TYPE = "specific.protobuf.value.type";
    public static final String DERIVE_TYPE = "derive.type";

    /** Confluent's default subject strategy, by Confluent's class name (an alias of Ferry's). */
    public static final String DEFAULT_STRATEGY = RegistrySerdeSettings.DEFAULT_STRATEGY;
    /** Confluent's default reference strategy: a dependency's subject is its import path. */
    public static final String DEFAULT_REFERENCE_STRATEGY = "io.confluent.kafka.serializers.subject.DefaultReferenceSubjectNameStrategy";
    private static final String GROUP = "Protobuf serde";

    public ProtobufSerdeConfig(Map<?, ?> configs) {
        this(configDef(), configs);
    }

    protected ProtobufSerdeConfig(ConfigDef definition, Map<?, ?> configs) {
        super(definition, configs);
        String references = getString(REFERENCE_SUBJECT_NAME_STRATEGY);
        if (!DEFAULT_REFERENCE_STRATEGY.equals(references) && !"DefaultReferenceSubjectNameStrategy".equals(references)) {
            throw new ConfigException(REFERENCE_SUBJECT_NAME_STRATEGY, references,
                    "Ferry supports only DefaultReferenceSubjectNameStrategy (a dependency's subject is its import path)");
        }
    }

    /** The registry client's settings and the serde's. */
    public static ConfigDef configDef() {
        int order = 0;
        return RegistryClientSettings.define(new ConfigDef())
                .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Whether the serializer registers the message's schema, and the files it imports as references first. "
                                + "When false it only looks them up.", GROUP, ++order, Width.SHORT, "Register schemas")
                .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
                        "Serializer (with auto.register.schemas=false): write with the id of the subject's latest version; the "
                                + "message indexes are those of the message's full name in that version.",
                        GROUP, ++order, Width.SHORT, "Use latest version")
                .define(USE_SCHEMA_ID, Type.INT, -1, Importance.LOW,
                        "Serializer (with auto.register.schemas=false): write with this schema id; -1 for none.",
                        GROUP, ++order, Width.SHORT, "Schema id")
                .define(NORMALIZE_SCHEMAS, Type.BOOLEAN, false, Importance.LOW,
                        "Ask the registry to normalize schemas before registering or looking them up.", GROUP, ++order,
                        Width.SHORT, "Normalize")
                .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, DEFAULT_STRATEGY, Importance.MEDIUM,
                        "How the subject of key schemas is named: TopicNameStrategy (<topic>-key), RecordNameStrategy (the "
                                + "message's full name), TopicRecordNameStrategy, or a class implementing "
                                + SubjectNameStrategy.class.getName() + ".", GROUP, ++order, Width.LONG, "Key subjects")
                .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, DEFAULT_STRATEGY, Importance.MEDIUM,
                        "How the subject of value schemas is named (<topic>-value by default); as key.subject.name.strategy.",
                        GROUP, ++order, Width.LONG, "Value subjects")
                .define(REFERENCE_SUBJECT_NAME_STRATEGY, Type.STRING, DEFAULT_REFERENCE_STRATEGY, Importance.LOW,
                        "How the subject of an imported file is named: its import path (the only strategy Ferry supports).",
                        GROUP, ++order, Width.LONG, "Reference subjects")
                .define(SKIP_KNOWN_TYPES, Type.BOOLEAN, true, Importance.LOW,
                        "Do not register imports of well-known files (google/protobuf/*, google/type/*, confluent/*) as "
                                + "references; every registry knows them.", GROUP, ++order, Width.SHORT, "Skip known types")
                .define(SPECIFIC_KEY_TYPE, Type.CLASS, null, Importance.LOW,
                        "Deserializer: the generated Message class keys are parsed into, instead of DynamicMessage.",
                        GROUP, ++order, Width.LONG, "Key type")
                .define(SPECIFIC_VALUE_TYPE, Type.CLASS, null, Importance.LOW,
                        "Deserializer: the generated Message class values are parsed into, instead of DynamicMessage.",
                        GROUP, ++order, Width.LONG, "Value type")
                .define(DERIVE_TYPE, Type.BOOLEAN, false, Importance.LOW,
                        "Deserializer: parse into the generated class the writer's schema names (java_package, "
                                + "java_outer_classname, java_multiple_files), which must be on the class path.",
                        GROUP, ++order, Width.SHORT, "Derive type");
    }

    /** The write-side choices. */
    public ProtobufWriteMode writeMode() {
        return new ProtobufWriteMode(getBoolean(AUTO_REGISTER_SCHEMAS), getInt(USE_SCHEMA_ID), getBoolean(USE_LATEST_VERSION),
                getBoolean(NORMALIZE_SCHEMAS), getBoolean(SKIP_KNOWN_TYPES));
    }

    /** The generated class configured for keys or values, or {@code null}. */
    public Class<?> specificType(boolean isKey) {
        return getClass(isKey ? SPECIFIC_KEY_TYPE : SPECIFIC_VALUE_TYPE);
    }

    public boolean deriveType() {
        return getBoolean(DERIVE_TYPE);
    }
}
