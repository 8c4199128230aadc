package io.ferry.serde.connect.json;

import static io.ferry.serde.connect.json.JsonSchemaNames.CONNECT_INDEX;
import static io.ferry.serde.connect.json.JsonSchemaNames.CONNECT_PARAMETERS;
import static io.ferry.serde.connect.json.JsonSchemaNames.CONNECT_TYPE;
import static io.ferry.serde.connect.json.JsonSchemaNames.CONNECT_VERSION;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;

/**
 * JSON Schema → Connect schema, reading what {@link ConnectToJsonSchema} (or Confluent's converter) writes and the
 * common shapes of hand-written schemas: {@code type} (a name, or a list of a name and {@code "null"}),
 * {@code connect.type} for the exact Connect type (integers without it are INT64, numbers FLOAT64), objects with
 * {@code properties} as structs ordered by {@code connect.index}, {@code oneOf}/{@code anyOf} of {@code null} and one
 * schema as that schema made optional (other unions as a {@code io.confluent.connect.json.OneOf} struct), enums as
 * strings with their symbols as parameters, local {@code $ref}s ({@code #/definitions/...}, {@code #/$defs/...}).
 * Stateless and thread-safe.
 */
final class JsonSchemaToConnect {
    private final JsonSchemaDataOptions options;
    private final JsonToConnectValue values;

    JsonSchemaToConnect(JsonSchemaDataOptions options, JsonToConnectValue values) {
        this.options = options;
        this.values = values;
    }

    /**
     * @param version the registry version, given to the top-level schema when it carries no {@code connect.version}
     * @throws DataException for what Connect cannot express (a schema without a type, an open {@code allOf},
     *                       a recursive reference)
     */
    Schema convert(JsonNode root, Integer version) {
        return convert(new Context(root), root, version, false);
    }

    private record Context(JsonNode root, Set<String> resolving) {
        Context(JsonNode root) {
            this(root, new HashSet<>());
        }
    }

