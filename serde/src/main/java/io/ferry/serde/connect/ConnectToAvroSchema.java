package io.ferry.serde.connect;

import static io.ferry.serde.connect.ConnectAvroNames.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.AvroTypeException;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.util.internal.JacksonUtils;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Avro schema of a Connect schema, as Confluent's converter does — the same types, names,
 * properties and property order, so that the schema text (and therefore the registry id) is the same.
 * One instance converts one top-level schema; not thread-safe.
 */
final class ConnectToAvroSchema {
    private static final Logger log = LoggerFactory.getLogger(ConnectToAvroSchema.class);

    private final AvroDataOptions options;
    private final ConnectDefaults defaults;
    /** Avro schemas already built for non-optional Connect schemas: a named type is defined once and then referenced. */
    private final Map<Schema, org.apache.avro.Schema> built = new HashMap<>();
    private int defaultNames;

    ConnectToAvroSchema(AvroDataOptions options) {
        this.options = options;
        this.defaults = new ConnectDefaults(options);
    }

    org.apache.avro.Schema convert(Schema schema) {
        return convert(schema, false);
    }

    private org.apache.avro.Schema convert(Schema schema, boolean ignoreOptional) {
        if (!ConnectUnions.isUnion(schema) && !schema.isOptional()) {
            org.apache.avro.Schema known = built.get(schema);
            if (known != null) {
                return known;
            }
        }
        String connectType = null;
        org.apache.avro.Schema base;
        switch (schema.type()) {
            case INT8 -> {
                connectType = CONNECT_TYPE_INT8;
                base = SchemaBuilder.builder().intType();
            }
            case INT16 -> {
                connectType = CONNECT_TYPE_INT16;
                base = SchemaBuilder.builder().intType();
            }
            case INT32 -> base = SchemaBuilder.builder().intType();
            case INT64 -> base = SchemaBuilder.builder().longType();
            case FLOAT32 -> base = SchemaBuilder.builder().floatType();
            case FLOAT64 -> base = SchemaBuilder.builder().doubleType();
            case BOOLEAN -> base = SchemaBuilder.builder().booleanType();
            case STRING -> base = stringOrEnum(schema);
            case BYTES -> base = bytesOrFixed(schema);
            case ARRAY -> base = SchemaBuilder.builder().array().items(convert(schema.valueSchema(), false));
            case MAP -> base = map(schema);
            case STRUCT -> base = struct(schema);
            default -> throw new DataException("Unknown schema type: " + schema.type());
        }
        org.apache.avro.Schema result = base;
        if (base.getType() != org.apache.avro.Schema.Type.UNION) {
            addMetadata(schema, base, connectType);
            if (!ignoreOptional) {
                result = optional(schema, base);
            }
        }
        if (!schema.isOptional()) {
            built.put(schema, result);
        }
        return result;
    }

    private org.apache.avro.Schema stringOrEnum(Schema schema) {
        Map<String, String> params = schema.parameters();
        if (options.enhancedSchemaSupport() && params != null && params.containsKey(AVRO_TYPE_ENUM)) {
            List<String> symbols = new ArrayList<>();
            for (String key : params.keySet()) {
                if (key.startsWith(AVRO_TYPE_ENUM + ".")) {
                    symbols.add(key.substring(AVRO_TYPE_ENUM.length() + 1));
                }
            }
            String name = nameOrDefault(schema.name())[1];
            return SchemaBuilder.builder().enumeration(params.get(AVRO_TYPE_ENUM))
                    .doc(params.get(AVRO_ENUM_DOC_PREFIX + name))
                    .defaultSymbol(params.get(AVRO_ENUM_DEFAULT_PREFIX + name))
                    .symbols(symbols.toArray(new String[0]));
        }
        return SchemaBuilder.builder().stringType();
    }

