package io.ferry.connectors.jdbc.dialect;

import java.util.List;
import java.util.Locale;

/** The dialect of a {@code connection.url}. */
public final class JdbcDialects {
    /** The URL prefixes served, in the order they are listed in errors. */
    private static final List<String> PREFIXES = List.of("jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:", "jdbc:sqlite:");

    private JdbcDialects() {
    }

    /**
     * The dialect for {@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:} or
     * {@code jdbc:sqlite:} URLs.
     *
     * @throws IllegalArgumentException naming the URL's scheme when no dialect serves it
     */
    public static JdbcDialect forUrl(String url) {
        String lower = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return new MariaDbDialect();
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return new SqliteDialect();
        }
        throw new IllegalArgumentException("No JDBC dialect for URLs starting " + scheme(lower)
                + "; supported: " + String.join(", ", PREFIXES));
    }

    /**
     * The dialect of {@code dialect.name} checked against {@code connection.url}, or the URL's when the name
     * is empty.
     *
     * @throws IllegalArgumentException naming the supported names or the contradiction
     */
    public static JdbcDialect forName(String dialectName, String url) {
        DialectNames.nameProblem(dialectName).ifPresent(problem -> {
            throw new IllegalArgumentException("dialect.name " + problem);
        });
        DialectNames.urlProblem(dialectName, url).ifPresent(problem -> {
            throw new IllegalArgumentException("dialect.name " + problem);
        });
        return forUrl(url);
    }

    /** The URL's scheme ({@code jdbc:postgresql:}), or the quoted URL when it has none. */
    static String scheme(String url) {
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second > 0 ? url.substring(0, second + 1) : "'" + url + "'";
    }
}
