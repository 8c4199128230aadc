package io.ferry.connect.converters;

import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.connect.data.Schema;

/**
 * {@code INT32} values as {@code kafka-clients}' {@code IntegerSerializer} writes them (4 bytes, big-endian); reads them back with
 * {@link Schema#OPTIONAL_INT32_SCHEMA}. Any Java type but {@code Integer} is refused. The same encoding as Apache Kafka Connect's
 * {@code org.apache.kafka.connect.converters.IntegerConverter}, whose name a config may use for this class.
 */
public class IntegerConverter extends SerdeConverter<Integer> {

    public IntegerConverter() {
        super("integer", Integer.class, Schema.OPTIONAL_INT32_SCHEMA, new IntegerSerializer(), new IntegerDeserializer());
    }
}
