package io.ferry.cli.support;

import java.io.PrintWriter;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a client command prints its answer, in the format the user chose: a table (or one line)
 * for people, or JSON for scripts. Flushes after each answer.
 *
 * @param out standard output of the command
 * @param format table or json
 */
public record CommandOutput(PrintWriter out, OutputFormat format) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Prints the server's JSON, or the table made of it. */
    public void print(JsonNode answer, Function<JsonNode, TextTable> table) {
        out.print(format == OutputFormat.json ? json(answer) + "\n" : table.apply(answer).render());
        out.flush();
    }

    /** After an action: the server's JSON ({@code {}} when it answered none), or the line for people. */
    public void done(JsonNode answer, String line) {
        out.println(format == OutputFormat.json ? (answer == null || answer.isNull() ? "{}" : json(answer)) : line);
        out.flush();
    }

    /** Indented JSON. */
    public static String json(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
