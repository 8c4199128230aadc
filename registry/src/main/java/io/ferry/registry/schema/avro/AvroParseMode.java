package io.ferry.registry.schema.avro;

import org.apache.avro.NameValidator;
import org.apache.avro.Schema;

/**
 * How strictly an Avro schema text is checked, as Confluent Schema Registry checks it.
 *
 * <p>Avro 1.12 began to reject namespaces such as {@code foo-bar.x}, which earlier releases accepted and
 * which stored schemas (Debezium's among them) still use. So the lenient mode parses without Avro's name
 * checks and then checks names, field names and enum symbols itself, leaving namespaces alone.
 */
enum AvroParseMode {

    /** Stored schemas, and new ones unless defaults are validated: names checked, namespaces and defaults not. */
    LENIENT(NameValidator.NO_VALIDATION, false),

    /** New schemas when defaults are validated or the normal form is asked for: Avro's strict rules. */
    STRICT(NameValidator.STRICT_VALIDATOR, true);

    private final NameValidator nameValidator;
    private final boolean validateDefaults;

    AvroParseMode(NameValidator nameValidator, boolean validateDefaults) {
        this.nameValidator = nameValidator;
        this.validateDefaults = validateDefaults;
    }

    /** A fresh parser with this mode's checks; a parser remembers the names it has seen, so never share one. */
    Schema.Parser newParser() {
        Schema.Parser parser = new Schema.Parser(nameValidator);
        parser.setValidateDefaults(validateDefaults);
        return parser;
    }

    /** Whether names must be checked after parsing because the parser itself did not. */
    boolean checksNamesAfterParsing() {
        return this == LENIENT;
    }

    /**
     * The mode for a schema: strict only for a new schema whose defaults are to be validated (by
     * configuration, or because its normal form was asked for).
     */
    static AvroParseMode of(boolean isNew, boolean normalize, boolean validateDefaults) {
        return isNew && (validateDefaults || normalize) ? STRICT : LENIENT;
    }
}
