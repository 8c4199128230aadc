package io.ferry.serde.registry;

import java.util.List;

import io.ferry.serde.subject.SubjectNameStrategies;
import io.ferry.serde.subject.SubjectNameStrategy;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The settings every registry-aware serde shares, with Confluent's names, defaults and meaning: how the
 * serializer chooses the id it writes and how subjects are named. Declared once here; each format's config adds
 * the ones it honours ({@link #define}) next to the registry client's and its own, so a key means the same in
 * the Avro, JSON Schema and Protobuf serdes.
 */
public final class RegistrySerdeSettings {
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String USE_SCHEMA_ID = "use.schema.id";
    public static final String ID_COMPATIBILITY_STRICT = "id.compatibility.strict";
    public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    /** Confluent's default strategy, by Confluent's class name (an alias of Ferry's). */
    public static final String DEFAULT_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";

    /** The catalogue, in the order the keys are documented. */
    private static final List<String> ORDER = List.of(AUTO_REGISTER_SCHEMAS, USE_LATEST_VERSION, LATEST_COMPATIBILITY_STRICT,
            USE_SCHEMA_ID, ID_COMPATIBILITY_STRICT, NORMALIZE_SCHEMAS, KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY);

    private RegistrySerdeSettings() {
    }

    /**
     * Adds the shared {@code keys} a serde honours to {@code def}, in the catalogue's order, under {@code group}.
     *
     * @throws IllegalArgumentException for a key that is not one of the shared ones
     */
    public static ConfigDef define(ConfigDef def, String group, String... keys) {
        List<String> wanted = List.of(keys);
        wanted.stream().filter(key -> !ORDER.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("not a shared serde setting: " + key);
        });
        int order = 0;
        for (String key : ORDER) {
            if (wanted.contains(key)) {
                defineOne(def, key, group, ++order);
            }
        }
        return def;
    }

    /** The strategy configured for keys or values of a config that defines the two strategy keys. */
    public static SubjectNameStrategy subjectNameStrategy(AbstractConfig config, boolean isKey) {
        String setting = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        return SubjectNameStrategies.create(setting, config.getString(setting), config.originals());
    }

    private static void defineOne(ConfigDef def, String key, String group, int order) {
        switch (key) {
            case AUTO_REGISTER_SCHEMAS -> def.define(key, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Whether the serializer registers the schema of what it writes (and uses the id the registry gives). "
                            + "When false it only looks the schema up in the subject.", group, order, Width.SHORT, "Register schemas");
            case USE_LATEST_VERSION -> def.define(key, Type.BOOLEAN, false, Importance.LOW,
                    "Serializer (with auto.register.schemas=false): write with the subject's latest version instead of the "
                            + "data's own schema. Deserializer: read every record into the subject's latest version.",
                    group, order, Width.SHORT, "Use latest version");
            case LATEST_COMPATIBILITY_STRICT -> def.define(key, Type.BOOLEAN, true, Importance.LOW,
                    "With use.latest.version: refuse to write when the latest version cannot read data of the data's schema.",
                    group, order, Width.SHORT, "Check latest");
            case USE_SCHEMA_ID -> def.define(key, Type.INT, -1, Importance.LOW,
                    "Serializer (with auto.register.schemas=false): write with this schema id; -1 for none.", group, order,
                    Width.SHORT, "Schema id");
            case ID_COMPATIBILITY_STRICT -> def.define(key, Type.BOOLEAN, true, Importance.LOW,
                    "With use.schema.id: refuse to write when that schema cannot read data of the data's schema.", group,
                    order, Width.SHORT, "Check id");
            case NORMALIZE_SCHEMAS -> def.define(key, Type.BOOLEAN, false, Importance.LOW,
                    "Ask the registry to normalize schemas before registering or looking them up.", group, order,
                    Width.SHORT, "Normalize");
            case KEY_SUBJECT_NAME_STRATEGY -> def.define(key, Type.STRING, DEFAULT_STRATEGY, Importance.MEDIUM,
                    "How the subject of key schemas is named: TopicNameStrategy (<topic>-key), RecordNameStrategy, "
                            + "TopicRecordNameStrategy, by Ferry's or Confluent's class name, or a class implementing "
                            + SubjectNameStrategy.class.getName() + ".", group, order, Width.LONG, "Key subjects");
            case VALUE_SUBJECT_NAME_STRATEGY -> def.define(key, Type.STRING, DEFAULT_STRATEGY, Importance.MEDIUM,
                    "How the subject of value schemas is named (<topic>-value by default); as key.subject.name.strategy.",
                    group, order, Width.LONG, "Value subjects");
            default -> throw new IllegalArgumentException("not a shared serde setting: " + key);
        }
    }
}
