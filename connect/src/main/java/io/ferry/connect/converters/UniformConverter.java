package io.ferry.connect.converters;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * A converter that converts header values exactly as it converts keys and values, ignoring the header's name,
 * declares only {@code converter.type}, and reports the Kafka version whose behaviour it has, as Apache's
 * converters of the same names do.
 */
interface UniformConverter extends Converter, HeaderConverter {

    @Override
    default byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    @Override
    default SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return toConnectData(topic, value);
    }

    @Override
    default ConfigDef config() {
        return ConverterTypeConfig.definition();
    }

    @Override
    default String version() {
        return AppInfoParser.getVersion();
    }

    /** Nothing to release unless an implementation says otherwise. */
    @Override
    default void close() {
    }
}
