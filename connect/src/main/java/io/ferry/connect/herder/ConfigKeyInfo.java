package io.ferry.connect.herder;

import java.util.List;

/** The definition of one config key, as {@code /connector-plugins/{p}/config} and validate show it. */
public record ConfigKeyInfo(String name, String type, boolean required, String defaultValue, String importance,
        String documentation, String group, int orderInGroup, String width, String displayName, List<String> dependents) {
}
