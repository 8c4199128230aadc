package io.ferry.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityPolicy;
import io.ferry.registry.store.RecordKey;
import io.ferry.registry.store.RecordValue;
import io.ferry.registry.store.RegistryIndex;
import io.ferry.registry.store.RegistryRecord;
import org.junit.jupiter.api.Test;

/** The compatibility policy in force for a subject: its own, else the global one, else STRICT. */
class EffectivePolicyTest {

    private final RegistryIndex index = new RegistryIndex();
    private final EffectiveSettings effective = new EffectiveSettings(index, RegistrySettings.defaults());
    private long offset;

    @Test
    void shouldBeStrictWhenNothingIsSet() {
        assertThat(effective.policy("orders-value")).isEqualTo(CompatibilityPolicy.STRICT);
        assertThat(effective.policy(null)).isEqualTo(CompatibilityPolicy.STRICT);
    }

    @Test
    void shouldFallBackToTheGlobalPolicyWhenTheSubjectSetsOnlyOtherSettings() {
        config(null, CompatibilityLevel.FULL, "LENIENT");
        config("orders-value", CompatibilityLevel.BACKWARD, null);

        assertThat(effective.policy("orders-value")).isEqualTo(CompatibilityPolicy.LENIENT);
    }

    @Test
    void shouldPreferTheSubjectsOwnPolicy() {
        config(null, null, "LENIENT");
        config("orders-value", null, "STRICT");

        assertThat(effective.policy("orders-value")).isEqualTo(CompatibilityPolicy.STRICT);
        assertThat(effective.policy("payments-value")).isEqualTo(CompatibilityPolicy.LENIENT);
    }

    @Test
    void shouldTreatAPolicyItDoesNotKnowAsTheDefault() {
        config("orders-value", null, "SOMEDAY");

        assertThat(effective.policy("orders-value")).isEqualTo(CompatibilityPolicy.STRICT);
    }

    private void config(String subject, CompatibilityLevel level, String policy) {
        ObjectNode others = policy != null
                ? JsonNodeFactory.instance.objectNode().put(EffectiveSettings.POLICY, policy)
                : JsonNodeFactory.instance.objectNode().put("normalize", true);
        index.apply(RegistryRecord.of(new RecordKey.Config(subject), new RecordValue.Config(level, others)), offset++);
    }
}
