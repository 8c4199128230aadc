package io.ferry.serde.connect;

import java.util.Map;
import java.util.Objects;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;

/**
 * Maps Connect schemas and data to Avro schemas and generic data and back, with the conventions of
 * Confluent's {@code io.confluent.connect.avro.AvroData} (described in docs/serde.md): schemas written by
 * either converter are the same text, and data written by either is read by the other.
 *
 * <p>Converted schemas are cached both ways. Thread-safe. Connect data without a schema (schemaless) is not
 * supported: the methods throw {@link DataException} for a {@code null} schema.
 */
public final class AvroData {
    private final AvroDataOptions options;
    private final ConnectToAvroValue toAvroValues;
    private final AvroToConnectValue toConnectValues;
    private final AvroToConnectSchema toConnectSchemas;
    private final SchemaCache<Schema, org.apache.avro.Schema> avroSchemas;
    private final SchemaCache<VersionedAvroSchema, Schema> connectSchemas;

    private record VersionedAvroSchema(org.apache.avro.Schema schema, Integer version) {
        @Override
        public boolean equals(Object other) {
            return other instanceof VersionedAvroSchema that && schema.equals(that.schema) && Objects.equals(version, that.version);
        }

        @Override
        public int hashCode() {
            return schema.hashCode() * 31 + Objects.hashCode(version);
        }
    }

    public AvroData(AvroDataOptions options) {
        this.options = options;
        this.toAvroValues = new ConnectToAvroValue(options);
        this.toConnectValues = new AvroToConnectValue(options);
        this.toConnectSchemas = new AvroToConnectSchema(options, toConnectValues);
        this.avroSchemas = new SchemaCache<>(options.cacheSize());
        this.connectSchemas = new SchemaCache<>(options.cacheSize());
    }

    public AvroData(Map<String, ?> configs) {
        this(new AvroDataConfig(configs).options());
    }

    public AvroDataOptions options() {
        return options;
    }

    /** The Avro schema of a Connect schema. */
    public org.apache.avro.Schema fromConnectSchema(Schema schema) {
        requireSchema(schema);
        return avroSchemas.get(schema, s -> new ConnectToAvroSchema(options).convert(s));
    }

    /** Connect data as Avro generic data of {@link #fromConnectSchema(Schema)}. */
    public Object fromConnectData(Schema schema, Object value) {
        return fromConnectData(schema, fromConnectSchema(schema), value);
    }

    /** Connect data as Avro generic data of {@code avroSchema}, which must be {@code fromConnectSchema(schema)}. */
    public Object fromConnectData(Schema schema, org.apache.avro.Schema avroSchema, Object value) {
        requireSchema(schema);
        return toAvroValues.convert(schema, avroSchema, value);
    }

    /** The Connect schema of an Avro schema. */
    public Schema toConnectSchema(org.apache.avro.Schema schema) {
        return toConnectSchema(schema, null);
    }

    /**
     * The Connect schema of an Avro schema.
     *
     * @param version the schema's version in the registry, used when the Avro schema has no {@code connect.version}
     */
    public Schema toConnectSchema(org.apache.avro.Schema schema, Integer version) {
        return connectSchemas.get(new VersionedAvroSchema(schema, version), key -> toConnectSchemas.convert(key.schema(), key.version()));
    }

    /** Avro generic data as Connect data; {@code null} for a {@code null} value. */
    public SchemaAndValue toConnectData(org.apache.avro.Schema schema, Object value) {
        return toConnectData(schema, value, null);
    }

    /** Avro generic data as Connect data, the schema carrying {@code version} when the Avro schema has no {@code connect.version}. */
    public SchemaAndValue toConnectData(org.apache.avro.Schema schema, Object value, Integer version) {
        if (value == null) {
            return null;
        }
        Schema connectSchema = toConnectSchema(schema, version);
        return new SchemaAndValue(connectSchema, toConnectValues.convert(connectSchema, value));
    }

    /** Avro generic data as Connect data of a Connect schema this instance made with {@link #toConnectSchema}. */
    public Object toConnectValue(Schema schema, Object value) {
        return value == null ? null : toConnectValues.convert(schema, value);
    }

    private static void requireSchema(Schema schema) {
        if (schema == null) {
            throw new DataException("Connect data without a schema is not supported by Ferry's AvroConverter yet; "
                    + "the connector or transformation must provide a schema");
        }
    }
}
