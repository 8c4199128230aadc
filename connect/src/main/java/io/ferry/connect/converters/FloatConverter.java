package io.ferry.connect.converters;

import org.apache.kafka.common.serialization.FloatDeserializer;
import org.apache.kafka.common.serialization.FloatSerializer;
import org.apache.kafka.connect.data.Schema;

/**
 * {@code FLOAT32} values as {@code kafka-clients}' {@code FloatSerializer} writes them (4 bytes, IEEE 754, big-endian); reads them back with
 * {@link Schema#OPTIONAL_FLOAT32_SCHEMA}. Any Java type but {@code Float} is refused. The same encoding as Apache Kafka Connect's
 * {@code org.apache.kafka.connect.converters.FloatConverter}, whose name a config may use for this class.
 */
public class FloatConverter extends SerdeConverter<Float> {

    public FloatConverter() {
        super("float", Float.class, Schema.OPTIONAL_FLOAT32_SCHEMA, new FloatSerializer(), new FloatDeserializer());
    }
}
