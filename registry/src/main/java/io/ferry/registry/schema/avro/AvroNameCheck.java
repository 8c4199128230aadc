package io.ferry.registry.schema.avro;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import io.ferry.registry.schema.InvalidSchemaException;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;

/**
 * Checks the names a lenient parse let through: the simple names of records, enums and fixed types,
 * field names and enum symbols. Namespaces are not checked (see {@link AvroParseMode}). A name is valid
 * as Avro has long accepted it: a letter or underscore, then letters, digits or underscores, letters
 * being any Unicode letters.
 */
final class AvroNameCheck {

    private final Set<Schema> visited = Collections.newSetFromMap(new IdentityHashMap<>());

    private AvroNameCheck() {
    }

    /** @throws InvalidSchemaException with Avro's own message for the first invalid name found */
    static void check(Schema schema) throws InvalidSchemaException {
        new AvroNameCheck().visit(schema);
    }

    private void visit(Schema schema) throws InvalidSchemaException {
        if (!visited.add(schema)) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                require(schema.getName());
                for (Schema.Field field : schema.getFields()) {
                    require(field.name());
                    visit(field.schema());
                }
            }
            case ENUM -> {
                require(schema.getName());
                for (String symbol : schema.getEnumSymbols()) {
                    require(symbol);
                }
            }
            case FIXED -> require(schema.getName());
            case ARRAY -> visit(schema.getElementType());
            case MAP -> visit(schema.getValueType());
            case UNION -> {
                for (Schema branch : schema.getTypes()) {
                    visit(branch);
                }
            }
            default -> {
                // primitives have no name of their own
            }
        }
    }

    private static void require(String name) throws InvalidSchemaException {
        NameValidator.Result result = NameValidator.UTF_VALIDATOR.validate(name);
        if (!result.isOK()) {
            throw new InvalidSchemaException(result.getErrors());
        }
    }
}
