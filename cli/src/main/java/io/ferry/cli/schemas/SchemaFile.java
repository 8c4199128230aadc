package io.ferry.cli.schemas;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cli.support.CliException;
import io.ferry.cli.support.ExitCodes;
import io.ferry.cli.support.InputFiles;

/**
 * A schema read from a file, with its type. Avro and JSON Schema files must be JSON; a syntax error
 * is bad input naming the file and line, found before anything is sent. Protobuf text is sent as read.
 *
 * @param text the schema as written, without surrounding blanks
 * @param type {@code AVRO}, {@code JSON} or {@code PROTOBUF}
 */
record SchemaFile(String text, String type) {
    private static final Set<String> TYPES = Set.of("AVRO", "JSON", "PROTOBUF");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Reads and checks a schema file.
     *
     * @param type the type as the user gave it, in any case
     */
    static SchemaFile read(Path file, String type) {
        String normalType = type.toUpperCase(Locale.ROOT);
        if (!TYPES.contains(normalType)) {
            throw new CliException("unknown schema type '" + type + "' (AVRO, JSON or PROTOBUF)", ExitCodes.BAD_INPUT, null);
        }
        String text = InputFiles.read(file).strip();
        if (text.isEmpty()) {
            throw InputFiles.badInput(file, "the file is empty", null);
        }
        if (!"PROTOBUF".equals(normalType)) {
            try {
                JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw InputFiles.syntaxError(file, e);
            }
        }
        return new SchemaFile(text, normalType);
    }
}
