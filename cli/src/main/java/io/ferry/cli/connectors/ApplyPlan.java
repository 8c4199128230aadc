package io.ferry.cli.connectors;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code ferry connectors apply} must do so that the cluster matches the declared connectors:
 * create those that are missing, replace the config of those whose config differs, leave the rest.
 * Configs are compared as maps of strings, so the order of settings does not matter. Connectors the
 * files do not declare are left alone.
 */
public final class ApplyPlan {

    /** What happens to one connector, named as the command reports it. */
    public enum Action {
        CREATED, UPDATED, UNCHANGED;

        /** The word printed for it: {@code created}, {@code updated}, {@code unchanged}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One connector and what happens to it. */
    public record Step(ConnectorSpec spec, Action action) {
    }

    private ApplyPlan() {
    }

    /**
     * The steps, one per declared connector and in the same order.
     *
     * @param current the config a connector has on the cluster now, or empty when it does not exist
     */
    public static List<Step> plan(List<ConnectorSpec> declared, Function<String, Optional<Map<String, String>>> current) {
        return declared.stream().map(spec -> new Step(spec, action(spec, current.apply(spec.name())))).toList();
    }

    private static Action action(ConnectorSpec spec, Optional<Map<String, String>> current) {
        if (current.isEmpty()) {
            return Action.CREATED;
        }
        return spec.config().equals(current.get()) ? Action.UNCHANGED : Action.UPDATED;
    }
}
