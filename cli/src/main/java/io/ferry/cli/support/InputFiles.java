package io.ferry.cli.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Reading the files users hand to client commands. Every failure is a {@link CliException} with
 * exit code {@link ExitCodes#BAD_INPUT} whose message starts with the file name and, for a syntax
 * error, the line: {@code pipeline.yaml:7: ...}.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** The file's text (UTF-8). */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw badInput(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw badInput(file, "permission denied", e);
        } catch (IOException e) {
            throw badInput(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** A problem at a line of a file: {@code file:line: message}; a line below 1 is left out. */
    public static CliException badInput(Path file, int line, String message, Throwable cause) {
        String where = line > 0 ? file + ":" + line : file.toString();
        return new CliException(where + ": " + message, ExitCodes.BAD_INPUT, cause);
    }

    /** A problem with a whole file: {@code file: message}. */
    public static CliException badInput(Path file, String message, Throwable cause) {
        return badInput(file, 0, message, cause);
    }

    /** A JSON or YAML parser's complaint, at the line where the parser stopped. */
    public static CliException syntaxError(Path file, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return badInput(file, location == null ? 0 : location.getLineNr(), OneLineErrors.oneLine(e.getOriginalMessage()), e);
    }
}
