package io.ferry.connect.converters;

import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;

/**
 * A converter whose bytes are those of a {@code kafka-clients} serializer: one Java type in, the same type
 * with one optional schema out. Keys, values and headers are converted alike; topics and header names are
 * not used.
 *
 * <p><b>Contract.</b> {@code null} converts to {@code null} both ways. A value of another Java type, or
 * bytes the deserializer refuses (a wrong length), is bad data: {@link DataException}, with the message
 * Apache Kafka Connect gives for the converter of the same simple name. The schema a value comes with is
 * not checked unless a subclass says so ({@link #checkSchema}), as in Apache's number converters. Settings
 * other than {@code converter.type} go to the serializer and deserializer. Not thread-safe beyond what the
 * serializer and deserializer are (the worker gives each task its own converters).
 *
 * <p>One level of subclassing, each subclass naming its type: the only variation is data, plus the two
 * hooks {@link BooleanConverter} needs to keep Apache's stricter checks and words.
 *
 * @param <T> the Java type of the Connect values
 */
abstract class SerdeConverter<T> implements UniformConverter {
    private final String typeName;
    private final Class<T> javaType;
    private final Schema schema;
    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;

    /**
     * @param typeName     the type as messages name it: {@code long}, {@code boolean}…
     * @param javaType     the only class of value accepted
     * @param schema       the optional schema of every value read
     * @param serializer   writes the bytes
     * @param deserializer reads them
     */
    SerdeConverter(String typeName, Class<T> javaType, Schema schema, Serializer<T> serializer, Deserializer<T> deserializer) {
        this.typeName = typeName;
        this.javaType = javaType;
        this.schema = schema;
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /** Configures a header converter, or any converter given {@code converter.type}. */
    @Override
    public void configure(Map<String, ?> settings) {
        boolean isKey = ConverterTypeConfig.isKey(settings);
        serializer.configure(settings, isKey);
        deserializer.configure(settings, isKey);
    }

    @Override
    public void configure(Map<String, ?> settings, boolean isKey) {
        configure(ConverterTypeConfig.withType(settings, isKey));
    }

    @Override
    public byte[] fromConnectData(String topic, Schema valueSchema, Object value) {
        checkSchema(valueSchema);
        T typed;
        try {
            typed = javaType.cast(value);
        } catch (ClassCastException e) {
            throw wrongType(value, e);
        }
        try {
            return serializer.serialize(topic, typed);
        } catch (SerializationException e) {
            throw new DataException("Failed to serialize to " + typeName + ": ", e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        try {
            return new SchemaAndValue(schema, deserializer.deserialize(topic, value));
        } catch (SerializationException e) {
            throw new DataException("Failed to deserialize " + typeName + ": ", e);
        }
    }

    @Override
    public void close() {
        Utils.closeQuietly(serializer, typeName + " converter serializer");
        Utils.closeQuietly(deserializer, typeName + " converter deserializer");
    }

    /** Refuses a schema the type cannot have; every schema passes by default. */
    void checkSchema(Schema valueSchema) {
    }

    /** The error for a value of another Java type. */
    DataException wrongType(Object value, ClassCastException cause) {
        return new DataException("Failed to serialize to " + typeName + " (was " + value.getClass() + "): ", cause);
    }
}
