package io.ferry.kafka.support.membership;

import static io.ferry.kafka.support.membership.MemberFixture.CONVERGENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LeaderFencedProducerIT {
    private static final Logger log = LoggerFactory.getLogger(LeaderFencedProducerIT.class);
    /** A member whose poll thread stalls longer than this leaves the group (its heartbeat thread sends the leave). */
    private static final Duration REBALANCE_TIMEOUT = Duration.ofSeconds(3);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    private MemberFixture members;
    private String dataTopic;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<CountDownLatch> toRelease = new ArrayList<>();

    @BeforeEach
    void setUp(FerryCluster cluster) {
        members = new MemberFixture(cluster);
        dataTopic = cluster.uniqueTopicName("leader-writes");
        cluster.createTopic(dataTopic, 1);
    }

    @AfterEach
    void tearDown() throws Exception {
        toRelease.forEach(CountDownLatch::countDown);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        members.close();
    }

    private GroupMember start(String id) {
        return members.start(id, s -> s.rebalanceTimeout(REBALANCE_TIMEOUT));
    }

    private LeaderFencedProducer<String, String> producer(FerryCluster cluster) {
        LeaderFencedProducer<String, String> producer = LeaderFencedProducer.builder(new StringSerializer(), new StringSerializer())
                .clientConfig(cluster.clientConfig())
                .transactionalId("ferry-leader-" + members.groupId)
                .build();
        toClose.add(producer);
        return producer;
    }

    private String write(LeaderFencedProducer<String, String> producer, MembershipView view, String value) {
        return producer.runInTransaction(view, sender -> {
            sender.send(new ProducerRecord<>(dataTopic, "key", value));
            return value;
        });
    }

    private List<String> committedValues(FerryCluster cluster) {
        return cluster.consumeAll(dataTopic, Duration.ofSeconds(30)).stream().map(ConsumerRecord::value).toList();
    }

    /** Stalls the member's poll thread (its heartbeat thread keeps going) until the test releases it. */
    private CountDownLatch stallPollThread(GroupMember member) {
        CountDownLatch release = new CountDownLatch(1);
        toRelease.add(release);
        member.runOnPollThread(() -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }

    @Test
    void shouldCommitTheLeadersWritesAndRefuseAFollowersWithoutTouchingKafka(FerryCluster cluster) {
        GroupMember a = start("a");
        members.awaitAgreement(a);
        GroupMember b = start("b");
        members.awaitAgreement(a, b);
        MembershipView leaderView = a.view();
        assertThat(leaderView.isLeader()).isTrue();

        LeaderFencedProducer<String, String> leader = producer(cluster);
        leader.claim(leaderView);
        assertThat(write(leader, leaderView, "first")).isEqualTo("first");
        write(leader, leaderView, "second");

        LeaderFencedProducer<String, String> follower = producer(cluster);
        assertThatThrownBy(() -> follower.claim(b.view()))
                .isInstanceOf(NotLeaderException.class)
                .hasMessageStartingWith("member b is not leader of group " + members.groupId);
        assertThat(committedValues(cluster)).containsExactly("first", "second");
    }

    @Test
    void shouldRefuseToWriteInATermThatWasNotClaimed(FerryCluster cluster) {
        GroupMember a = start("a");
        MembershipView view = members.awaitAgreement(a).get(0);

        assertThatThrownBy(() -> write(producer(cluster), view, "unclaimed"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call claim(view) first");
    }

    @Test
    void shouldRefuseTheWritesOfALeaderThatStalledWhileAnotherWasElected(FerryCluster cluster) throws Exception {
        GroupMember a = start("a");
        members.awaitAgreement(a);
        GroupMember b = start("b");
        members.awaitAgreement(a, b);
        MembershipView staleView = a.view();
        assertThat(staleView.isLeader()).isTrue();
        LeaderFencedProducer<String, String> former = producer(cluster);
        former.claim(staleView);
        write(former, staleView, "a while leader");

        CountDownLatch resumeA = stallPollThread(a);
        long stalled = System.nanoTime();
        MembershipView newLeaderView = b.awaitView(MembershipView::isLeader, CONVERGENCE);
        log.info("Measured: member b was elected {} ms after a's poll thread stalled (rebalance timeout {} ms)",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stalled), REBALANCE_TIMEOUT.toMillis());
        assertThat(a.view()).as("the stalled member still believes it leads").isEqualTo(staleView);

        NotLeaderException refused = catchNotLeader(() -> write(former, staleView, "a after losing the lead"));
        log.info("Measured: a stale leader's transaction failed with {}", causes(refused));
        assertThat(refused.generation()).isEqualTo(staleView.generation());
        assertThat(refused).hasMessageContaining("the group coordinator no longer accepts its generation")
                .hasRootCauseInstanceOf(org.apache.kafka.clients.consumer.CommitFailedException.class);

        LeaderFencedProducer<String, String> current = producer(cluster);
        current.claim(newLeaderView);
        write(current, newLeaderView, "b as leader");

        assertThat(committedValues(cluster)).containsExactly("a while leader", "b as leader");

        resumeA.countDown();
        MembershipView resumed = a.awaitView(v -> v.isMember() && v.generation() > newLeaderView.generation() - 1
                && v.leader().isPresent() && !v.isLeader(), CONVERGENCE);
        assertThat(resumed.leader()).contains(b.identity());
        assertThat(members.history("a")).as("a heard that it lost its membership").anySatisfy(v -> assertThat(v.isMember()).isFalse());
        assertThatThrownBy(() -> write(former, staleView, "a retrying with its old view"))
                .isInstanceOf(NotLeaderException.class)
                .hasMessageContaining("Kafka already refused the leadership of member a");
        assertThat(committedValues(cluster)).containsExactly("a while leader", "b as leader");
    }

    @Test
    void shouldAbortWhatAFormerLeaderLeftOpenWhenTheNewLeaderClaims(FerryCluster cluster) throws Exception {
        GroupMember a = start("a");
        members.awaitAgreement(a);
        GroupMember b = start("b");
        members.awaitAgreement(a, b);
        MembershipView staleView = a.view();
        LeaderFencedProducer<String, String> former = producer(cluster);
        former.claim(staleView);

        // a's process freezes in the middle of a transaction: its records are sent, not committed.
        CountDownLatch sent = new CountDownLatch(1);
        CountDownLatch resumeBody = new CountDownLatch(1);
        toRelease.add(resumeBody);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        CompletableFuture<Void> frozen = CompletableFuture.runAsync(() -> {
            try {
                former.runInTransaction(staleView, sender -> {
                    sender.send(new ProducerRecord<>(dataTopic, "key", "a left open")).join();
                    sent.countDown();
                    block(resumeBody);
                    return null;
                });
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });
        assertThat(sent.await(30, TimeUnit.SECONDS)).isTrue();
        stallPollThread(a);

        MembershipView newLeaderView = b.awaitView(MembershipView::isLeader, CONVERGENCE);
        LeaderFencedProducer<String, String> current = producer(cluster);
        long claiming = System.nanoTime();
        current.claim(newLeaderView);
        log.info("Measured: the new leader's claim settled the former leader's open transaction in {} ms",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - claiming));
        write(current, newLeaderView, "b as leader");

        // Readable at once: the open transaction no longer holds read_committed readers back.
        assertThat(committedValues(cluster)).containsExactly("b as leader");

        resumeBody.countDown();
        frozen.get(60, TimeUnit.SECONDS);
        log.info("Measured: a former leader resuming a transaction after a new claim failed with {}", causes(outcome.get()));
        assertThat(outcome.get()).isInstanceOf(NotLeaderException.class);
        assertThat(committedValues(cluster)).containsExactly("b as leader");
    }

    @Test
    void shouldRefuseAViewOfAnEarlierGenerationAndAcceptTheCurrentOneOfTheSameTerm(FerryCluster cluster) throws Exception {
        GroupMember a = start("a");
        MembershipView earlier = members.awaitAgreement(a).get(0);
        LeaderFencedProducer<String, String> leader = producer(cluster);
        leader.claim(earlier);

        start("b");
        MembershipView later = a.awaitView(v -> v.generation() > earlier.generation() && v.members().size() == 2, CONVERGENCE);
        assertThat(later.isLeader()).isTrue();
        assertThat(later.leaderSince()).isEqualTo(earlier.leaderSince());

        NotLeaderException refused = catchNotLeader(() -> write(leader, earlier, "with the earlier generation"));
        log.info("Measured: a transaction with the group metadata of an earlier generation failed with {}", causes(refused));
        assertThat(refused).hasRootCauseInstanceOf(org.apache.kafka.clients.consumer.CommitFailedException.class);

        write(leader, later, "with the current generation");
        assertThat(committedValues(cluster)).containsExactly("with the current generation");
    }

    private static NotLeaderException catchNotLeader(Runnable action) {
        try {
            action.run();
        } catch (NotLeaderException e) {
            return e;
        }
        throw new AssertionError("expected a NotLeaderException");
    }

    private static String causes(Throwable error) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            chain.append(chain.length() == 0 ? "" : " <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return chain.toString();
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
