package io.ferry.serde.jsonschema;

import java.util.Calendar;
import java.util.Date;
import java.util.Map;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;

/**
 * The schemas of the types Confluent's serializer writes inline rather than as definitions, in the form it writes
 * them: a map is {@code {"type":"object","additionalProperties":<value schema>}}, an enum
 * {@code {"type":"string","enum":[<the values Jackson writes>]}}, a {@link Date} or {@link Calendar} an integer of
 * epoch milliseconds or, with {@code json.write.dates.iso8601}, a date-time string, a {@code java.time} value an
 * ISO 8601 string ({@link JavaTimeTypes}).
 */
final class DerivedTypeDefinitions implements CustomDefinitionProviderV2 {
    private final ObjectMapper mapper;
    private final boolean isoDates;
    private final JsonSchemaSpecVersion spec;

    DerivedTypeDefinitions(ObjectMapper mapper, PojoSchemaOptions options) {
        this.mapper = mapper;
        this.isoDates = options.isoDates();
        this.spec = options.spec();
    }

    @Override
    public CustomDefinition provideCustomSchemaDefinition(ResolvedType type, SchemaGenerationContext context) {
        ObjectNode node = context.getGeneratorConfig().createObjectNode();
        if (JavaTimeTypes.isStringType(type.getErasedType())) {
            JavaTimeTypes.describe(type.getErasedType(), spec, node);
        } else if (type.isInstanceOf(Date.class) || type.isInstanceOf(Calendar.class)) {
            node.put("type", isoDates ? "string" : "integer");
            node.put("format", isoDates ? "date-time" : "utc-millisec");
        } else if (type.isInstanceOf(Map.class)) {
            ResolvedType values = context.getTypeContext().getTypeParameterFor(type, Map.class, 1);
            node.put("type", "object");
            node.set("additionalProperties", values == null || values.getErasedType() == Object.class
                    ? context.getGeneratorConfig().createObjectNode() : context.createDefinitionReference(values));
        } else if (type.isInstanceOf(Enum.class) && type.getErasedType().isEnum()) {
            node.put("type", "string");
            ArrayNode symbols = node.putArray("enum");
            for (Object constant : type.getErasedType().getEnumConstants()) {
                symbols.add(mapper.valueToTree(constant));
            }
        } else {
            return null;
        }
        return new CustomDefinition(node, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO);
    }
}
