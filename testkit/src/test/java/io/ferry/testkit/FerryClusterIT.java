package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

class FerryClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void shouldStartThreeBrokersThatReplicateAndSurviveALostBroker() throws Exception {
        try (FerryCluster cluster = FerryCluster.builder().brokers(3).inProcess().start()) {
            assertThat(cluster.brokerCount()).isEqualTo(3);
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
            List<Integer> ids = cluster.admin().describeCluster().nodes().get(10, TimeUnit.SECONDS)
                    .stream().map(Node::id).sorted().toList();
            assertThat(ids).containsExactly(1, 2, 3);

            String topic = cluster.uniqueTopicName("replicated");
            cluster.createTopic(topic, 3);
            TopicDescription description = cluster.admin().describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic);
            assertThat(description.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));

            List<ProducerRecord<String, String>> sent = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                sent.add(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
            }
            cluster.produce(sent);

            cluster.stopBroker(3);
            assertThat(cluster.consumeAll(topic, TIMEOUT)).extracting(ConsumerRecord::value)
                    .hasSize(30).contains("value-0", "value-29");
            cluster.produce(topic, "after-stop", "still-accepted");
            cluster.startBroker(3);
            assertThat(cluster.consume(topic, 31, TIMEOUT)).extracting(ConsumerRecord::value).contains("still-accepted");
        }
    }

    @Test
    void shouldAttachToAnOutsideClusterWithoutOwningIt() {
        try (FerryCluster outside = FerryCluster.builder().inProcess().start()) {
            String topic = outside.uniqueTopicName("shared");
            outside.createTopic(topic, 1);
            outside.produce(topic, "k", "from-outside");

            ExternalClusterSettings settings = new ExternalClusterSettings(outside.bootstrapServers(), Map.of());
            try (FerryCluster attached = FerryCluster.builder().attachTo(settings).start()) {
                assertThat(attached.isExternal()).isTrue();
                assertThat(attached.brokerCount()).isEqualTo(1);
                assertThat(attached.consume(topic, 1, TIMEOUT)).extracting(ConsumerRecord::value).containsExactly("from-outside");
                assertThatThrownBy(() -> attached.stopBroker(1))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("outside cluster");
            }
            // Closing the attached view leaves the outside cluster running.
            outside.produce(topic, "k", "after-detach");
            assertThat(outside.consume(topic, 2, TIMEOUT)).hasSize(2);

            assertThatThrownBy(() -> FerryCluster.builder().brokers(3).attachTo(settings).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the test needs 3 brokers, but the outside cluster at " + outside.bootstrapServers() + " has 1");
        }
    }

    @Test
    void shouldReportAMissingTopicByName() {
        try (FerryCluster cluster = FerryCluster.builder().inProcess().brokerProperty("auto.create.topics.enable", "false").start()) {
            assertThatThrownBy(() -> cluster.consume("no-such-topic", 1, Duration.ofSeconds(2)))
                    .hasMessageContaining("no-such-topic");
        }
    }
}
