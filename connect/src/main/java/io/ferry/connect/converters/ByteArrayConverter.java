package io.ferry.connect.converters;

import java.nio.ByteBuffer;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;

/**
 * Bytes as they are: a {@code byte[]} value is written unchanged, and what is read comes back as the same
 * {@code byte[]} with {@link Schema#OPTIONAL_BYTES_SCHEMA}. Keys, values and headers alike.
 *
 * <p>A {@link ByteBuffer} value is written as its bytes from the start of the buffer to its limit, whatever
 * its position (and is left read to its limit). {@code null} stays {@code null}. A schema that is not
 * {@code BYTES}, or a value of any other Java type, is bad data: {@link DataException} naming the schema type
 * or the value's class. It takes no settings but {@code converter.type}, which it does not need. Stateless
 * and thread-safe. The behaviour of Apache Kafka Connect's
 * {@code org.apache.kafka.connect.converters.ByteArrayConverter}, whose name a config may use for this class.
 */
public class ByteArrayConverter implements UniformConverter {

    @Override
    public void configure(Map<String, ?> settings) {
        // Nothing to set up: bytes pass through.
    }

    @Override
    public void configure(Map<String, ?> settings, boolean isKey) {
        // Nothing to set up: bytes pass through.
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (schema != null && schema.type() != Schema.Type.BYTES) {
            throw new DataException("Invalid schema type for ByteArrayConverter: " + schema.type());
        }
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.limit()];
            buffer.rewind().get(bytes);
            return bytes;
        }
        throw new DataException("ByteArrayConverter is not compatible with objects of type " + value.getClass());
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, value);
    }
}
