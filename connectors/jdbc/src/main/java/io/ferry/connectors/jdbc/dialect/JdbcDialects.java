package io.ferry.connectors.jdbc.dialect;

/** The dialect of a {@code connection.url}. */
public final class JdbcDialects {
    private JdbcDialects() {
    }

    /**
     * The dialect for {@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:} or
     * {@code jdbc:sqlite:} URLs.
     *
     * @throws IllegalArgumentException naming the URL's scheme when no dialect serves it
     */
    public static JdbcDialect forUrl(String url) {
        throw new UnsupportedOperationException("not yet built");
    }
}
