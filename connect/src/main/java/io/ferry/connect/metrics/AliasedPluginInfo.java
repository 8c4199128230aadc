package io.ferry.connect.metrics;

import java.util.Objects;

/**
 * A transformation or predicate of a task, under the alias the connector config gives it
 * ({@code transforms=mask} → alias {@code mask}).
 *
 * @param alias   the alias; the {@code transform} or {@code predicate} tag of its metrics
 * @param plugin  its class and version
 */
public record AliasedPluginInfo(String alias, PluginInfo plugin) {

    public AliasedPluginInfo {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(plugin, "plugin");
    }
}
