package io.ferry.registry.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;

/**
 * The JSON records of Confluent's {@code _schemas} topic, so that Ferry reads a topic Confluent's
 * registry wrote (and the other way round).
 *
 * <pre>
 * key   {"keytype":"SCHEMA","subject":"orders-value","version":1,"magic":1}
 * value {"subject":"orders-value","version":1,"id":1,"schemaType":"JSON","references":[...],"schema":"...","deleted":false}
 * key   {"keytype":"CONFIG","magic":0}                        value {"compatibilityLevel":"FULL"}
 * key   {"keytype":"CONFIG","subject":"s","magic":0}          value {"subject":"s","compatibilityLevel":"FULL"}
 * key   {"keytype":"MODE","subject":"s","magic":0}            value {"subject":"s","mode":"READONLY"}
 * key   {"keytype":"DELETE_SUBJECT","subject":"s","magic":0}  value {"subject":"s","version":3}
 * key   {"keytype":"CLEAR_SUBJECT","subject":"s","magic":0}   value {"subject":"s"}
 * key   {"keytype":"NOOP","magic":0}                          value null
 * </pre>
 *
 * {@code schemaType} is written only for types other than AVRO. Global keys are written without a
 * subject, as current Confluent releases do; a {@code "subject":null} written by older ones reads the
 * same. Unknown key types (contexts, associations) and unknown value fields are skipped when
 * reading: newer registries add both.
 */
