package io.ferry.connect.config;

import java.util.List;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * A settings reference in Markdown, written from a {@link ConfigDef}, so the documentation users
 * read is the definition the runtime enforces.
 */
public final class ConfigReference {
    private ConfigReference() {
    }

    /** A table of every key of {@code definition} not in {@code leaveOut}, in the definition's order. */
    public static String markdownTable(ConfigDef definition, Set<String> leaveOut) {
        StringBuilder table = new StringBuilder("| setting | type | default | valid values | importance | what it does |\n")
                .append("|---|---|---|---|---|---|\n");
        List<ConfigDef.ConfigKey> keys = definition.configKeys().values().stream()
                .filter(key -> !leaveOut.contains(key.name) && !key.internalConfig).toList();
        for (ConfigDef.ConfigKey key : keys) {
            table.append("| `").append(key.name).append("` | ").append(key.type.name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(defaultText(key)).append(" | ")
                    .append(key.validator == null ? "" : cell(key.validator.toString())).append(" | ")
                    .append(key.importance.name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(cell(key.documentation)).append(" |\n");
        }
        return table.toString();
    }

    private static String defaultText(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "*required*";
        }
        Object value = key.defaultValue;
        if (value == null) {
            return "null";
        }
        if (value instanceof Password) {
            return "[hidden]";
        }
        if (value instanceof Class<?> type) {
            return "`" + type.getName() + "`";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "\"\"" : "`" + String.join(",", list.stream().map(String::valueOf).toList()) + "`";
        }
        String text = String.valueOf(value);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
