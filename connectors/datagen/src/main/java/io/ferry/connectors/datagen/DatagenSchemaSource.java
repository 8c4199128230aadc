package io.ferry.connectors.datagen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.ferry.connectors.datagen.generate.DatagenSchemaCompiler;
import io.ferry.connectors.datagen.generate.DatagenSchemaException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/**
 * Where a config's schema comes from (a quickstart, {@code schema.string} or {@code schema.filename}) and
 * which field keys the records: resolved and compiled, or refused with the key to fix.
 */
public record DatagenSchemaSource(DatagenSchemaCompiler.Compiled compiled, Field keyField) {

    /**
     * Resolves the schema and key field of {@code config}.
     *
     * @throws DatagenConfigException naming the setting that is missing, conflicting or wrong
     */
    public static DatagenSchemaSource resolve(DatagenConfig config) {
        return resolve(config::getString);
    }

    /**
     * Resolves the schema and key field from the values of the schema settings alone ({@code quickstart},
     * {@code schema.string}, {@code schema.filename}, {@code schema.keyfield}; a missing one reads as empty),
     * so validate can check them while other settings are wrong.
     *
     * @throws DatagenConfigException naming the setting that is missing, conflicting or wrong
     */
    public static DatagenSchemaSource resolve(UnaryOperator<String> settings) {
        UnaryOperator<String> setting = key -> Objects.requireNonNullElse(settings.apply(key), "");
        List<String> given = new ArrayList<>();
        for (String key : List.of(DatagenConfig.QUICKSTART, DatagenConfig.SCHEMA_STRING, DatagenConfig.SCHEMA_FILENAME)) {
            if (!setting.apply(key).isBlank()) {
                given.add(key);
            }
        }
        if (given.isEmpty()) {
            throw new DatagenConfigException(DatagenConfig.QUICKSTART,
                    "set one of quickstart, schema.string, schema.filename to say what to generate");
        }
        if (given.size() > 1) {
            throw new DatagenConfigException(given.get(1), "set only one of quickstart, schema.string, schema.filename; "
                    + given.get(0) + " is set too");
        }
        String source = given.get(0);
        String keyField = setting.apply(DatagenConfig.SCHEMA_KEYFIELD).trim();
        String text;
        switch (source) {
            case DatagenConfig.QUICKSTART -> {
                DatagenQuickstart quickstart = DatagenQuickstart.named(setting.apply(source))
                        .orElseThrow(() -> new DatagenConfigException(source, "not a quickstart; known are "
                                + DatagenQuickstart.configNames()));
                text = quickstart.schema();
                keyField = keyField.isEmpty() ? quickstart.keyField() : keyField;
            }
            case DatagenConfig.SCHEMA_STRING -> text = setting.apply(source);
            default -> text = read(setting.apply(source));
        }
        DatagenSchemaCompiler.Compiled compiled;
        try {
            compiled = DatagenSchemaCompiler.compile(text);
        } catch (DatagenSchemaException e) {
            throw new DatagenConfigException(source, e.getMessage());
        }
        return new DatagenSchemaSource(compiled, keyField.isEmpty() ? null : keyField(compiled.schema(), keyField));
    }

    private static String read(String filename) {
        try {
            return Files.readString(Path.of(filename), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new DatagenConfigException(DatagenConfig.SCHEMA_FILENAME, "cannot read " + filename + ": " + e);
        }
    }

    private static Field keyField(Schema value, String name) {
        Field field = value.field(name);
        if (field == null) {
            throw new DatagenConfigException(DatagenConfig.SCHEMA_KEYFIELD, "record " + value.name() + " has no field "
                    + name + "; its fields are " + value.fields().stream().map(Field::name).toList());
        }
        switch (field.schema().type()) {
            case STRUCT, ARRAY, MAP, BYTES -> throw new DatagenConfigException(DatagenConfig.SCHEMA_KEYFIELD,
                    "field " + name + " is of type " + field.schema().type().getName() + "; a key field must be a string, "
                            + "number, boolean, enum or timestamp");
            default -> {
                return field;
            }
        }
    }
}
