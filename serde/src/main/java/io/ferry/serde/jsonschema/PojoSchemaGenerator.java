package io.ferry.serde.jsonschema;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Derives the JSON Schema of a Java class the way Confluent's serializer does, so a POJO producer registers the
 * same schema with Ferry's serializer as with Confluent's: properties as Jackson writes them (names, order and
 * exclusions from Jackson's annotations), primitives required, other properties optional (a {@code oneOf} with
 * {@code null} unless told otherwise), nested classes under {@code definitions}, the root titled after the class.
 * A class annotated with {@link Schema} has that schema instead. Each class is derived once. Thread-safe.
 */
public final class PojoSchemaGenerator {
    private final PojoSchemaOptions options;
    private final ObjectMapper mapper;
    private final SchemaGenerator generator;
    private final ConcurrentHashMap<Class<?>, ParsedJsonSchema> derived = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Class<?>, List<String>> orders = new ConcurrentHashMap<>();

    public PojoSchemaGenerator(PojoSchemaOptions options) {
        this.options = options;
        this.mapper = options.mapper();
        this.generator = new SchemaGenerator(config().build());
    }

    /** The mapper instances are written with, so documents match their derived schemas (dates, inclusion). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * The schema of a class: its {@link Schema} annotation's, or the one derived from it.
     *
     * @throws SerializationException when the annotation is invalid or the class cannot be described
     */
    public ParsedJsonSchema schemaOf(Class<?> type) {
        return derived.computeIfAbsent(type, this::describe);
    }

    private ParsedJsonSchema describe(Class<?> type) {
        Schema annotation = type.getAnnotation(Schema.class);
        if (annotation != null) {
            if (annotation.refs().length > 0) {
                throw new SerializationException("Cannot use the @Schema of " + type.getName() + ": it refers to other "
                        + "schemas (" + Arrays.toString(Arrays.stream(annotation.refs()).map(SchemaReference::name).toArray())
                        + ") and the JSON Schema serializer does not resolve schema references");
            }
            return ParsedJsonSchema.parse(annotation.value());
        }
        try {
            ObjectNode schema = generator.generateSchema(type);
            return ParsedJsonSchema.of(new DerivedSchemaShaper(options).shape(schema, type));
        } catch (RuntimeException e) {
            throw new SerializationException("Cannot derive a JSON Schema from " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private SchemaGeneratorConfigBuilder config() {
        // For what a class can express, drafts 4 to 2019-09 share draft 7's keywords (single values use enum,
        // not draft 4's missing const) and Confluent keeps "definitions" for all of them; the shaper sets $schema.
        SchemaVersion version = options.spec() == JsonSchemaSpecVersion.DRAFT_2020_12 ? SchemaVersion.DRAFT_2020_12 : SchemaVersion.DRAFT_7;
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(mapper, version, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.PLAIN_DEFINITION_KEYS, Option.ENUM_KEYWORD_FOR_SINGLE_VALUES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        if (options.closed()) {
            builder.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        }
        // A primitive always has a value, so it is required; other properties may be null.
        builder.forFields().withRequiredCheck(field -> field.getType() != null && field.getType().isPrimitive());
        builder.forTypesInGeneral()
                .withPropertySorter(this::inJacksonOrder)
                .withCustomDefinitionProvider(new DerivedTypeDefinitions(mapper, options));
        return builder;
    }

    /** Jackson's order of a class's properties (declaration, {@code @JsonPropertyOrder}, alphabetic if configured). */
    private int inJacksonOrder(MemberScope<?, ?> first, MemberScope<?, ?> second) {
        List<String> order = propertyOrder(first.getDeclaringType().getErasedType());
        return Integer.compare(indexIn(order, first), indexIn(order, second));
    }

    private List<String> propertyOrder(Class<?> type) {
        return orders.computeIfAbsent(type, t -> {
            JavaType javaType = mapper.constructType(t);
            return mapper.getSerializationConfig().introspect(javaType).findProperties().stream()
                    .map(BeanPropertyDefinition::getInternalName).toList();
        });
    }

    private static int indexIn(List<String> order, MemberScope<?, ?> member) {
        int index = order.indexOf(member.getDeclaredName());
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
