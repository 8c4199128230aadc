package io.ferry.serde.connect;

import java.util.Map;

import io.ferry.serde.avro.AvroSerdeConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The settings of {@link AvroConverter}: the registry client's, the serde's ({@link AvroSerdeConfig}) and
 * the Connect–Avro mapping's ({@link AvroDataConfig}), all with Confluent's names, so a connector's
 * {@code value.converter.*} settings written for Confluent's converter work unchanged.
 */
public final class AvroConverterConfig extends AvroSerdeConfig {

    public AvroConverterConfig(Map<?, ?> configs) {
        super(configDef(), configs);
    }

    public static ConfigDef configDef() {
        ConfigDef def = AvroSerdeConfig.configDef();
        AvroDataConfig.configDef().configKeys().values().forEach(def::define);
        return def;
    }

    public AvroDataOptions avroDataOptions() {
        return new AvroDataConfig(originals()).options();
    }
}
