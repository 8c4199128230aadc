package io.ferry.connectors.jdbc.source;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.TableId;

/**
 * Which listed tables the connector copies: those named by the include list (all when it is empty),
 * minus those named by the exclude list, within {@code schema.pattern} and {@code catalog.pattern}.
 *
 * <p>A name in a list matches a table when every part the name gives equals the table's part:
 * {@code orders} matches {@code shop.public.orders}, {@code public.orders} too, {@code other.orders} not.
 */
final class TableFilter {
    private final List<TableId> included;
    private final List<TableId> excluded;
    private final Pattern schemaPattern;
    private final Pattern catalogPattern;

    TableFilter(JdbcDialect dialect, JdbcSourceConfig config) {
        this.included = config.includedTables().stream().map(String::strip).map(dialect::parseTableId).toList();
        this.excluded = config.excludedTables().stream().map(String::strip).map(dialect::parseTableId).toList();
        this.schemaPattern = like(config.getString(JdbcSourceConfig.SCHEMA_PATTERN));
        this.catalogPattern = like(config.getString(JdbcSourceConfig.CATALOG_PATTERN));
    }

    boolean accepts(TableId table) {
        if (!within(schemaPattern, table.schema()) || !within(catalogPattern, table.catalog())) {
            return false;
        }
        boolean in = included.isEmpty() || included.stream().anyMatch(name -> matches(name, table));
        return in && excluded.stream().noneMatch(name -> matches(name, table));
    }

    /** The listed tables this filter keeps, in the listing's order. */
    List<TableId> select(List<TableId> listed) {
        return listed.stream().filter(this::accepts).toList();
    }

    /** The include list's names that match none of the listed tables. */
    List<TableId> missingIncluded(List<TableId> listed) {
        return included.stream().filter(name -> listed.stream().noneMatch(table -> matches(name, table))).toList();
    }

    static boolean matches(TableId name, TableId table) {
        return name.table().equals(table.table())
                && (name.schema() == null || Objects.equals(name.schema(), table.schema()))
                && (name.catalog() == null || Objects.equals(name.catalog(), table.catalog()));
    }

    private static boolean within(Pattern pattern, String part) {
        return pattern == null || (part != null && pattern.matcher(part).matches());
    }

    /** An SQL LIKE pattern ({@code %} any run, {@code _} one character) as a regular expression. */
    static Pattern like(String pattern) {
        if (pattern == null) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
