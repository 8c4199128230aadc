package io.ferry.cli.connectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.cli.support.InputFiles;

/**
 * Finds the first key a pipeline file may not hold, at the line where it is written. Binding to
 * records reports an unknown key only where the enclosing object ends, so the keys are checked on
 * the token stream first. Settings inside {@code config} are free.
 */
final class PipelineKeyCheck {
    private static final List<String> DOCUMENT_KEYS = List.of("connectors", "name", "config");
    private static final List<String> CONNECTOR_KEYS = List.of("name", "config");

    private PipelineKeyCheck() {
    }

    /**
     * Reads every document of the parser to its end.
     *
     * @throws io.ferry.cli.support.CliException (bad input) at the first unknown key
     * @throws IOException on a syntax error, for the caller to report
     */
    static void check(Path file, JsonParser parser) throws IOException {
        while (parser.nextToken() != null) {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                checkObject(file, parser, DOCUMENT_KEYS);
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void checkObject(Path file, JsonParser parser, List<String> allowed) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (!allowed.contains(key)) {
                throw InputFiles.badInput(file, parser.currentTokenLocation().getLineNr(),
                        "unknown key '" + key + "' (allowed: " + String.join(", ", allowed) + ")", null);
            }
            JsonToken value = parser.nextToken();
            if ("connectors".equals(key) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == JsonToken.START_OBJECT) {
                        checkObject(file, parser, CONNECTOR_KEYS);
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
    }
}
