package io.ferry.connect.converters;

import org.apache.kafka.common.serialization.BooleanDeserializer;
import org.apache.kafka.common.serialization.BooleanSerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * {@code BOOLEAN} values as {@code kafka-clients}' {@code BooleanSerializer} writes them (one byte, 1 or 0);
 * reads them back with {@link Schema#OPTIONAL_BOOLEAN_SCHEMA}. Unlike the number converters it also refuses
 * a schema of another type, as Apache Kafka Connect's {@code org.apache.kafka.connect.converters.BooleanConverter}
 * does, whose name a config may use for this class.
 */
public class BooleanConverter extends SerdeConverter<Boolean> {

    public BooleanConverter() {
        super("boolean", Boolean.class, Schema.OPTIONAL_BOOLEAN_SCHEMA, new BooleanSerializer(), new BooleanDeserializer());
    }

    @Override
    void checkSchema(Schema valueSchema) {
        if (valueSchema != null && valueSchema.type() != Schema.Type.BOOLEAN) {
            throw new DataException("Invalid schema type for BooleanConverter: " + valueSchema.type());
        }
    }

    @Override
    DataException wrongType(Object value, ClassCastException cause) {
        return new DataException("BooleanConverter is not compatible with objects of type " + value.getClass());
    }
}
