package io.ferry.connectors.jdbc.dialect;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The dialect of a {@code connection.url}. */
public final class JdbcDialects {
    /** The dialects Ferry implements: Confluent's name of each, the URL prefixes it serves, and how to make it. */
    enum Kind {
        POSTGRES("PostgreSqlDatabaseDialect", PostgresDialect::new, "jdbc:postgresql:"),
        MARIADB("MySqlDatabaseDialect", MariaDbDialect::new, "jdbc:mariadb:", "jdbc:mysql:"),
        SQLITE("SqliteDatabaseDialect", SqliteDialect::new, "jdbc:sqlite:");

        final String confluentName;
        final List<String> prefixes;
        private final Supplier<JdbcDialect> factory;

        Kind(String confluentName, Supplier<JdbcDialect> factory, String... prefixes) {
            this.confluentName = confluentName;
            this.factory = factory;
            this.prefixes = List.of(prefixes);
        }

        /** Whether this dialect serves the URL, given in lower case. */
        boolean serves(String lowerUrl) {
            return prefixes.stream().anyMatch(lowerUrl::startsWith);
        }

        /** The dialect Confluent calls {@code name}, when Ferry implements it. */
        static Optional<Kind> named(String name) {
            return Arrays.stream(values()).filter(kind -> kind.confluentName.equals(name)).findFirst();
        }
    }

    /** The URL prefixes served, in the order they are listed in errors. */
    private static final List<String> PREFIXES = Arrays.stream(Kind.values()).flatMap(kind -> kind.prefixes.stream()).toList();

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
        for (Kind kind : Kind.values()) {
            if (kind.serves(lower)) {
                return kind.factory.get();
            }
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
