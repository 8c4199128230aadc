package io.ferry.cli.support;

/**
 * How a client command prints its answer: aligned columns for people, or JSON for scripts. The
 * constants are lower case because they are the values users type after {@code --output}.
 */
public enum OutputFormat {
    /** Aligned columns with a header row. */
    table,
    /** The server's JSON answer (or a JSON summary), one document. */
    json
}
