package io.ferry.serde.connect.protobuf;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** How {@link ProtobufData} maps Connect schemas to Protobuf and back, with the keys and defaults of Confluent's converter. */
public final class ProtobufDataConfig extends AbstractConfig {
    public static final String ENHANCED_PROTOBUF_SCHEMA_SUPPORT = "enhanced.protobuf.schema.support";
    public static final String SCRUB_INVALID_NAMES = "scrub.invalid.names";
    public static final String INT_FOR_ENUMS = "int.for.enums";
    public static final String OPTIONAL_FOR_NULLABLES = "optional.for.nullables";
    public static final String WRAPPER_FOR_NULLABLES = "wrapper.for.nullables";
    public static final String GENERATE_STRUCT_FOR_NULLS = "generate.struct.for.nulls";
    public static final String GENERATE_INDEX_FOR_UNIONS = "generate.index.for.unions";
    public static final String SCHEMAS_CACHE_SIZE = "schemas.cache.config";
    private static final String GROUP = "Protobuf data";

    public ProtobufDataConfig(Map<?, ?> configs) {
        super(configDef(), configs, false);
    }

    public static ConfigDef configDef() {
        int order = 0;
        return new ConfigDef()
                .define(ENHANCED_PROTOBUF_SCHEMA_SUPPORT, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Name Connect structs and enums after the full name of their message or enum (package included) "
                                + "instead of the simple name.", GROUP, ++order, Width.SHORT, "Enhanced schemas")
                .define(SCRUB_INVALID_NAMES, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Replace characters Protobuf does not allow in message and field names.", GROUP, ++order, Width.SHORT,
                        "Scrub names")
                .define(INT_FOR_ENUMS, Type.BOOLEAN, false, Importance.LOW,
                        "Read Protobuf enums as Connect int32 (the number) instead of strings (the symbol).", GROUP, ++order,
                        Width.SHORT, "Int for enums")
                .define(OPTIONAL_FOR_NULLABLES, Type.BOOLEAN, false, Importance.LOW,
                        "Write optional Connect fields as proto3 'optional' fields (with presence), and read only fields with "
                                + "presence as optional.", GROUP, ++order, Width.SHORT, "Optional for nullables")
                .define(WRAPPER_FOR_NULLABLES, Type.BOOLEAN, false, Importance.LOW,
                        "Write optional Connect primitives as google.protobuf wrapper messages (StringValue, Int32Value, …), and "
                                + "read wrappers back as optional primitives.", GROUP, ++order, Width.SHORT, "Wrappers for nullables")
                .define(GENERATE_STRUCT_FOR_NULLS, Type.BOOLEAN, false, Importance.LOW,
                        "Read an unset message field as a struct of default values instead of null.", GROUP, ++order,
                        Width.SHORT, "Structs for nulls")
                .define(GENERATE_INDEX_FOR_UNIONS, Type.BOOLEAN, true, Importance.LOW,
                        "Name the Connect field of a oneof <oneof>_<index> (Confluent's default) instead of <oneof>.", GROUP,
                        ++order, Width.SHORT, "Index unions")
                .define(SCHEMAS_CACHE_SIZE, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "How many converted schemas are remembered each way.", GROUP, ++order, Width.SHORT, "Schema cache");
    }

    /** The choices, as an immutable value. */
    public ProtobufDataOptions options() {
        return new ProtobufDataOptions(getBoolean(ENHANCED_PROTOBUF_SCHEMA_SUPPORT), getBoolean(SCRUB_INVALID_NAMES),
                getBoolean(INT_FOR_ENUMS), getBoolean(OPTIONAL_FOR_NULLABLES), getBoolean(WRAPPER_FOR_NULLABLES),
                getBoolean(GENERATE_STRUCT_FOR_NULLS), getBoolean(GENERATE_INDEX_FOR_UNIONS), getInt(SCHEMAS_CACHE_SIZE));
    }
}
