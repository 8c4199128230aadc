package io.ferry.serde.avro;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

import io.ferry.serde.client.RegisteredSchema;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.registry.FramedHeaders;
import io.ferry.serde.registry.RecordSide;
import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.registry.SchemasById;
import io.ferry.serde.subject.SubjectNameStrategy;
import io.ferry.serde.wire.WireHeader;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads framed Avro payloads: the header, the writer's schema by id (fetched once per id), then the
 * datum — into the writer's schema, the subject's latest version ({@code use.latest.version}) or the
 * generated class's schema ({@code specific.avro.reader}). Thread-safe.
 */
public final class AvroPayloadReader {

    /** A decoded payload. */
    public record Decoded(int schemaId, Schema writerSchema, Schema readerSchema, Object value) {
    }

    /** How to choose the reader's schema. */
    public record Options(boolean useLatestVersion, boolean specific, boolean logicalTypes) {
        public static Options of(AvroSerdeConfig config) {
            return new Options(config.useLatestVersion(), config.specificAvroReader(), config.useLogicalTypeConverters());
        }
    }

    private static final class Plan {
        final int id;
        final Schema writer;
        final Schema reader;
        final DatumReader<Object> datumReader;

        Plan(int id, Schema writer, Schema reader, DatumReader<Object> datumReader) {
            this.id = id;
            this.writer = writer;
            this.reader = reader;
            this.datumReader = datumReader;
        }
    }

    private final RegistryClient client;
    private final SubjectNameStrategy strategy;
    private final Options options;
    private final AvroDecoder decoder;
    private final SchemasById<Schema> writers;
    private final ConcurrentHashMap<PlanKey, Plan> plans = new ConcurrentHashMap<>();
    private volatile Plan last;

    private record PlanKey(String topic, int id) {
    }

    public AvroPayloadReader(RegistryClient client, SubjectNameStrategy strategy, Options options) {
        this.client = client;
        this.strategy = strategy;
        this.options = options;
        this.decoder = new AvroDecoder(options.logicalTypes());
        this.writers = new SchemasById<>(client, WriteSchemaResolver::parse);
    }

    /**
     * Decodes a framed payload from {@code topic}.
     *
     * @throws SerializationException naming the topic and the problem: no magic byte, an unknown id, a
     *                                truncated or corrupt payload; a {@link SchemaRegistryException} when the
     *                                registry refuses or cannot be reached
     */
    public Decoded read(String topic, boolean isKey, byte[] framed) {
        WireHeader header = FramedHeaders.read(topic, isKey, framed);
        Plan plan = plan(topic, isKey, header.schemaId());
        try {
            Object value = decoder.decode(framed, header.payloadOffset(), plan.writer, plan.datumReader);
            return new Decoded(plan.id, plan.writer, plan.reader, value);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
            throw new SerializationException("Cannot deserialize " + RecordSide.describe(topic, isKey) + ": the payload of "
                    + framed.length + " bytes is truncated or does not match schema id " + header.schemaId() + " (" + e + ")", e);
        }
    }

    /** A framed payload whose schemas are known and whose datum is not decoded yet. */
    public record Framed(int schemaId, Schema writerSchema, Schema readerSchema, int payloadOffset) {
    }

    /**
     * Reads the header and finds the schemas, leaving the datum to the caller (the Connect converter decodes
     * straight into Connect data).
     *
     * @throws SerializationException as {@link #read}
     */
    public Framed frame(String topic, boolean isKey, byte[] framed) {
        WireHeader header = FramedHeaders.read(topic, isKey, framed);
        Plan plan = plan(topic, isKey, header.schemaId());
        return new Framed(plan.id, plan.writer, plan.reader, header.payloadOffset());
    }

    /** The writer's schema of an id, fetched once. */
    public Schema writerSchema(String topic, boolean isKey, int id) {
        return writers.get(topic, isKey, id);
    }

    private Plan plan(String topic, boolean isKey, int id) {
        Plan recent = last;
        if (recent != null && recent.id == id && !options.useLatestVersion()) {
            return recent;
        }
        PlanKey key = new PlanKey(options.useLatestVersion() ? topic : "", id);
        Plan plan = plans.get(key);
        if (plan == null) {
            Schema writer = writerSchema(topic, isKey, id);
            Schema reader = readerSchema(topic, isKey, writer);
            plan = new Plan(id, writer, reader, decoder.readerFor(writer, reader, options.specific() && isNamed(writer)));
            plans.putIfAbsent(key, plan);
        }
        last = plan;
        return plan;
    }

    private Schema readerSchema(String topic, boolean isKey, Schema writer) {
        if (options.useLatestVersion()) {
            String subject = strategy.subjectName(topic, isKey, AvroSchemas.recordName(writer));
            try {
                RegisteredSchema latest = client.latestVersion(subject);
                return WriteSchemaResolver.parse(latest.schema());
            } catch (RegistryClientException e) {
                throw new SchemaRegistryException("Cannot deserialize " + RecordSide.describe(topic, isKey)
                        + ": fetching the latest version of subject '" + subject + "' failed", e);
            }
        }
        if (options.specific() && isNamed(writer)) {
            return specificSchema(writer);
        }
        return null;
    }

    private static boolean isNamed(Schema schema) {
        return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM || schema.getType() == Schema.Type.FIXED;
    }

    private static Schema specificSchema(Schema writer) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        SpecificData data = loader != null ? new SpecificData(loader) : SpecificData.get();
        Class<?> type = data.getClass(writer);
        if (type == null) {
            throw new SerializationException("Could not find class " + writer.getFullName()
                    + " specified in the writer's schema whilst finding the reader's schema for a SpecificRecord "
                    + "(specific.avro.reader=true)");
        }
        return data.getSchema(type);
    }
}
