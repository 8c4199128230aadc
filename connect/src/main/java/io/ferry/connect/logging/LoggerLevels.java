package io.ferry.connect.logging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The run-time levels of a Logback {@link LoggerContext}, with Apache Kafka Connect's semantics:
 * the root logger is named {@code root}; setting a namespace sets every existing logger whose name
 * starts with it (and creates the namespace's own logger when missing); a logger already at the
 * level is left alone; each change records its time.
 *
 * <p>Levels are Logback's ({@code OFF ERROR WARN INFO DEBUG TRACE ALL}, any case); {@code FATAL},
 * which Logback lacks, means {@code ERROR}. Thread-safe: changes are serialised.
 */
public final class LoggerLevels {
    public static final String ROOT = "root";

    private final LoggerContext context;
    private final Clock clock;
    private final Map<String, Long> lastModified = new ConcurrentHashMap<>();

    public LoggerLevels(LoggerContext context, Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The levels of this process's logging, which must be Logback.
     *
     * @throws IllegalStateException when SLF4J is bound to another backend
     */
    public static LoggerLevels ofProcess(Clock clock) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("Log levels can be changed only with Logback; SLF4J is bound to "
                    + factory.getClass().getName());
        }
        return new LoggerLevels(context, clock);
    }

    /** Whether {@code name} is a level that {@link #setLevel} accepts. */
    public static boolean isLevel(String name) {
        return parse(name).isPresent();
    }

    /** Every logger with a level of its own, and the root, by name. */
    public SortedMap<String, LoggerLevel> all() {
        SortedMap<String, LoggerLevel> result = new TreeMap<>();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                result.put(nameOf(logger), levelOf(logger));
            }
        }
        return result;
    }

    /** The level of an existing logger ({@code root} for the root, any case); empty when no such logger exists. */
    public Optional<LoggerLevel> level(String name) {
        Objects.requireNonNull(name, "name");
        Logger logger = ROOT.equalsIgnoreCase(name) ? rootLogger() : context.exists(name);
        return Optional.ofNullable(logger).map(this::levelOf);
    }

    /**
     * Sets the level of a namespace and of every logger under it ({@code root}: of every logger).
     *
     * @return the names of the loggers set, sorted, those already at the level included
     * @throws IllegalArgumentException when the level is not one {@link #isLevel} accepts
     */
    public synchronized List<String> setLevel(String namespace, String level) {
        Objects.requireNonNull(namespace, "namespace");
        Level wanted = parse(level).orElseThrow(() -> new IllegalArgumentException("invalid log level '" + level + "'."));
        List<String> names = new ArrayList<>();
        for (Logger logger : loggersIn(namespace)) {
            Level current = logger.getLevel() != null ? logger.getLevel() : logger.getEffectiveLevel();
            if (!wanted.equals(current)) {
                logger.setLevel(wanted);
                lastModified.put(nameOf(logger), clock.millis());
            }
            names.add(nameOf(logger));
        }
        Collections.sort(names);
        return names;
    }

    private List<Logger> loggersIn(String namespace) {
        List<Logger> loggers = new ArrayList<>();
        if (ROOT.equalsIgnoreCase(namespace)) {
            loggers.addAll(context.getLoggerList());
            return loggers;
        }
        boolean present = false;
        for (Logger logger : context.getLoggerList()) {
            if (logger.getName().startsWith(namespace)) {
                loggers.add(logger);
                present |= logger.getName().equals(namespace);
            }
        }
        if (!present) {
            loggers.add(context.getLogger(namespace));
        }
        return loggers;
    }

    private LoggerLevel levelOf(Logger logger) {
        Level level = logger.getLevel() != null ? logger.getLevel() : logger.getEffectiveLevel();
        return new LoggerLevel(level.toString(), lastModified.get(nameOf(logger)));
    }

    private Logger rootLogger() {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static String nameOf(Logger logger) {
        return org.slf4j.Logger.ROOT_LOGGER_NAME.equals(logger.getName()) ? ROOT : logger.getName();
    }

    private static Optional<Level> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("FATAL")) {
            return Optional.of(Level.ERROR);
        }
        return Optional.ofNullable(Level.toLevel(upper, null));
    }
}
