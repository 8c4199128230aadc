package io.ferry.serde.connect.protobuf;

import java.util.Map;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.ferry.serde.connect.SchemaCache;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect data ↔ Protobuf, as Confluent's converter maps them (see {@link ConnectToProtobufSchema} and
 * {@link ProtobufToConnectSchema} for the schemas). Converted schemas are remembered both ways
 * ({@code schemas.cache.config} entries each). Thread-safe.
 */
public final class ProtobufData {
    private final ProtobufDataOptions options;
    private final SchemaCache<Schema, Descriptor> toProtobuf;
    private final SchemaCache<SchemaKey, Schema> toConnect;
    private final ConnectToProtobufValue connectValues;
    private final ProtobufToConnectValue protobufValues;

    /** A message type read under one registry version. */
    private record SchemaKey(Descriptor type, Integer version) {
    }

    public ProtobufData(ProtobufDataOptions options) {
        this.options = options;
        this.toProtobuf = new SchemaCache<>(options.cacheSize());
        this.toConnect = new SchemaCache<>(options.cacheSize());
        this.connectValues = new ConnectToProtobufValue(options);
        this.protobufValues = new ProtobufToConnectValue(options);
    }

    /** With settings given by Confluent's keys ({@link ProtobufDataConfig}). */
    public ProtobufData(Map<String, ?> configs) {
        this(new ProtobufDataConfig(configs).options());
    }

    /**
     * The message type of a Connect struct schema: the only top-level message of a fresh proto3 file.
     *
     * @throws DataException when the schema is not a struct or has no Protobuf form
     */
    public Descriptor fromConnectSchema(Schema schema) {
        return toProtobuf.get(schema, s -> {
            FileDescriptor file = new ConnectToProtobufSchema(options).convert(s);
            return file.getMessageTypes().get(0);
        });
    }

    /**
     * A Connect struct as a message of {@code type} (which {@link #fromConnectSchema} gave for its schema).
     *
     * @throws DataException when the value does not fit
     */
    public DynamicMessage fromConnectData(Descriptor type, Schema schema, Object value) {
        if (!(value instanceof Struct struct)) {
            throw new DataException("Protobuf needs a Struct at the top level; got " + (value == null ? "null" : value.getClass().getName()));
        }
        return connectValues.message(type, schema, struct);
    }

    /** The Connect schema of a message type, with the registry version (or {@code null}). */
    public Schema toConnectSchema(Descriptor type, Integer version) {
        return toConnect.get(new SchemaKey(type, version), key -> new ProtobufToConnectSchema(options).convert(key.type(), key.version()));
    }

    /** A message as a Connect struct of {@code schema} ({@link #toConnectSchema} of its type). */
    public Struct toConnectData(Schema schema, Message message) {
        try {
            return protobufValues.struct(schema, message);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new DataException("message " + message.getDescriptorForType().getFullName() + " does not fit its Connect schema: "
                    + e.getMessage(), e);
        }
    }
}
