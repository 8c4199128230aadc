package io.ferry.connect.converters;

import org.apache.kafka.common.serialization.ShortDeserializer;
import org.apache.kafka.common.serialization.ShortSerializer;
import org.apache.kafka.connect.data.Schema;

/**
 * {@code INT16} values as {@code kafka-clients}' {@code ShortSerializer} writes them (2 bytes, big-endian); reads them back with
 * {@link Schema#OPTIONAL_INT16_SCHEMA}. Any Java type but {@code Short} is refused. The same encoding as Apache Kafka Connect's
 * {@code org.apache.kafka.connect.converters.ShortConverter}, whose name a config may use for this class.
 */
public class ShortConverter extends SerdeConverter<Short> {

    public ShortConverter() {
        super("short", Short.class, Schema.OPTIONAL_INT16_SCHEMA, new ShortSerializer(), new ShortDeserializer());
    }
}
