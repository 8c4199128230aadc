package io.ferry.registry.schema.avro;

import java.util.List;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaProvider;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;

/**
 * Parses Avro schemas with Avro's own parser. Stateless and thread-safe.
 *
 * <p>How strictly, as Confluent Schema Registry parses them:
 * <ul>
 *   <li>default values are checked against their fields' types only for a new schema, and only when
 *       {@code validateDefaults} is set (as Confluent Schema Registry's {@code avro.validate.defaults}, off
 *       by default) or the normal form was asked for; a new schema checked so is also held to Avro's strict
 *       name rules, namespaces included;</li>
 *   <li>otherwise names, field names and enum symbols must still be valid Avro names, but namespaces are
 *       not checked, nor are default values.</li>
 * </ul>
 */
public final class AvroSchemaProvider implements SchemaProvider {

    private final boolean validateDefaults;

    /** A provider that does not check default values unless the normal form is asked for. */
    public AvroSchemaProvider() {
        this(false);
    }

    /** @param validateDefaults check new schemas' default values against their fields' types */
    public AvroSchemaProvider(boolean validateDefaults) {
        this.validateDefaults = validateDefaults;
    }

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    /** Parses an Avro schema the registry already stores: leniently, see the class description. */
    @Override
    public AvroParsedSchema parse(String schemaText, List<SchemaReference> references,
            List<ResolvedReference> resolved) throws InvalidSchemaException {
        return parse(schemaText, references, resolved, ParseOptions.STORED);
    }

    /**
     * Parses an Avro schema. The message of the {@link InvalidSchemaException} is Avro's own (for example
     * {@code Undefined schema: com.acme.Address}), {@code Empty schema} for a blank text, or
     * {@code No schema reference found for subject "s" and version n} for a reference without a resolved
     * schema.
     */
    @Override
    public AvroParsedSchema parse(String schemaText, List<SchemaReference> references,
            List<ResolvedReference> resolved, ParseOptions options) throws InvalidSchemaException {
        AvroParseMode mode = AvroParseMode.of(options.isNew(), options.normalize(), validateDefaults);
        return AvroParsedSchema.parse(schemaText, references, resolved, mode);
    }
}
