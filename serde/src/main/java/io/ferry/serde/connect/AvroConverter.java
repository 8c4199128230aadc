package io.ferry.serde.connect;

import java.util.Map;

import io.ferry.serde.avro.AvroPayloadReader;
import io.ferry.serde.avro.AvroPayloadWriter;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientLease;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A Connect {@link Converter} between Connect data and Avro in the registry wire format, compatible with
 * Confluent's {@code io.confluent.connect.avro.AvroConverter}: the same settings ({@link AvroConverterConfig}),
 * the same Avro schemas for the same Connect schemas ({@link AvroData}), so that either converter reads what
 * the other wrote and both register the same schema text under the same subject.
 *
 * <p>It depends only on connect-api, kafka-clients, Avro, Jackson and SLF4J, so it loads as a plain plugin in
 * Ferry or in Apache Kafka Connect: {@code value.converter=io.ferry.serde.connect.AvroConverter}.
 *
 * <p><b>Errors.</b> Data that cannot be converted or written (a value that does not fit its schema, bytes
 * without the magic byte, an unknown schema id, a truncated payload, a schema the registry refuses as
 * incompatible) throws {@link DataException} naming the topic; the Converter API gives a converter the topic
 * and headers only, so the runtime's error handling (errors.tolerance, the dead letter queue) adds partition
 * and offset when it reports the failure. A registry that cannot be reached throws {@link RetriableException},
 * which the runtime retries. Thread-safe after {@link #configure}.
 */
public class AvroConverter implements Converter {
    private final RegistryClientLease lease;
    private boolean isKey;
    private AvroData avroData;
    private AvroPayloadWriter writer;
    private AvroPayloadReader reader;
    private SchemaVersions versions;
    private ConnectSchemasById connectSchemas;
    private ConnectBinaryCodec binary;

    /** For Connect: configured through {@link #configure}. */
    public AvroConverter() {
        this(null);
    }

    /** With a client of the caller's, which {@link #close} leaves open; still needs {@link #configure}. */
    public AvroConverter(RegistryClient client) {
        this.lease = new RegistryClientLease(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroConverterConfig config = new AvroConverterConfig(configs);
        RegistryClient client = lease.open(config.clientConfig());
        this.isKey = isKey;
        this.avroData = new AvroData(config.avroDataOptions());
        // Connect data is always generic: logical types are converted by AvroData, never by Avro itself.
        this.writer = new AvroPayloadWriter(client, config.subjectNameStrategy(isKey), config);
        this.reader = new AvroPayloadReader(client, config.subjectNameStrategy(isKey),
                new AvroPayloadReader.Options(config.useLatestVersion(), false, false));
        this.versions = new SchemaVersions(client, config.subjectNameStrategy(isKey));
        this.connectSchemas = new ConnectSchemasById(avroData);
        this.binary = new ConnectBinaryCodec(avroData.options());
    }

    @Override
    public ConfigDef config() {
        return AvroConverterConfig.configDef();
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return fromConnectData(topic, null, schema, value);
    }

    @Override
    public byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
        if (schema == null && value == null) {
            return null;
        }
        try {
            org.apache.avro.Schema avroSchema = avroData.fromConnectSchema(schema);
            if (value == null && schema.isOptional()) {
                return null;
            }
            ConnectBinaryWriter.ValueWriter direct = binary.writerFor(schema, avroSchema);
            if (direct != null) {
                return writer.write(topic, isKey, avroSchema, encoder -> direct.write(value, encoder));
            }
            Object avroValue = avroData.fromConnectData(schema, avroSchema, value);
            return avroValue == null ? null : writer.write(topic, isKey, avroSchema, avroValue);
        } catch (SerializationException | DataException e) {
            throw ConverterFailures.serializing("Avro", topic, isKey, e);
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
            AvroPayloadReader.Framed framed = reader.frame(topic, isKey, value);
            org.apache.avro.Schema avroSchema = framed.readerSchema() != null ? framed.readerSchema() : framed.writerSchema();
            Integer version = versions.versionOf(topic, isKey, framed.schemaId(), avroSchema);
            Schema schema = connectSchemas.get(framed.schemaId(), avroSchema, version);
            if (binary.canRead(framed)) {
                return new SchemaAndValue(schema, binary.read(topic, isKey, value, framed, schema));
            }
            AvroPayloadReader.Decoded decoded = reader.read(topic, isKey, value);
            return new SchemaAndValue(schema, avroData.toConnectValue(schema, decoded.value()));
        } catch (SerializationException | DataException e) {
            throw ConverterFailures.deserializing("Avro", topic, isKey, e);
        }
    }

    @Override
    public void close() {
        lease.close();
    }
}
