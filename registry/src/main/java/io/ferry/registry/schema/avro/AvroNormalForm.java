package io.ferry.registry.schema.avro;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Writes an Avro schema in the normal form Confluent Schema Registry gives it for {@code normalize=true};
 * the text is then parsed again, and that schema's canonical text is the normal form's.
 *
 * <p>What the normal form changes:
 * <ul>
 *   <li>every named type is written once with its full name; later uses, and types defined at the top of
 *       referenced schemas, are written by full name;</li>
 *   <li>custom properties of types and fields are sorted by name, and so are the members of objects in
 *       default values and property values;</li>
 *   <li>aliases are sorted and made full names;</li>
 *   <li>default values are written as Avro reads them for the field's type ({@code 1} for a double field
 *       becomes {@code 1.0}); a default Avro cannot read for its type is dropped;</li>
 *   <li>empty docs of named types are dropped (empty field docs are kept);</li>
 *   <li>a logical type's attributes come first among a type's properties.</li>
 * </ul>
 * Field order, enum symbol order and union branch order are kept: they carry meaning.
 */
final class AvroNormalForm {

    private final Set<String> named = new HashSet<>();
    private final StringBuilder out = new StringBuilder();

    private AvroNormalForm(Collection<Schema> referenced) {
        for (Schema schema : referenced) {
            if (isNamed(schema)) {
                named.add(schema.getFullName());
            }
        }
    }

    /** The normal-form text of {@code schema}, whose references define the {@code referenced} types. */
    static String write(Schema schema, Collection<Schema> referenced) {
        AvroNormalForm form = new AvroNormalForm(referenced);
        form.type(schema);
        return form.out.toString();
    }

    private void type(Schema schema) {
        switch (schema.getType()) {
            case UNION -> union(schema);
            case ARRAY -> container(schema, "items", schema.getElementType());
            case MAP -> container(schema, "values", schema.getValueType());
            case RECORD, ENUM, FIXED -> namedType(schema);
            default -> primitive(schema);
        }
    }

    private void union(Schema schema) {
        out.append('[');
        String separator = "";
        for (Schema branch : schema.getTypes()) {
            out.append(separator);
            type(branch);
            separator = ",";
        }
        out.append(']');
    }

    private void container(Schema schema, String member, Schema content) {
        out.append("{\"type\":\"").append(schema.getType().getName()).append("\",\"").append(member).append("\":");
        type(content);
        sortedProperties(schema.getObjectProps());
        out.append('}');
    }

    private void namedType(Schema schema) {
        String fullName = schema.getFullName();
        if (!named.add(fullName)) {
            out.append(AvroJsonValues.quoted(fullName));
            return;
        }
        out.append("{\"name\":").append(AvroJsonValues.quoted(fullName))
                .append(",\"type\":\"").append(schema.getType().getName()).append('"');
        switch (schema.getType()) {
            case ENUM -> symbols(schema);
            case FIXED -> {
                out.append(",\"size\":").append(schema.getFixedSize());
                logicalType(schema.getLogicalType());
            }
            default -> fields(schema);
        }
        namedTypeAttributes(schema);
        sortedProperties(schema.getObjectProps());
        out.append('}');
    }

    private void symbols(Schema schema) {
        out.append(",\"symbols\":[");
        String separator = "";
        for (String symbol : schema.getEnumSymbols()) {
            out.append(separator).append(AvroJsonValues.quoted(symbol));
            separator = ",";
        }
        out.append(']');
    }

    private void fields(Schema schema) {
        out.append(",\"fields\":[");
        String separator = "";
        for (Schema.Field field : schema.getFields()) {
            out.append(separator).append("{\"name\":").append(AvroJsonValues.quoted(field.name())).append(",\"type\":");
            type(field.schema());
            fieldAttributes(field);
            out.append('}');
            separator = ",";
        }
        out.append(']');
    }

    private void namedTypeAttributes(Schema schema) {
        String doc = schema.getDoc();
        if (doc != null && !doc.isEmpty()) {
            out.append(",\"doc\":").append(AvroJsonValues.quoted(doc));
        }
        aliases(schema.getAliases());
        if (schema.getType() == Schema.Type.ENUM && schema.getEnumDefault() != null) {
            out.append(",\"default\":").append(AvroJsonValues.quoted(schema.getEnumDefault()));
        }
    }

    private void fieldAttributes(Schema.Field field) {
        out.append(",\"order\":\"").append(field.order().name().toLowerCase(Locale.ROOT)).append('"');
        if (field.doc() != null) {
            out.append(",\"doc\":").append(AvroJsonValues.quoted(field.doc()));
        }
        aliases(field.aliases());
        Object defaultValue = field.defaultVal();
        if (defaultValue != null) {
            out.append(",\"default\":").append(AvroJsonValues.json(defaultValue));
        }
        sortedProperties(field.getObjectProps());
    }

    private void aliases(Set<String> aliases) {
        if (!aliases.isEmpty()) {
            out.append(",\"aliases\":").append(AvroJsonValues.json(new TreeSet<>(aliases)));
        }
    }

    private void primitive(Schema schema) {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType == null && !schema.hasProps()) {
            out.append('"').append(schema.getType().getName()).append('"');
            return;
        }
        out.append("{\"type\":\"").append(schema.getType().getName()).append('"');
        logicalType(logicalType);
        sortedProperties(schema.getObjectProps());
        out.append('}');
    }

    /**
     * A logical type's attributes, written before the sorted properties. The properties repeat them; the
     * parser keeps the first position and the last value of a repeated member, which places the logical
     * type first, as Confluent Schema Registry's normal form does.
     */
    private void logicalType(LogicalType logicalType) {
        if (logicalType == null) {
            return;
        }
        out.append(",\"").append(LogicalType.LOGICAL_TYPE_PROP).append("\":")
                .append(AvroJsonValues.quoted(logicalType.getName()));
        if (logicalType instanceof LogicalTypes.Decimal decimal) {
            out.append(",\"precision\":").append(decimal.getPrecision());
            if (decimal.getScale() != 0) {
                out.append(",\"scale\":").append(decimal.getScale());
            }
        }
    }

    private void sortedProperties(Map<String, Object> properties) {
        new TreeMap<>(properties).forEach((name, value) ->
                out.append(',').append(AvroJsonValues.quoted(name)).append(':').append(AvroJsonValues.json(value)));
    }

    private static boolean isNamed(Schema schema) {
        Schema.Type type = schema.getType();
        return type == Schema.Type.RECORD || type == Schema.Type.ENUM || type == Schema.Type.FIXED;
    }
}
