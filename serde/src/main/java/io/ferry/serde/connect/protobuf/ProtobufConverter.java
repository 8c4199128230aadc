package io.ferry.serde.connect.protobuf;

import java.util.Map;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientLease;
import io.ferry.serde.connect.ConverterFailures;
import io.ferry.serde.protobuf.ProtobufPayloadReader;
import io.ferry.serde.protobuf.ProtobufPayloadWriter;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A Connect {@link Converter} between Connect data and Protobuf in the registry wire format, compatible with
 * Confluent's {@code io.confluent.connect.protobuf.ProtobufConverter}: the same settings
 * ({@link ProtobufConverterConfig}) and the same mapping ({@link ProtobufData}). Writing registers the proto3 file
 * built for the Connect schema (its well-known imports need no references); reading rebuilds the writer's
 * descriptor from the registry and gives the Connect schema the subject's version of the id.
 *
 * <p>Use: {@code value.converter=io.ferry.serde.connect.protobuf.ProtobufConverter} with
 * {@code value.converter.schema.registry.url}. The top-level Connect schema must be a struct.
 *
 * <p><b>Errors.</b> Data that cannot be converted or written throws {@link DataException} naming the topic;
 * a registry that cannot be reached throws {@link RetriableException}. Thread-safe after {@link #configure}.
 */
public class ProtobufConverter implements Converter {
    private final RegistryClientLease lease;
    private boolean isKey;
    private ProtobufData data;
    private ProtobufPayloadWriter writer;
    private ProtobufPayloadReader reader;
    private ProtobufSchemaVersions versions;

    /** For Connect: configured through {@link #configure}. */
    public ProtobufConverter() {
        this(null);
    }

    /** With a client of the caller's, which {@link #close} leaves open; still needs {@link #configure}. */
    public ProtobufConverter(RegistryClient client) {
        this.lease = new RegistryClientLease(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        ProtobufConverterConfig config = new ProtobufConverterConfig(configs);
        RegistryClient client = lease.open(config.clientConfig());
        this.isKey = isKey;
        this.data = new ProtobufData(config.dataOptions());
        this.writer = new ProtobufPayloadWriter(client, config.subjectNameStrategy(isKey), config.writeMode());
        this.reader = new ProtobufPayloadReader(client);
        this.versions = new ProtobufSchemaVersions(client, config.subjectNameStrategy(isKey));
    }

    @Override
    public ConfigDef config() {
        return ProtobufConverterConfig.configDef();
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return fromConnectData(topic, null, schema, value);
    }

    @Override
    public byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        try {
            if (schema == null) {
                throw new DataException("Protobuf needs a Connect schema; got a schemaless " + value.getClass().getName());
            }
            Descriptor type = data.fromConnectSchema(schema);
            DynamicMessage message = data.fromConnectData(type, schema, value);
            return writer.write(topic, isKey, message);
        } catch (SerializationException | DataException e) {
            throw ConverterFailures.serializing("Protobuf", topic, isKey, e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return toConnectData(topic, null, value);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        try {
            ProtobufPayloadReader.Decoded decoded = reader.read(topic, isKey, value);
            Integer version = versions.versionOf(topic, isKey, decoded.schemaId(), decoded.type().getFullName());
            Schema schema = data.toConnectSchema(decoded.type(), version);
            return new SchemaAndValue(schema, data.toConnectData(schema, decoded.message()));
        } catch (SerializationException | DataException e) {
            throw ConverterFailures.deserializing("Protobuf", topic, isKey, e);
        }
    }

    @Override
    public void close() {
        lease.close();
    }
}
