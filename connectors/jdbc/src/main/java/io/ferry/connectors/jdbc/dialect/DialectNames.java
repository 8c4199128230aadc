package io.ferry.connectors.jdbc.dialect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * {@code dialect.name}: Confluent's dialect class names, the three Ferry implements mapped onto its own
 * dialects, and the rule that a name must agree with {@code connection.url}.
 *
 * <p>Ferry chooses a dialect from the URL's scheme, so a name changes nothing when it agrees with the URL;
 * the setting exists so that Confluent connector files which set it keep working, and so that a name Ferry
 * cannot honour is an error instead of being ignored.
 */
public final class DialectNames {
    /** The value meaning "choose the dialect from the URL" (Confluent's default). */
    public static final String FROM_URL = "";

    /** Confluent's names of the dialects Ferry implements, in the order errors and recommendations list them. */
    private static final List<String> ORDER = Arrays.stream(JdbcDialects.Kind.values()).map(kind -> kind.confluentName).toList();

    /** Confluent's other dialects, named so that an error can say the name is known but not implemented. */
    private static final List<String> CONFLUENT_ONLY = List.of("GenericDatabaseDialect", "SqlServerDatabaseDialect",
            "OracleDatabaseDialect", "Db2DatabaseDialect", "DerbyDatabaseDialect", "SapHanaDatabaseDialect",
            "SybaseDatabaseDialect", "VerticaDatabaseDialect");

    private DialectNames() {
    }

    /** The values {@code dialect.name} accepts: empty, then the implemented names. */
    public static List<String> validValues() {
        List<String> values = new ArrayList<>();
        values.add(FROM_URL);
        values.addAll(ORDER);
        return values;
    }

    /**
     * Why {@code name} cannot be used on its own, or empty when it can: a name Ferry does not implement
     * (Confluent's other dialects included) is refused, naming the supported ones.
     */
    public static Optional<String> nameProblem(String name) {
        String given = name == null ? FROM_URL : name.strip();
        if (given.isEmpty() || JdbcDialects.Kind.named(given).isPresent()) {
            return Optional.empty();
        }
        String known = CONFLUENT_ONLY.contains(given) ? " is a dialect Ferry does not implement" : " is not a dialect name";
        return Optional.of(given + known + "; supported: " + String.join(", ", ORDER)
                + ", or empty to choose the dialect from connection.url");
    }

    /**
     * Why {@code name} contradicts {@code url}, or empty when it agrees (or is empty, or is itself wrong:
     * {@link #nameProblem(String)} reports that).
     */
    public static Optional<String> urlProblem(String name, String url) {
        String given = name == null ? FROM_URL : name.strip();
        Optional<JdbcDialects.Kind> kind = JdbcDialects.Kind.named(given);
        if (kind.isEmpty() || url == null) {
            return Optional.empty();
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        if (kind.get().serves(lower)) {
            return Optional.empty();
        }
        return Optional.of(given + " serves " + String.join(" and ", kind.get().prefixes) + " URLs, but connection.url is "
                + JdbcDialects.scheme(lower) + "; set the dialect matching the URL or leave dialect.name empty");
    }

    /** Validates and recommends {@code dialect.name}: empty or one of the implemented names. */
    public static final class Validator implements ConfigDef.Validator, ConfigDef.Recommender {
        @Override
        public void ensureValid(String key, Object value) {
            nameProblem((String) value).ifPresent(problem -> {
                throw new ConfigException(key, value, problem);
            });
        }

        @Override
        public List<Object> validValues(String key, Map<String, Object> parsedConfig) {
            return new ArrayList<>(DialectNames.validValues());
        }

        @Override
        public boolean visible(String key, Map<String, Object> parsedConfig) {
            return true;
        }

        @Override
        public String toString() {
            return "empty (from connection.url), " + String.join(", ", ORDER);
        }
    }
}
