package io.ferry.connect.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;

/**
 * Source offsets as Apache Kafka Connect writes them: the key is the JSON array
 * {@code ["<connector>", {<source partition>}]}, the value the JSON object of the offset, both
 * without schemas. The same bytes in a file, a topic, or Apache's own offset store.
 */
public final class OffsetCodec {
    private final JsonConverter converter = new JsonConverter();

    public OffsetCodec() {
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false", "converter.type", "key"), true);
    }

    /** A connector's partition, as a key. */
    public ByteBuffer key(String connector, Map<String, ?> partition) {
        return ByteBuffer.wrap(converter.fromConnectData(connector, null, Arrays.asList(connector, partition)));
    }

    /** An offset, as a value; null stays null (a tombstone that resets the partition). */
    public ByteBuffer value(String connector, Map<String, ?> offset) {
        return offset == null ? null : ByteBuffer.wrap(converter.fromConnectData(connector, null, offset));
    }

    /** A key read back: the connector and its partition. */
    public record Key(String connector, Map<String, Object> partition) {
    }

    /**
     * @throws DataException when the bytes are not a key of this format
     */
    @SuppressWarnings("unchecked")
    public Key decodeKey(ByteBuffer key) {
        SchemaAndValue decoded = converter.toConnectData("", bytes(key));
        if (!(decoded.value() instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof String connector)
                || !(list.get(1) instanceof Map<?, ?> partition)) {
            throw new DataException("not a source offset key: " + decoded.value());
        }
        return new Key(connector, (Map<String, Object>) partition);
    }

    /** @return null for a null value */
    @SuppressWarnings("unchecked")
    public Map<String, Object> decodeValue(ByteBuffer value) {
        if (value == null) {
            return null;
        }
        Object decoded = converter.toConnectData("", bytes(value)).value();
        if (decoded != null && !(decoded instanceof Map)) {
            throw new DataException("not a source offset: " + decoded);
        }
        return (Map<String, Object>) decoded;
    }

    /** The remaining bytes of a key or value, as a new array (the buffer's position is left alone); null stays null. */
    public static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