public final class SchemasTopicCodec implements RecordCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public byte[] encodeKey(RecordKey key) {
        return write(generator -> {
            generator.writeStartObject();
            if (key instanceof RecordKey.Schema schema) {
                generator.writeStringField("keytype", "SCHEMA");
                generator.writeStringField("subject", schema.subject());
                generator.writeNumberField("version", schema.version());
                generator.writeNumberField("magic", 1);
            } else if (key instanceof RecordKey.Config config) {
                subjectKey(generator, "CONFIG", config.subject());
            } else if (key instanceof RecordKey.Mode mode) {
                subjectKey(generator, "MODE", mode.subject());
            } else if (key instanceof RecordKey.DeleteSubject delete) {
                subjectKey(generator, "DELETE_SUBJECT", delete.subject());
            } else if (key instanceof RecordKey.ClearSubject clear) {
                subjectKey(generator, "CLEAR_SUBJECT", clear.subject());
            } else {
                generator.writeStringField("keytype", "NOOP");
                generator.writeNumberField("magic", 0);
            }
            generator.writeEndObject();
        });
    }

    private static void subjectKey(JsonGenerator generator, String type, String subject) throws IOException {
        generator.writeStringField("keytype", type);
        if (subject != null) {
            generator.writeStringField("subject", subject);
        }
        generator.writeNumberField("magic", 0);
    }

    private static String subjectOf(RecordKey key) {
        if (key instanceof RecordKey.Config config) {
            return config.subject();
        }
        if (key instanceof RecordKey.Mode mode) {
            return mode.subject();
        }
        return null;
    }

    @Override
    public byte[] encodeValue(RecordKey key, RecordValue value) {
        if (value == null || value instanceof RecordValue.Noop) {
            return null;
        }
        String keySubject = subjectOf(key);
        return write(generator -> {
            generator.writeStartObject();
            if (value instanceof RecordValue.Schema schema) {
                writeSchema(generator, schema);
            } else if (value instanceof RecordValue.Config config) {
                if (keySubject != null) {
                    generator.writeStringField("subject", keySubject);
                }
                if (config.others() != null) {
                    config.others().fields().forEachRemaining(field -> writeField(generator, field.getKey(), field.getValue()));
                }
                if (config.level() != null) {
                    generator.writeStringField("compatibilityLevel", config.level().name());
                }
            } else if (value instanceof RecordValue.Mode mode) {
                if (keySubject != null) {
                    generator.writeStringField("subject", keySubject);
                }
                generator.writeStringField("mode", mode.mode().name());
            } else if (value instanceof RecordValue.DeleteSubject delete) {
                generator.writeStringField("subject", delete.subject());
                generator.writeNumberField("version", delete.version());
            } else if (value instanceof RecordValue.ClearSubject clear) {
                generator.writeStringField("subject", clear.subject());
            }
            generator.writeEndObject();
        });
    }

    private static void writeSchema(JsonGenerator generator, RecordValue.Schema schema) throws IOException {
        generator.writeStringField("subject", schema.subject());
        generator.writeNumberField("version", schema.version());
        generator.writeNumberField("id", schema.id());
        if (schema.type() != SchemaType.AVRO) {
            generator.writeStringField("schemaType", schema.type().name());
        }
        if (!schema.references().isEmpty()) {
            generator.writeArrayFieldStart("references");
            for (SchemaReference reference : schema.references()) {
                generator.writeStartObject();
                generator.writeStringField("name", reference.name());
                generator.writeStringField("subject", reference.subject());
                generator.writeNumberField("version", reference.version());
                generator.writeEndObject();
            }
            generator.writeEndArray();
        }
        if (schema.metadata() != null) {
            generator.writeFieldName("metadata");
            generator.writeTree(schema.metadata());
        }
        if (schema.ruleSet() != null) {
            generator.writeFieldName("ruleSet");
            generator.writeTree(schema.ruleSet());
        }
        generator.writeStringField("schema", schema.schema());
        generator.writeBooleanField("deleted", schema.deleted());
    }

    private static void writeField(JsonGenerator generator, String name, JsonNode value) {
        try {
            generator.writeFieldName(name);
            generator.writeTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RegistryRecord decode(byte[] keyBytes, byte[] valueBytes) {
        ParsedKey key = parseKey(keyBytes);
        if (key.type() == null) {
            throw new IllegalArgumentException("record key without keytype: " + new String(keyBytes, StandardCharsets.UTF_8));
        }
        String subject = key.subject();
        switch (key.type()) {
            case "SCHEMA":
                return new RegistryRecord(new RecordKey.Schema(subject, key.version()), valueBytes == null ? null : readSchema(valueBytes));
            case "CONFIG":
                return new RegistryRecord(new RecordKey.Config(subject), valueBytes == null ? null : readConfig(parse(valueBytes, "value")));
            case "MODE":
                return new RegistryRecord(new RecordKey.Mode(subject), valueBytes == null ? null : readMode(parse(valueBytes, "value")));
            case "DELETE_SUBJECT": {
                JsonNode value = valueBytes == null ? null : parse(valueBytes, "value");
                return new RegistryRecord(new RecordKey.DeleteSubject(subject), value == null ? null
                        : new RecordValue.DeleteSubject(text(value, "subject"), value.path("version").asInt()));
            }
            case "CLEAR_SUBJECT": {
                JsonNode value = valueBytes == null ? null : parse(valueBytes, "value");
                return new RegistryRecord(new RecordKey.ClearSubject(subject), value == null ? null
                        : new RecordValue.ClearSubject(text(value, "subject")));
            }
            default:
                return new RegistryRecord(new RecordKey.Noop(), null);
        }
    }

    /** The fields of a key. Keys are flat objects, read with a streaming parser: a restart reads every one. */
    private record ParsedKey(String type, String subject, int version) {
    }

    private static ParsedKey parseKey(byte[] bytes) {
        String type = null;
        String subject = null;
        int version = 0;
        try (JsonParser parser = JSON.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("record key is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "keytype" -> type = token == JsonToken.VALUE_NULL ? null : parser.getText();
                    case "subject" -> subject = token == JsonToken.VALUE_NULL ? null : parser.getText();
                    case "version" -> version = parser.getValueAsInt();
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("record key is not JSON: " + e.getMessage(), e);
        }
        return new ParsedKey(type, subject, version);
    }

    /** A schema value, read with a streaming parser: most of a log is made of them. */
    private static RecordValue.Schema readSchema(byte[] bytes) {
        String subject = null;
        String typeName = null;
        String schema = null;
        int version = 0;
        int id = 0;
        boolean deleted = false;
        List<SchemaReference> references = new ArrayList<>();
        ObjectNode metadata = null;
        ObjectNode ruleSet = null;
        try (JsonParser parser = JSON.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("schema record value is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "subject" -> subject = token == JsonToken.VALUE_NULL ? null : parser.getText();
                    case "version" -> version = parser.getValueAsInt();
                    case "id" -> id = parser.getValueAsInt();
                    case "schemaType" -> typeName = token == JsonToken.VALUE_NULL ? null : parser.getText();
                    case "schema" -> schema = token == JsonToken.VALUE_NULL ? null : parser.getText();
                    case "deleted" -> deleted = parser.getValueAsBoolean();
                    case "references" -> references = readReferences(parser.readValueAsTree());
                    case "metadata" -> metadata = asObject(parser.readValueAsTree());
                    case "ruleSet" -> ruleSet = asObject(parser.readValueAsTree());
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("record value is not JSON: " + e.getMessage(), e);
        }
        String name = typeName;
        SchemaType type = SchemaType.fromName(typeName).orElseThrow(() -> new IllegalArgumentException("unknown schemaType " + name));
        return new RecordValue.Schema(subject, version, id, type, schema, references, metadata, ruleSet, deleted);
    }

    private static List<SchemaReference> readReferences(Object tree) {
        List<SchemaReference> references = new ArrayList<>();
        if (tree instanceof JsonNode array) {
            for (JsonNode reference : array) {
                references.add(new SchemaReference(text(reference, "name"), text(reference, "subject"), reference.path("version").asInt()));
            }
        }
        return references;
    }

    private static ObjectNode asObject(Object tree) {
        return tree instanceof ObjectNode object ? object : null;
    }

    private static RecordValue.Config readConfig(JsonNode value) {
        ObjectNode others = value.isObject() ? ((ObjectNode) value).deepCopy() : JSON.createObjectNode();
        others.remove("subject"); // repeats the key's subject
        JsonNode level = others.remove("compatibilityLevel");
        CompatibilityLevel compatibility = level == null || level.isNull() ? null
                : CompatibilityLevel.fromName(level.asText())
                        .orElseThrow(() -> new IllegalArgumentException("unknown compatibilityLevel " + level));
        return new RecordValue.Config(compatibility, others.isEmpty() ? null : others);
    }

    private static RecordValue.Mode readMode(JsonNode value) {
        String name = text(value, "mode");
        return new RecordValue.Mode(RegistryMode.fromName(name).orElseThrow(() -> new IllegalArgumentException("unknown mode " + name)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode parse(byte[] bytes, String what) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("record " + what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private interface JsonWriter {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] write(JsonWriter writer) {
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256);
             JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            writer.write(generator);
            generator.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
