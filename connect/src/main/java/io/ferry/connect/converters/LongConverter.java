package io.ferry.connect.converters;

import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.connect.data.Schema;

/**
 * {@code INT64} values as {@code kafka-clients}' {@code LongSerializer} writes them (8 bytes, big-endian); reads them back with
 * {@link Schema#OPTIONAL_INT64_SCHEMA}. Any Java type but {@code Long} is refused. The same encoding as Apache Kafka Connect's
 * {@code org.apache.kafka.connect.converters.LongConverter}, whose name a config may use for this class.
 */
public class LongConverter extends SerdeConverter<Long> {

    public LongConverter() {
        super("long", Long.class, Schema.OPTIONAL_INT64_SCHEMA, new LongSerializer(), new LongDeserializer());
    }
}
