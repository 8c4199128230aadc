package io.ferry.cli.support;

/**
 * The exit codes of Ferry's client commands ({@code ferry connectors}, {@code ferry schemas}), which
 * scripts may rely on.
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** A negative answer: incompatible, or the thing asked about does not exist. */
    public static final int NEGATIVE = 1;
    /** Bad input: an unknown option, an unreadable file, a syntax error in a file. */
    public static final int BAD_INPUT = OneLineErrors.USAGE;
    /** The server could not be reached, or it answered with an error. */
    public static final int SERVER = 3;

    private ExitCodes() {
    }
}
