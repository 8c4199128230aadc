package io.ferry.cli.support;

import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a server command's log goes: a file in its data directory, so that standard output carries
 * only what the command promises to print (a ready line, a report) and standard error only
 * one-line errors; with {@code --verbose}, standard error gets the log too.
 */
public final class ProcessLogging {
    /** With the connector and task a line is about, when there is one ({@code [name|task-0] }). */
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %X{connector.context}%logger{36} - %msg%n";

    private ProcessLogging() {
    }

    /** Sends the log to {@code file} (appending), and to stderr when {@code verbose}. */
    public static void toFile(Path file, boolean verbose) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);

        FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
        fileAppender.setContext(context);
        fileAppender.setName("file");
        fileAppender.setFile(file.toAbsolutePath().toString());
        fileAppender.setAppend(true);
        fileAppender.setEncoder(encoder(context));
        fileAppender.start();
        root.addAppender(fileAppender);

        if (verbose) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(context);
            console.setName("stderr");
            console.setTarget("System.err");
            console.setEncoder(encoder(context));
            console.start();
            root.addAppender(console);
        }
        // Chatty at INFO without telling an operator anything they act on.
        context.getLogger("org.apache.kafka.common.config.AbstractConfig").setLevel(Level.WARN);
        context.getLogger("org.apache.kafka.common.utils.AppInfoParser").setLevel(Level.WARN);
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
