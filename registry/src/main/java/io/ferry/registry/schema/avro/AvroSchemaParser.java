package io.ferry.registry.schema.avro;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaReference;
import org.apache.avro.Schema;

/**
 * Parses one Avro schema text together with the schemas it refers to. The referenced schemas are parsed
 * first, into the same parser, so that the main schema can use the named types they define.
 */
final class AvroSchemaParser {

    private final AvroParseMode mode;

    AvroSchemaParser(AvroParseMode mode) {
        this.mode = mode;
    }

    /**
     * The parsed schema and the top-level schemas of its resolved references, in the order parsed.
     *
     * @throws InvalidSchemaException when the text is empty, a reference has no resolved schema, or Avro
     *                                rejects a text (its message is kept)
     */
    Parsed parse(String text, List<SchemaReference> references, List<ResolvedReference> resolved)
            throws InvalidSchemaException {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        ResolvedReference.requireAll(references, resolved);
        Schema.Parser parser = mode.newParser();
        List<Schema> referenced = new ArrayList<>();
        Set<String> parsedNames = new HashSet<>();
        for (ResolvedReference reference : resolved) {
            // One text per reference name, the first given, as Confluent Schema Registry resolves them.
            if (parsedNames.add(reference.reference().name())) {
                referenced.add(parseText(parser, reference.schemaText()));
            }
        }
        Schema schema = parseText(parser, text);
        if (mode.checksNamesAfterParsing()) {
            AvroNameCheck.check(schema);
        }
        return new Parsed(schema, List.copyOf(referenced));
    }

    private static Schema parseText(Schema.Parser parser, String text) throws InvalidSchemaException {
        try {
            return parser.parse(text);
        } catch (RuntimeException e) {
            // Avro reports bad JSON, unknown types and invalid names as assorted runtime exceptions.
            String message = e.getMessage() != null ? e.getMessage() : e.toString();
            throw new InvalidSchemaException(message, e);
        }
    }

    /**
     * A parse's outcome.
     *
     * @param schema     the main schema
     * @param referenced the top-level schemas of the resolved references
     */
    record Parsed(Schema schema, List<Schema> referenced) {
    }
}
