package io.ferry.registry.schema.avro;

import java.util.List;
import java.util.Objects;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;
import org.apache.avro.Schema;

/**
 * An Avro schema that parsed. Immutable and thread-safe, provided no one modifies the
 * {@link #rawSchema() Avro schema} it hands out.
 *
 * <p>Two instances are equal when their {@link #canonicalString()} and {@link #references()} are.
 */
public final class AvroParsedSchema implements ParsedSchema {

    private final Schema schema;
    private final String canonical;
    private final List<SchemaReference> references;
    private final List<ResolvedReference> resolved;
    private final List<Schema> referenced;
    private final AvroParseMode mode;

    private AvroParsedSchema(AvroSchemaParser.Parsed parsed, List<SchemaReference> references,
            List<ResolvedReference> resolved, AvroParseMode mode) {
        this.schema = parsed.schema();
        this.referenced = parsed.referenced();
        this.canonical = canonicalText(schema, referenced);
        this.references = List.copyOf(references);
        this.resolved = List.copyOf(resolved);
        this.mode = mode;
    }

    static AvroParsedSchema parse(String text, List<SchemaReference> references, List<ResolvedReference> resolved,
            AvroParseMode mode) throws InvalidSchemaException {
        AvroSchemaParser.Parsed parsed = new AvroSchemaParser(mode).parse(text, references, resolved);
        return new AvroParsedSchema(parsed, references, resolved, mode);
    }

    /**
     * Avro's compact JSON, with the named types that referenced schemas define at their top level written
     * by name rather than inlined, as Confluent Schema Registry stores it.
     */
    @SuppressWarnings("deprecation") // the one Avro method that writes referenced types by name; tests pin its output
    private static String canonicalText(Schema schema, List<Schema> referenced) {
        return schema.toString(referenced, false);
    }

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    /**
     * Avro's compact JSON of the parsed schema: no whitespace, attributes in Avro's order (type, name,
     * namespace, doc, fields or symbols or size, custom properties, aliases), namespaces written only where
     * they change, and the named types defined at the top of referenced schemas written by full name.
     */
    @Override
    public String canonicalString() {
        return canonical;
    }

    @Override
    public List<SchemaReference> references() {
        return references;
    }

    /**
     * The schema rewritten in {@link AvroNormalForm normal form} and parsed again, its references sorted by
     * subject and version with duplicates removed.
     *
     * @throws IllegalStateException if the normal form does not parse, which would be a defect here
     */
    @Override
    public AvroParsedSchema normalize() {
        String text = AvroNormalForm.write(schema, referenced);
        try {
            return parse(text, SchemaReference.normalOrder(references), resolved, mode);
        } catch (InvalidSchemaException e) {
            throw new IllegalStateException("The normal form of a valid schema did not parse: " + e.getMessage(), e);
        }
    }

    /** The full name of a top-level record, as Confluent Schema Registry names Avro schemas; else null. */
    @Override
    public String name() {
        return schema.getType() == Schema.Type.RECORD ? schema.getFullName() : null;
    }

    /** The parsed Avro schema; callers must not modify it. */
    /** {@code resolved}: referenced types written out in full, as if the schema had no references. */
    @Override
    public String formatted(String format) {
        return "resolved".equalsIgnoreCase(format) ? schema.toString() : canonical;
    }

    @Override
    public Schema rawSchema() {
        return schema;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvroParsedSchema other
                && canonical.equals(other.canonical)
                && references.equals(other.references);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type(), canonical, references);
    }

    @Override
    public String toString() {
        return canonical;
    }
}
