package io.ferry.serde.connect;

import static io.ferry.serde.connect.ConnectAvroNames.*;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.avro.util.internal.JacksonUtils;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Connect schema of an Avro schema, reading back what {@link ConnectToAvroSchema} writes
 * ({@code connect.*} properties, logical types, {@code MapEntry} arrays) and mapping any other Avro schema as
 * Confluent's converter does: enums to strings with their symbols as parameters, unions other than
 * {@code [null, T]} to {@code io.confluent.connect.avro.Union} structs, fixed to bytes. Recursive Avro
 * schemas are refused. Stateless and thread-safe.
 */
final class AvroToConnectSchema {
    private static final Logger log = LoggerFactory.getLogger(AvroToConnectSchema.class);
    private static final org.apache.avro.Schema NULL = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL);

    private final AvroDataOptions options;
    private final ConnectDefaults defaults;
    private final AvroToConnectValue values;

    AvroToConnectSchema(AvroDataOptions options, AvroToConnectValue values) {
        this.options = options;
        this.defaults = new ConnectDefaults(options);
        this.values = values;
    }

    /** @param version the registry version, used when the schema carries no {@code connect.version}; may be null */
    Schema convert(org.apache.avro.Schema schema, Integer version) {
        return convert(schema, false, null, null, version, new HashSet<>());
    }

    private Schema convert(org.apache.avro.Schema schema, boolean forceOptional, Object fieldDefault, String doc, Integer version,
                           Set<org.apache.avro.Schema> enclosing) {
        String connectType = schema.getProp(CONNECT_TYPE);
        String logicalType = schema.getProp(LOGICAL_TYPE);
        SchemaBuilder builder;
        switch (schema.getType()) {
            case BOOLEAN -> builder = SchemaBuilder.bool();
            case BYTES, FIXED -> builder = bytes(schema, logicalType);
            case DOUBLE -> builder = SchemaBuilder.float64();
            case FLOAT -> builder = SchemaBuilder.float32();
            case INT -> builder = integer(connectType, logicalType);
            case LONG -> builder = LOGICAL_TIMESTAMP_MILLIS.equalsIgnoreCase(logicalType) ? Timestamp.builder() : SchemaBuilder.int64();
            case STRING -> builder = SchemaBuilder.string();
            case ARRAY -> builder = array(schema, enclosing);
            case MAP -> builder = SchemaBuilder.map(Schema.STRING_SCHEMA, convert(schema.getValueType(), false, null, null, null, enclosing));
            case RECORD -> builder = record(schema, enclosing);
            case ENUM -> builder = enumeration(schema);
            case UNION -> {
                Schema simplified = simpleUnion(schema, doc, enclosing);
                if (simplified != null) {
                    return simplified;
                }
                builder = union(schema, enclosing);
            }
            case NULL -> throw new DataException("Standalone null schemas are not supported by this converter");
            default -> throw new DataException("Couldn't translate unsupported schema type " + schema.getType().getName() + ".");
        }
        applyMetadata(schema, builder, fieldDefault, version);
        if (forceOptional) {
            builder.optional();
        }
        return builder.build();
    }

    private static SchemaBuilder bytes(org.apache.avro.Schema schema, String logicalType) {
        SchemaBuilder builder;
        if (LOGICAL_DECIMAL.equalsIgnoreCase(logicalType)) {
            Object scale = schema.getObjectProp("scale");
            builder = Decimal.builder(scale instanceof Number number ? number.intValue() : 0);
            Object precision = schema.getObjectProp("precision");
            if (precision != null) {
                if (!(precision instanceof Number number)) {
                    throw new DataException("precision property must be a JSON Integer. https://avro.apache.org/docs/1.9.1/spec.html#Decimal");
                }
                if (number.intValue() != DECIMAL_PRECISION_DEFAULT) {
                    builder.parameter(DECIMAL_PRECISION, String.valueOf(number.intValue()));
                }
            }
        } else {
            builder = SchemaBuilder.bytes();
        }
        if (schema.getType() == org.apache.avro.Schema.Type.FIXED) {
            builder.parameter(FIXED_SIZE, String.valueOf(schema.getFixedSize()));
        }
        return builder;
    }

    private static SchemaBuilder integer(String connectType, String logicalType) {
        if (connectType == null && logicalType == null) {
            return SchemaBuilder.int32();
        }
        if (logicalType != null) {
            if (LOGICAL_DATE.equalsIgnoreCase(logicalType)) {
                return Date.builder();
            } else if (LOGICAL_TIME_MILLIS.equalsIgnoreCase(logicalType)) {
                return Time.builder();
            }
            return SchemaBuilder.int32();
        }
        return switch (connectType) {
            case CONNECT_TYPE_INT8 -> SchemaBuilder.int8();
            case CONNECT_TYPE_INT16 -> SchemaBuilder.int16();
            default -> throw new DataException("Connect type annotation for Avro int field is null");
        };
    }

    private SchemaBuilder array(org.apache.avro.Schema schema, Set<org.apache.avro.Schema> enclosing) {
        org.apache.avro.Schema element = schema.getElementType();
        if (isMapEntry(element)) {
            if (element.getFields().size() != 2 || element.getField(KEY_FIELD) == null || element.getField(VALUE_FIELD) == null) {
                throw new DataException("Found map encoded as array of key-value pairs, but array elements do not match the expected format.");
            }
            return SchemaBuilder.map(convert(element.getField(KEY_FIELD).schema(), false, null, null, null, enclosing),
                    convert(element.getField(VALUE_FIELD).schema(), false, null, null, null, enclosing));
        }
        return SchemaBuilder.array(convert(element, false, null, null, null, enclosing));
    }

    private static boolean isMapEntry(org.apache.avro.Schema element) {
        return element.getType() == org.apache.avro.Schema.Type.RECORD
                && (NAMESPACE.equals(element.getNamespace()) && MAP_ENTRY_TYPE_NAME.equals(element.getName())
                || MAP_ENTRY_TYPE_NAME.equals(element.getProp(CONNECT_INTERNAL_TYPE)));
    }

    private SchemaBuilder record(org.apache.avro.Schema schema, Set<org.apache.avro.Schema> enclosing) {
        if (!enclosing.add(schema)) {
            throw new DataException("Recursive Avro schema " + schema.getFullName() + " is not supported by Ferry's converter");
        }
        SchemaBuilder builder = SchemaBuilder.struct();
        if (options.connectMetaData() && schema.getDoc() != null) {
            builder.parameter(AVRO_RECORD_DOC, schema.getDoc());
        }
        for (org.apache.avro.Schema.Field field : schema.getFields()) {
            if (options.connectMetaData() && field.doc() != null) {
                builder.parameter(AVRO_FIELD_DOC_PREFIX + field.name(), field.doc());
            }
            Object fieldDefault = null;
            try {
                fieldDefault = field.defaultVal();
            } catch (RuntimeException e) {
                log.warn("Ignoring invalid default for field {}", field, e);
            }
            builder.field(field.name(), convert(field.schema(), false, fieldDefault, field.doc(), null, enclosing));
        }
        enclosing.remove(schema);
        return builder;
    }

    private SchemaBuilder enumeration(org.apache.avro.Schema schema) {
        SchemaBuilder builder = SchemaBuilder.string();
        if (options.connectMetaData()) {
            if (schema.getDoc() != null) {
                builder.parameter(AVRO_ENUM_DOC_PREFIX + schema.getName(), schema.getDoc());
            }
            if (schema.getEnumDefault() != null) {
                builder.parameter(AVRO_ENUM_DEFAULT_PREFIX + schema.getName(), schema.getEnumDefault());
            }
        }
        builder.parameter(AVRO_TYPE_ENUM, schema.getFullName());
        for (String symbol : schema.getEnumSymbols()) {
            builder.parameter(AVRO_TYPE_ENUM + "." + symbol, symbol);
        }
        return builder;
    }

    /** A union of one branch (when flattened) or of null and one branch: that branch's schema, optional for the latter. */
    private Schema simpleUnion(org.apache.avro.Schema schema, String doc, Set<org.apache.avro.Schema> enclosing) {
        if (schema.getTypes().size() == 1 && options.flattenSingletonUnion()) {
            return convert(schema.getTypes().get(0), false, null, doc, null, enclosing);
        }
        if (schema.getTypes().size() == 2 && schema.getTypes().contains(NULL)) {
            for (org.apache.avro.Schema branch : schema.getTypes()) {
                if (!branch.equals(NULL)) {
                    return convert(branch, true, null, doc, null, enclosing);
                }
            }
        }
        return null;
    }

    private SchemaBuilder union(org.apache.avro.Schema schema, Set<org.apache.avro.Schema> enclosing) {
        SchemaBuilder builder = SchemaBuilder.struct().name(AVRO_TYPE_UNION);
        Set<String> names = new HashSet<>();
        for (org.apache.avro.Schema branch : schema.getTypes()) {
            if (branch.getType() == org.apache.avro.Schema.Type.NULL) {
                builder.optional();
                continue;
            }
            String name = ConnectUnions.branchName(branch, options.enhancedSchemaSupport());
            if (!names.add(name)) {
                throw new DataException("Multiple union schemas map to the Connect union field name");
            }
            builder.field(name, convert(branch, true, null, null, null, enclosing));
        }
        return builder;
    }

    @SuppressWarnings("unchecked")
    private void applyMetadata(org.apache.avro.Schema schema, SchemaBuilder builder, Object fieldDefault, Integer version) {
        String doc = schema.getProp(CONNECT_DOC);
        if (options.connectMetaData() && doc != null) {
            builder.doc(doc);
        }
        int versionNumber = -1;
        Object versionProp = schema.getObjectProp(CONNECT_VERSION);
        if (versionProp != null) {
            if (!(versionProp instanceof Number number)) {
                throw new DataException("Invalid Connect version found: " + versionProp);
            }
            versionNumber = number.intValue();
        } else if (version != null) {
            versionNumber = version;
        }
        if (versionNumber >= 0) {
            if (builder.version() == null) {
                builder.version(versionNumber);
            } else if (builder.version() != versionNumber) {
                throw new DataException("Mismatched versions: version already added to SchemaBuilder (" + builder.version()
                        + ") differs from version in source schema (" + versionNumber + ")");
            }
        }
        Object parameters = schema.getObjectProp(CONNECT_PARAMETERS);
        if (options.connectMetaData() && parameters != null) {
            if (!(parameters instanceof Map)) {
                throw new DataException("Expected JSON object for schema parameters but found: " + parameters);
            }
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) parameters).entrySet()) {
                if (!(entry.getValue() instanceof String text)) {
                    throw new DataException("Expected schema parameter values to be strings but found: " + entry.getValue());
                }
                builder.parameter(entry.getKey(), text);
            }
        }
        for (Map.Entry<String, Object> entry : schema.getObjectProps().entrySet()) {
            if (entry.getKey().startsWith(AVRO_PROP_PREFIX)) {
                builder.parameter(entry.getKey(), entry.getValue().toString());
            }
        }
        applyDefault(schema, builder, fieldDefault);
        applyName(schema, builder);
    }

    private void applyDefault(org.apache.avro.Schema schema, SchemaBuilder builder, Object fieldDefault) {
        Object connectDefault = schema.getObjectProp(CONNECT_DEFAULT);
        Object defaultValue = fieldDefault;
        if (defaultValue == null) {
            defaultValue = JacksonUtils.toJsonNode(connectDefault);
        } else if (options.connectMetaData() && connectDefault == null) {
            builder.parameter(AVRO_FIELD_DEFAULT_FLAG, "true");
        }
        if (defaultValue != null) {
            try {
                builder.defaultValue(defaults.fromAvro(builder, schema, defaultValue, values));
            } catch (DataException e) {
                log.warn("Ignoring invalid default for schema {}", schema.getName(), e);
            }
        }
    }

    private static void applyName(org.apache.avro.Schema schema, SchemaBuilder builder) {
        Object connectName = schema.getObjectProp(CONNECT_NAME);
        String name = null;
        if (connectName != null) {
            if (!(connectName instanceof String text)) {
                throw new DataException("Invalid schema name: " + connectName);
            }
            name = text;
        } else if (schema.getType() == org.apache.avro.Schema.Type.RECORD || schema.getType() == org.apache.avro.Schema.Type.ENUM
                || schema.getType() == org.apache.avro.Schema.Type.FIXED) {
            name = schema.getFullName();
        }
        if (name != null && !name.startsWith(DEFAULT_SCHEMA_FULL_NAME)) {
            if (builder.name() == null) {
                builder.name(name);
            } else if (!name.equals(builder.name())) {
                throw new DataException("Mismatched names: name already added to SchemaBuilder (" + builder.name()
                        + ") differs from name in source schema (" + name + ")");
            }
        }
    }
}