    private org.apache.avro.Schema bytesOrFixed(Schema schema) {
        org.apache.avro.Schema base;
        if (ConnectUnions.isFixed(schema)) {
            String[] names = nameOrDefault(schema.name());
            base = SchemaBuilder.builder().fixed(names[1]).namespace(names[0])
                    .size(Integer.parseInt(schema.parameters().get(FIXED_SIZE)));
        } else {
            base = SchemaBuilder.builder().bytesType();
        }
        if (Decimal.LOGICAL_NAME.equalsIgnoreCase(schema.name())) {
            base.addProp("scale", JsonNodeFactory.instance.numberNode(Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD))));
            String precision = schema.parameters().get(DECIMAL_PRECISION);
            base.addProp("precision", JsonNodeFactory.instance.numberNode(
                    precision != null ? Integer.parseInt(precision) : DECIMAL_PRECISION_DEFAULT));
        }
        return base;
    }

    private org.apache.avro.Schema map(Schema schema) {
        if (isStringKeyed(schema)) {
            return SchemaBuilder.builder().map().values(convert(schema.valueSchema(), false));
        }
        org.apache.avro.Schema entry;
        if (schema.name() == null) {
            entry = org.apache.avro.Schema.createRecord(MAP_ENTRY_TYPE_NAME, null, NAMESPACE, false);
        } else {
            String[] names = nameOrDefault(schema.name());
            entry = org.apache.avro.Schema.createRecord(names[1], null, names[0], false);
            entry.addProp(CONNECT_INTERNAL_TYPE, MAP_ENTRY_TYPE_NAME);
        }
        List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
        fields.add(field(KEY_FIELD, schema.keySchema(), null));
        fields.add(field(VALUE_FIELD, schema.valueSchema(), null));
        entry.setFields(fields);
        return org.apache.avro.Schema.createArray(entry);
    }

    boolean isStringKeyed(Schema map) {
        return map.keySchema().type() == Schema.Type.STRING && (!map.keySchema().isOptional() || options.allowOptionalMapKeys());
    }

    private org.apache.avro.Schema struct(Schema schema) {
        if (ConnectUnions.isUnion(schema)) {
            List<org.apache.avro.Schema> branches = new ArrayList<>();
            if (schema.isOptional()) {
                branches.add(SchemaBuilder.builder().nullType());
            }
            for (Field field : schema.fields()) {
                branches.add(convert(ConnectUnions.nonOptional(field.schema()), true));
            }
            return org.apache.avro.Schema.createUnion(branches);
        }
        if (schema.isOptional()) {
            return org.apache.avro.Schema.createUnion(List.of(SchemaBuilder.builder().nullType(),
                    convert(ConnectUnions.nonOptional(schema), false)));
        }
        String[] names = nameOrDefault(schema.name());
        Map<String, String> params = schema.parameters();
        org.apache.avro.Schema record = org.apache.avro.Schema.createRecord(names[1],
                params != null ? params.get(AVRO_RECORD_DOC) : null, names[0], false);
        List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
        for (Field field : schema.fields()) {
            String doc = params != null ? params.get(AVRO_FIELD_DOC_PREFIX + field.name()) : null;
            fields.add(field(AvroNames.scrub(field.name(), options.scrubInvalidNames()), field.schema(), doc));
        }
        record.setFields(fields);
        return record;
    }

    private org.apache.avro.Schema.Field field(String name, Schema fieldSchema, String doc) {
        Object defaultValue = null;
        if (fieldSchema.defaultValue() != null) {
            defaultValue = JacksonUtils.toObject(defaults.toAvro(fieldSchema, fieldSchema.defaultValue()));
        } else if (fieldSchema.isOptional()) {
            defaultValue = JsonProperties.NULL_VALUE;
        }
        org.apache.avro.Schema avro = convert(fieldSchema, false);
        try {
            return new org.apache.avro.Schema.Field(name, avro, doc, defaultValue);
        } catch (AvroTypeException e) {
            log.warn("Ignoring invalid default for field {}", name, e);
            return new org.apache.avro.Schema.Field(name, avro, doc);
        }
    }

    /** connect.doc, connect.version, connect.parameters, connect.default, connect.name, connect.type, logical types, avro.*. */
    private void addMetadata(Schema schema, org.apache.avro.Schema base, String connectType) {
        if (options.connectMetaData()) {
            if (schema.doc() != null) {
                base.addProp(CONNECT_DOC, schema.doc());
            }
            if (schema.version() != null) {
                base.addProp(CONNECT_VERSION, JsonNodeFactory.instance.numberNode(schema.version()));
            }
            if (schema.parameters() != null) {
                ObjectNode params = JsonNodeFactory.instance.objectNode();
                schema.parameters().forEach((key, value) -> {
                    if (!key.equals(AVRO_FIELD_DEFAULT_FLAG)) {
                        params.put(key, value);
                    }
                });
                if (!params.isEmpty()) {
                    base.addProp(CONNECT_PARAMETERS, params);
                }
            }
            if (schema.defaultValue() != null
                    && (schema.parameters() == null || !schema.parameters().containsKey(AVRO_FIELD_DEFAULT_FLAG))) {
                base.addProp(CONNECT_DEFAULT, defaults.toAvro(schema, schema.defaultValue()));
            }
            if (schema.name() != null) {
                base.addProp(CONNECT_NAME, schema.name());
            }
            if (connectType != null) {
                base.addProp(CONNECT_TYPE, connectType);
            }
        }
        addLogicalType(schema, base);
        if (schema.parameters() != null) {
            schema.parameters().forEach((key, value) -> {
                if (key.startsWith(AVRO_PROP_PREFIX)) {
                    base.addProp(key, value);
                }
            });
        }
    }

    private static void addLogicalType(Schema schema, org.apache.avro.Schema base) {
        if (schema.name() == null) {
            return;
        }
        if (Decimal.LOGICAL_NAME.equalsIgnoreCase(schema.name())) {
            String precisionText = schema.parameters().get(DECIMAL_PRECISION);
            String scaleText = schema.parameters().get(Decimal.SCALE_FIELD);
            int precision = precisionText == null ? DECIMAL_PRECISION_DEFAULT : Integer.parseInt(precisionText);
            int scale = scaleText == null ? 0 : Integer.parseInt(scaleText);
            // Avro's decimal requires 0 <= scale <= precision; other decimals keep only the plain property.
            boolean legacy = scale < 0 || scale > precision;
            if (!legacy) {
                LogicalTypes.decimal(precision, scale).addToSchema(base);
            }
            if (precisionText != null || legacy) {
                base.addProp(LOGICAL_TYPE, LOGICAL_DECIMAL);
            }
        } else if (Time.LOGICAL_NAME.equalsIgnoreCase(schema.name())) {
            LogicalTypes.timeMillis().addToSchema(base);
        } else if (Timestamp.LOGICAL_NAME.equalsIgnoreCase(schema.name())) {
            LogicalTypes.timestampMillis().addToSchema(base);
        } else if (Date.LOGICAL_NAME.equalsIgnoreCase(schema.name())) {
            LogicalTypes.date().addToSchema(base);
        }
    }

    /** An optional Connect schema is a union with null: null first, unless the schema has a default, which Avro wants first. */
    private static org.apache.avro.Schema optional(Schema schema, org.apache.avro.Schema base) {
        if (!schema.isOptional()) {
            return base;
        }
        org.apache.avro.Schema nullType = SchemaBuilder.builder().nullType();
        return org.apache.avro.Schema.createUnion(schema.defaultValue() != null ? List.of(base, nullType) : List.of(nullType, base));
    }

    private String[] nameOrDefault(String name) {
        if (name != null) {
            return AvroNames.split(name, options.scrubInvalidNames());
        }
        int index = ++defaultNames;
        return new String[] {NAMESPACE, DEFAULT_SCHEMA_NAME + (index > 1 ? index : "")};
    }

}