    private Schema convert(Context ctx, JsonNode schema, Integer version, boolean forceOptional) {
        if (schema.has("$ref")) {
            return reference(ctx, schema, version, forceOptional);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return union(ctx, schema, schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf"), version, forceOptional);
        }
        if (schema.has("allOf")) {
            return allOf(ctx, schema, version, forceOptional);
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            return typeList(ctx, schema, version, forceOptional);
        }
        SchemaBuilder builder = builderFor(ctx, schema, typeOf(schema));
        describe(schema, builder, version);
        if (forceOptional) {
            builder.optional();
        }
        return builder.build();
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        } else if (schema.has("enum") || schema.has("const")) {
            return "string";
        } else if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        } else if (schema.has("items")) {
            return "array";
        }
        throw new DataException("Cannot map a JSON Schema without a type to a Connect schema: " + schema);
    }

    private SchemaBuilder builderFor(Context ctx, JsonNode schema, String type) {
        String connectType = text(schema, CONNECT_TYPE);
        return switch (type) {
            case "boolean" -> SchemaBuilder.bool();
            case "integer", "number" -> number(type, connectType);
            case "string" -> JsonSchemaNames.TYPE_BYTES.equals(connectType) ? SchemaBuilder.bytes() : string(schema);
            case "array" -> array(ctx, schema, connectType);
            case "object" -> JsonSchemaNames.TYPE_MAP.equals(connectType)
                    ? SchemaBuilder.map(Schema.STRING_SCHEMA, convert(ctx, required(schema, "additionalProperties"), null, false))
                    : struct(ctx, schema);
            default -> throw new DataException("Cannot map JSON Schema type '" + type + "' to a Connect schema");
        };
    }

    private static SchemaBuilder number(String type, String connectType) {
        if (connectType == null) {
            return "integer".equals(type) ? SchemaBuilder.int64() : SchemaBuilder.float64();
        }
        return switch (connectType) {
            case "int8" -> SchemaBuilder.int8();
            case "int16" -> SchemaBuilder.int16();
            case "int32" -> SchemaBuilder.int32();
            case "int64" -> SchemaBuilder.int64();
            case "float32" -> SchemaBuilder.float32();
            case "float64" -> SchemaBuilder.float64();
            case JsonSchemaNames.TYPE_BYTES -> SchemaBuilder.bytes();
            default -> throw new DataException("Unsupported connect.type '" + connectType + "' for a JSON " + type);
        };
    }

    private static SchemaBuilder string(JsonNode schema) {
        SchemaBuilder builder = SchemaBuilder.string();
        JsonNode symbols = schema.get("enum");
        if (symbols != null && symbols.isArray()) {
            // JSON enums have no name of their own: an empty value marks the string as an enum, as Confluent does.
            builder.parameter(JsonSchemaNames.ENUM, "");
            for (JsonNode symbol : symbols) {
                builder.parameter(JsonSchemaNames.ENUM + "." + symbol.asText(), symbol.asText());
            }
        }
        return builder;
    }

    private SchemaBuilder array(Context ctx, JsonNode schema, String connectType) {
        JsonNode items = schema.get("items");
        if (items == null || !items.isObject()) {
            throw new DataException("Array schema did not specify the items type: " + schema);
        }
        if (JsonSchemaNames.TYPE_MAP.equals(connectType) && items.has("properties")) {
            JsonNode entry = items.get("properties");
            return SchemaBuilder.map(convert(ctx, required(entry, JsonSchemaNames.KEY), null, false),
                    convert(ctx, required(entry, JsonSchemaNames.VALUE), null, false));
        }
        return SchemaBuilder.array(convert(ctx, items, null, false));
    }

    private SchemaBuilder struct(Context ctx, JsonNode schema) {
        SchemaBuilder builder = SchemaBuilder.struct();
        JsonNode properties = schema.get("properties");
        if (properties == null) {
            return builder;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        TreeMap<Integer, Map.Entry<String, JsonNode>> ordered = new TreeMap<>();
        List<Map.Entry<String, JsonNode>> unindexed = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode index = property.getValue().get(CONNECT_INDEX);
            if (index != null && index.canConvertToInt() && !ordered.containsKey(index.asInt())) {
                ordered.put(index.asInt(), property);
            } else {
                unindexed.add(property);
            }
        }
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(ordered.values());
        fields.addAll(unindexed);
        for (Map.Entry<String, JsonNode> field : fields) {
            boolean optional = options.optionalForNonRequired() && !required.contains(field.getKey());
            builder.field(field.getKey(), convert(ctx, field.getValue(), null, optional));
        }
        return builder;
    }

    private Schema union(Context ctx, JsonNode schema, JsonNode branches, Integer version, boolean forceOptional) {
        List<JsonNode> nonNull = new ArrayList<>();
        boolean hasNull = false;
        for (JsonNode branch : branches) {
            if ("null".equals(text(branch, "type")) && branch.size() == 1) {
                hasNull = true;
            } else {
                nonNull.add(branch);
            }
        }
        if (hasNull && nonNull.size() == 1) {
            return convert(ctx, nonNull.get(0), version, true);
        }
        SchemaBuilder builder = SchemaBuilder.struct().name(JsonSchemaNames.ONE_OF);
        int index = 0;
        for (JsonNode branch : nonNull) {
            builder.field(JsonSchemaNames.ONE_OF_FIELD_PREFIX + index++, convert(ctx, branch, null, true));
        }
        if (hasNull || forceOptional) {
            builder.optional();
        }
        return builder.build();
    }

    /** {@code "type": ["string", "null"]}: the one type, optional. */
    private Schema typeList(Context ctx, JsonNode schema, Integer version, boolean forceOptional) {
        List<String> types = new ArrayList<>();
        schema.get("type").forEach(type -> types.add(type.asText()));
        boolean optional = types.remove("null") || forceOptional;
        if (types.size() != 1) {
            throw new DataException("Cannot map a JSON Schema of several types " + schema.get("type") + " to a Connect schema");
        }
        SchemaBuilder builder = builderFor(ctx, schema, types.get(0));
        describe(schema, builder, version);
        if (optional) {
            builder.optional();
        }
        return builder.build();
    }

    /** An {@code allOf} of one typed schema and keywords that only narrow it (enum, const, format): the typed one. */
    private Schema allOf(Context ctx, JsonNode schema, Integer version, boolean forceOptional) {
        JsonNode typed = null;
        for (JsonNode branch : schema.get("allOf")) {
            if (branch.has("type") || branch.has("$ref") || branch.has("properties")) {
                if (typed != null) {
                    throw new DataException("Cannot map an allOf of several typed schemas to a Connect schema: " + schema);
                }
                typed = branch;
            }
        }
        if (typed == null) {
            throw new DataException("Cannot map an allOf without a typed schema to a Connect schema: " + schema);
        }
        return convert(ctx, typed, version, forceOptional);
    }

    private Schema reference(Context ctx, JsonNode schema, Integer version, boolean forceOptional) {
        String ref = schema.get("$ref").asText();
        if (!ref.startsWith("#")) {
            throw new DataException("Cannot resolve the reference '" + ref + "': only references within the schema are supported");
        }
        JsonNode target = ctx.root().at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new DataException("The reference '" + ref + "' points at nothing in the schema");
        }
        if (!ctx.resolving().add(ref)) {
            throw new DataException("Cannot map the recursive reference '" + ref + "' to a Connect schema");
        }
        try {
            return convert(ctx, target, version, forceOptional);
        } finally {
            ctx.resolving().remove(ref);
        }
    }

    private void describe(JsonNode schema, SchemaBuilder builder, Integer version) {
        String title = text(schema, "title");
        if (title != null) {
            builder.name(title);
        }
        JsonNode connectVersion = schema.get(CONNECT_VERSION);
        if (connectVersion != null && connectVersion.canConvertToInt()) {
            builder.version(connectVersion.asInt());
        } else if (version != null) {
            builder.version(version);
        }
        String description = text(schema, "description");
        if (description != null) {
            builder.doc(description);
        }
        JsonNode parameters = schema.get(CONNECT_PARAMETERS);
        if (parameters != null && parameters.isObject()) {
            parameters.fields().forEachRemaining(p -> builder.parameter(p.getKey(), p.getValue().asText()));
        }
        if (schema.has("default") && !schema.get("default").isNull()) {
            builder.defaultValue(values.convert(builder, schema.get("default")));
        }
    }

    private static JsonNode required(JsonNode schema, String key) {
        JsonNode value = schema.get(key);
        if (value == null || !value.isObject()) {
            throw new DataException("Expected a schema in '" + key + "' of " + schema);
        }
        return value;
    }

    private static String text(JsonNode schema, String key) {
        JsonNode value = schema.get(key);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
