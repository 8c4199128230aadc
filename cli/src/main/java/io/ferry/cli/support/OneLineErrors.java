package io.ferry.cli.support;

import java.io.PrintWriter;

import io.ferry.kafka.embedded.EmbeddedKafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Reports every failure as one line on stderr, {@code <command>: <what is wrong>}, with a non-zero
 * exit code and never a stack trace: 2 for a bad command line, the failure's own code (1 by
 * default) when a command fails. Stack traces of unexpected failures go to the log.
 */
public final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(OneLineErrors.class);

    /** Exit code of a command line that could not be parsed. */
    public static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        err.println(name + ": " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        int exitCode = 1;
        String message;
        if (ex instanceof CliException cli) {
            message = cli.getMessage();
            exitCode = cli.exitCode();
            log.debug("{} failed", name, ex);
        } else if (ex instanceof EmbeddedKafkaException) {
            message = ex.getMessage();
            log.debug("{} failed", name, ex);
        } else {
            message = "unexpected error: " + ex.getClass().getName() + (ex.getMessage() != null ? ": " + ex.getMessage() : "");
            log.error("{} failed", name, ex);
        }
        err.println(name + ": " + oneLine(message));
        err.flush();
        return exitCode;
    }

    static String oneLine(String message) {
        return message == null ? "failed" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
