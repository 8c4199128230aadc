package io.ferry.cli.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ferry.cli.connectors.ApplyPlan.Action;
import org.junit.jupiter.api.Test;

class ApplyPlanTest {

    @Test
    void shouldCreateMissingUpdateDifferentAndLeaveIdenticalConnectors() {
        ConnectorSpec missing = new ConnectorSpec("missing", Map.of("connector.class", "X"));
        ConnectorSpec changed = new ConnectorSpec("changed", Map.of("connector.class", "X", "tasks.max", "2"));
        ConnectorSpec same = new ConnectorSpec("same", Map.of("connector.class", "X", "topic", "t"));
        Map<String, Map<String, String>> cluster = Map.of(
                "changed", Map.of("name", "changed", "connector.class", "X", "tasks.max", "1"),
                // the server's order of settings differs from the file's: still the same config
                "same", Map.of("topic", "t", "name", "same", "connector.class", "X"),
                "other", Map.of("name", "other"));

        List<ApplyPlan.Step> steps = ApplyPlan.plan(List.of(missing, changed, same), name -> Optional.ofNullable(cluster.get(name)));

        assertThat(steps).extracting(ApplyPlan.Step::action).containsExactly(Action.CREATED, Action.UPDATED, Action.UNCHANGED);
        assertThat(steps).extracting(step -> step.action().label()).containsExactly("created", "updated", "unchanged");
    }

    @Test
    void shouldUpdateAConnectorThatHasASettingTheFileDropped() {
        ConnectorSpec spec = new ConnectorSpec("c", Map.of("connector.class", "X"));
        Map<String, String> current = Map.of("name", "c", "connector.class", "X", "topic", "old");

        assertThat(ApplyPlan.plan(List.of(spec), name -> Optional.of(current))).extracting(ApplyPlan.Step::action)
                .containsExactly(Action.UPDATED);
    }
}
