package io.ferry.kafka.support.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicRequirementsTest {

    @Test
    void shouldAlwaysAskForCompaction() {
        TopicRequirements requirements = TopicRequirements.compacted("t").config("cleanup.policy", "delete").build();
        assertThat(requirements.configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void shouldCreateWithTheRequiredCountWhenOneIsRequired() {
        assertThat(TopicRequirements.compacted("t").partitionsForCreation(25).exactPartitions(1).build().partitionsForCreation()).isEqualTo(1);
        assertThat(TopicRequirements.compacted("t").partitionsForCreation(25).build().partitionsForCreation()).isEqualTo(25);
    }

    @Test
    void shouldRejectImpossibleSettings() {
        assertThatThrownBy(() -> TopicRequirements.compacted("t").exactPartitions(0).build()).hasMessageContaining("at least one partition");
        assertThatThrownBy(() -> TopicRequirements.compacted("t").replicationFactor((short) 0).build()).hasMessageContaining("replication factor 0");
        assertThatThrownBy(() -> TopicRequirements.compacted(" ").build()).hasMessageContaining("empty");
    }
}
