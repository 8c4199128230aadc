package io.ferry.kafka.support.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TopicProvisionerIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    private static TopicProvisioner provisioner(FerryCluster cluster) {
        return new TopicProvisioner(cluster.admin(), Duration.ofSeconds(30));
    }

    @Test
    void shouldCreateAMissingTopicCompactedWithTheRequiredPartitions(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("created");
        List<TopicPartition> partitions = provisioner(cluster).ensure(TopicRequirements.compacted(topic)
                .exactPartitions(1).config("min.compaction.lag.ms", "0").build());
        assertThat(partitions).containsExactly(new TopicPartition(topic, 0));

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = cluster.admin().describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config.get("min.compaction.lag.ms").value()).isEqualTo("0");
    }

    @Test
    void shouldAcceptAnExistingCompactedTopicWithAnyPartitionCountWhenNoneIsRequired(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("offsets-like");
        cluster.createCompactedTopic(topic, 4);
        assertThat(provisioner(cluster).ensure(TopicRequirements.compacted(topic).partitionsForCreation(25).build()))
                .extracting(TopicPartition::partition).containsExactly(0, 1, 2, 3);
    }

    @Test
    void shouldRefuseATopicThatDeletesOldRecords(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("deleting");
        cluster.createTopic(topic, 1);
        assertThatThrownBy(() -> provisioner(cluster).ensure(TopicRequirements.compacted(topic)
                .purpose("the schema store").exactPartitions(1).build()))
                .isInstanceOf(TopicMisconfiguredException.class)
                .hasMessageStartingWith("topic '" + topic + "' has cleanup.policy=delete, but the schema store needs cleanup.policy=compact")
                .hasMessageContaining("state they hold is lost");
    }

    @Test
    void shouldRefuseACompactAndDeletePolicy(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("compact-delete");
        cluster.createTopic(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact,delete")));
        assertThatThrownBy(() -> provisioner(cluster).ensure(TopicRequirements.compacted(topic).build()))
                .isInstanceOf(TopicMisconfiguredException.class)
                .hasMessageContaining("has cleanup.policy=compact,delete");
    }

    @Test
    void shouldRefuseAWrongPartitionCount(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("three-partitions");
        cluster.createCompactedTopic(topic, 3);
        assertThatThrownBy(() -> provisioner(cluster).ensure(TopicRequirements.compacted(topic)
                .purpose("the schema store").exactPartitions(1).build()))
                .isInstanceOf(TopicMisconfiguredException.class)
                .hasMessage("topic '" + topic + "' has 3 partitions, but the schema store needs exactly 1: its records must stay"
                        + " in one total order, which Kafka keeps only within a partition. Use a topic with 1 partition.");
    }

    @Test
    void shouldNameAMissingTopicItMayNotCreate(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("absent");
        assertThatThrownBy(() -> provisioner(cluster).ensure(TopicRequirements.compacted(topic)
                .purpose("the config store").createIfMissing(false).build()))
                .isInstanceOf(TopicSetupException.class)
                .hasMessage("topic '" + topic + "' for the config store does not exist; create it as a compacted topic, or let Ferry create it");
    }

    @Test
    void shouldExplainAReplicationFactorTheClusterCannotMeet(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("over-replicated");
        assertThatThrownBy(() -> provisioner(cluster).ensure(TopicRequirements.compacted(topic)
                .purpose("the config store").replicationFactor((short) 3).build()))
                .isInstanceOf(TopicSetupException.class)
                .hasMessageStartingWith("cannot create topic '" + topic + "' for the config store: ")
                .hasMessageContaining("replication factor");
    }

    @Test
    void shouldCreateAMissingSubscriptionOnlyTopicWithOnePartition(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("coordination");
        assertThat(provisioner(cluster).ensureExists(topic, "group coordination", (short) -1))
                .containsExactly(new TopicPartition(topic, 0));
        assertThat(cluster.admin().describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions())
                .hasSize(1);
    }

    @Test
    void shouldAcceptAnExistingSubscriptionOnlyTopicWhateverItsSettings(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("coordination-existing");
        cluster.createTopic(topic, 3); // cleanup.policy=delete: irrelevant for a topic that holds nothing
        assertThat(provisioner(cluster).ensureExists(topic, "group coordination", (short) -1))
                .extracting(TopicPartition::partition).containsExactly(0, 1, 2);
    }
}
