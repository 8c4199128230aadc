package io.ferry.serde.connect.protobuf;

import java.util.Map;

import io.ferry.serde.protobuf.ProtobufSerdeConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The settings of {@link ProtobufConverter}: the registry client's, the serde's ({@link ProtobufSerdeConfig})
 * and the Connect–Protobuf mapping's ({@link ProtobufDataConfig}), with Confluent's names, so a connector's
 * {@code value.converter.*} settings written for Confluent's converter work unchanged.
 */
public final class ProtobufConverterConfig extends ProtobufSerdeConfig {

    public ProtobufConverterConfig(Map<?, ?> configs) {
        super(configDef(), configs);
    }

    public static ConfigDef configDef() {
        ConfigDef def = ProtobufSerdeConfig.configDef();
        ProtobufDataConfig.configDef().configKeys().values().forEach(def::define);
        return def;
    }

    public ProtobufDataOptions dataOptions() {
        return new ProtobufDataConfig(originals()).options();
    }
}
