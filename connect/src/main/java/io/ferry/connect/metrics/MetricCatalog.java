package io.ferry.connect.metrics;

import java.util.ArrayList;
import java.util.List;

import io.ferry.connect.metrics.MetricDefinition.Kind;

/**
 * Every metric the runtime can publish, in the order the reference documentation lists them, and
 * that documentation's table. Stateless.
 */
public final class MetricCatalog {
    private static final List<MetricDefinition> ALL = collect();

    private MetricCatalog() {
    }

    /** Every metric definition: worker, rebalance, connector, task, source task, sink task, task errors. */
    public static List<MetricDefinition> all() {
        return ALL;
    }

    private static List<MetricDefinition> collect() {
        List<MetricDefinition> all = new ArrayList<>();
        all.addAll(WorkerMetrics.DEFINITIONS);
        all.addAll(RebalanceMetrics.DEFINITIONS);
        all.addAll(ConnectorMetrics.DEFINITIONS);
        all.addAll(TaskMetrics.DEFINITIONS);
        all.addAll(SourceTaskMetrics.DEFINITIONS);
        all.addAll(SinkTaskMetrics.DEFINITIONS);
        all.addAll(TaskErrorMetrics.DEFINITIONS);
        return List.copyOf(all);
    }

    /**
     * The reference table in Markdown: one row per metric with its MBean, attribute, kind,
     * Prometheus name and meaning.
     */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder()
                .append("| MBean | Attribute | Kind | Prometheus | Meaning |\n")
                .append("|---|---|---|---|---|\n");
        for (MetricDefinition definition : ALL) {
            table.append("| `").append(definition.mbeanPattern())
                    .append("` | `").append(definition.name())
                    .append("` | ").append(definition.kind().label())
                    .append(" | `").append(prometheus(definition))
                    .append("` | ").append(definition.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** The kinds, with what each means, as a Markdown list. */
    public static String markdownKinds() {
        StringBuilder kinds = new StringBuilder();
        for (Kind kind : Kind.values()) {
            kinds.append("- **").append(kind.label()).append("**: ").append(kind.meaning()).append(".\n");
        }
        return kinds.toString();
    }

    private static String prometheus(MetricDefinition definition) {
        String name = definition.prometheusName();
        if (definition.kind() == Kind.TEXT) {
            return name + "{" + definition.prometheusValueLabel() + "=\"…\"}";
        }
        return name;
    }
}
