package io.ferry.connect.converters;

import org.apache.kafka.common.serialization.DoubleDeserializer;
import org.apache.kafka.common.serialization.DoubleSerializer;
import org.apache.kafka.connect.data.Schema;

/**
 * {@code FLOAT64} values as {@code kafka-clients}' {@code DoubleSerializer} writes them (8 bytes, IEEE 754, big-endian); reads them back with
 * {@link Schema#OPTIONAL_FLOAT64_SCHEMA}. Any Java type but {@code Double} is refused. The same encoding as Apache Kafka Connect's
 * {@code org.apache.kafka.connect.converters.DoubleConverter}, whose name a config may use for this class.
 */
public class DoubleConverter extends SerdeConverter<Double> {

    public DoubleConverter() {
        super("double", Double.class, Schema.OPTIONAL_FLOAT64_SCHEMA, new DoubleSerializer(), new DoubleDeserializer());
    }
}
