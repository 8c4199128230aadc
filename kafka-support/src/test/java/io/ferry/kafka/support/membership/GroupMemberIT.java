package io.ferry.kafka.support.membership;

import static io.ferry.kafka.support.membership.MemberFixture.CONVERGENCE;
import static io.ferry.kafka.support.membership.MemberFixture.theLeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class GroupMemberIT {
    private static final Logger log = LoggerFactory.getLogger(GroupMemberIT.class);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    private MemberFixture members;

    @BeforeEach
    void createFixture() {
        members = new MemberFixture(KAFKA.cluster());
    }

    @AfterEach
    void closeMembers() {
        members.close();
    }

    @Test
    void shouldElectExactlyOneLeaderThatEveryMemberAgreesOn(FerryCluster cluster) throws Exception {
        GroupMember a = members.start("a");
        GroupMember b = members.start("b");
        GroupMember c = members.start("c");

        List<MembershipView> views = members.awaitAgreement(a, b, c);

        GroupMember leader = theLeader(a, b, c);
        assertThat(views.get(0).leader()).contains(leader.identity());
        assertThat(leader.view().leaderSince()).isPresent();
        assertThat(views).allSatisfy(v -> assertThat(v.groupMetadata()).hasValueSatisfying(metadata -> {
            assertThat(metadata.groupId()).isEqualTo(members.groupId);
            assertThat(metadata.generationId()).isEqualTo(v.generation());
        }));

        // Kafka's own account: the coordination partition belongs to the leader's consumer only.
        TopicPartition coordination = new TopicPartition(members.coordinationTopic, 0);
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            ConsumerGroupDescription group = cluster.admin().describeConsumerGroups(List.of(members.groupId))
                    .all().get(10, TimeUnit.SECONDS).get(members.groupId);
            Map<String, java.util.Set<TopicPartition>> owned = group.members().stream().collect(Collectors.toMap(
                    MemberDescription::clientId, m -> m.assignment().topicPartitions()));
            assertThat(owned).hasSize(3).containsEntry("ferry-member-" + members.groupId + "-" + leader.identity().id(),
                    java.util.Set.of(coordination));
            assertThat(owned.values()).filteredOn(partitions -> !partitions.isEmpty()).hasSize(1);
        });
    }

    @Test
    void shouldElectAnotherLeaderQuicklyWhenTheLeaderLeaves() {
        GroupMember a = members.start("a");
        GroupMember b = members.start("b");
        GroupMember c = members.start("c");
        members.awaitAgreement(a, b, c);
        GroupMember leader = theLeader(a, b, c);
        List<GroupMember> rest = java.util.stream.Stream.of(a, b, c).filter(m -> m != leader).toList();

        long leaving = System.nanoTime();
        leader.close();
        List<MembershipView> views = members.awaitAgreement(rest.toArray(GroupMember[]::new));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - leaving);

        log.info("Measured: a new leader was elected {} ms after the leader left gracefully (session {} ms, heartbeat {} ms)",
                elapsedMs, MemberFixture.SESSION_TIMEOUT.toMillis(), MemberFixture.HEARTBEAT_INTERVAL.toMillis());
        assertThat(views.get(0).leader()).isPresent().get().isNotEqualTo(leader.identity());
        assertThat(theLeader(rest.toArray(GroupMember[]::new)).identity()).isEqualTo(views.get(0).leader().get());
        assertThat(leader.view().isMember()).as("a closed member is in no plan").isFalse();
        assertThat(leader.view().isLeader()).isFalse();
    }

    @Test
    void shouldKeepTheLeaderWhenAMemberOfHigherPriorityJoins() {
        GroupMember first = members.start("first", s -> s.priority(1));
        GroupMember second = members.start("second", s -> s.priority(1));
        MembershipView before = members.awaitAgreement(first, second).get(0);
        GroupMember leader = theLeader(first, second);
        int term = leader.view().leaderSince().getAsInt();

        long joining = System.nanoTime();
        GroupMember newcomer = members.start("newcomer", s -> s.priority(100));
        List<MembershipView> views = members.awaitAgreement(first, second, newcomer);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - joining);

        log.info("Measured: every member saw the new member {} ms after it started", elapsedMs);
        assertThat(views.get(0).generation()).isGreaterThan(before.generation());
        assertThat(views.get(0).leader()).as("the incumbent stays").contains(leader.identity());
        assertThat(theLeader(first, second, newcomer)).isSameAs(leader);
        assertThat(leader.view().leaderSince()).as("an uninterrupted term").hasValue(term);
    }

    @Test
    void shouldNeverLetAnIneligibleMemberLeadAndRespectPrioritiesOnAFreshElection() {
        GroupMember observer = members.start("observer", s -> s.eligible(false).priority(1000));
        members.awaitAgreement(observer);
        assertThat(observer.view().leader()).as("no eligible member, no leader").isEmpty();

        GroupMember low = members.start("low", s -> s.priority(1));
        assertThat(members.awaitAgreement(observer, low).get(0).leader()).contains(low.identity());

        GroupMember high = members.start("high", s -> s.priority(9));
        GroupMember middle = members.start("middle", s -> s.priority(5));
        assertThat(members.awaitAgreement(observer, low, high, middle).get(0).leader())
                .as("the incumbent stays although others have higher priority").contains(low.identity());

        low.close();
        assertThat(members.awaitAgreement(observer, high, middle).get(0).leader())
                .as("fresh election: the highest priority among the eligible").contains(high.identity());

        high.close();
        assertThat(members.awaitAgreement(observer, middle).get(0).leader()).contains(middle.identity());

        middle.close();
        assertThat(members.awaitAgreement(observer).get(0).leader()).isEmpty();

        assertThat(members.history("observer")).isNotEmpty().allSatisfy(view -> {
            assertThat(view.isLeader()).isFalse();
            assertThat(view.leader()).isNotEqualTo(Optional.of(observer.identity()));
        });
    }

    @Test
    void shouldElectAnotherLeaderOnceTheSessionOfACrashedLeaderExpires() {
        GroupMember a = members.start("a");
        GroupMember b = members.start("b");
        GroupMember c = members.start("c");
        members.awaitAgreement(a, b, c);
        GroupMember leader = theLeader(a, b, c);
        GroupMember[] rest = java.util.stream.Stream.of(a, b, c).filter(m -> m != leader).toArray(GroupMember[]::new);

        long crashing = System.nanoTime();
        leader.close(GroupMembershipOperation.REMAIN_IN_GROUP); // heartbeats stop, no leave: as a killed process
        List<MembershipView> views = members.awaitAgreement(rest);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - crashing);

        log.info("Measured: a new leader was elected {} ms after the leader crashed (session {} ms, heartbeat {} ms)",
                elapsedMs, MemberFixture.SESSION_TIMEOUT.toMillis(), MemberFixture.HEARTBEAT_INTERVAL.toMillis());
        assertThat(views.get(0).leader()).isPresent().get().isNotEqualTo(leader.identity());
        // The others can only have learnt of it from the expired session: the last heartbeat came at
        // most one interval before the crash, so the session ran out at least this long after it.
        assertThat(elapsedMs).as("detected through the session timeout, not a leave")
                .isGreaterThanOrEqualTo(MemberFixture.SESSION_TIMEOUT.minus(MemberFixture.HEARTBEAT_INTERVAL).toMillis());
    }

    @Test
    void shouldKeepFollowingTheGroupWhileAListenerIsSlow() throws Exception {
        GroupMember a = members.start("a");
        members.awaitAgreement(a);
        CountDownLatch release = new CountDownLatch(1);
        List<String> listenerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
        a.addListener(view -> {
            listenerThreads.add(Thread.currentThread().getName());
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        try {
            GroupMember b = members.start("b");
            members.awaitAgreement(a, b); // a's view moves on although its listener is stuck
        } finally {
            release.countDown();
        }
        assertThat(listenerThreads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("ferry-member-events-"));
    }

    @Test
    void shouldTellANewListenerTheCurrentViewFirst() throws Exception {
        GroupMember a = members.start("a");
        MembershipView current = members.awaitAgreement(a).get(0);
        List<MembershipView> told = new java.util.concurrent.CopyOnWriteArrayList<>();

        a.addListener(told::add);

        await().atMost(CONVERGENCE).until(() -> !told.isEmpty());
        assertThat(told.get(0)).isEqualTo(current);
    }

    @Test
    void shouldLeaveWhenClosedFromItsOwnListener() {
        GroupMember a = members.start("a");
        GroupMember b = members.start("b");
        members.awaitAgreement(a, b);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        a.addListener(view -> {
            a.close();
            closed.complete(null);
        });

        await().atMost(CONVERGENCE).until(closed::isDone);
        assertThat(a.view().isMember()).isFalse();
        assertThat(members.awaitAgreement(b).get(0).leader()).contains(b.identity());
    }

    @Test
    void shouldPlanWithTheUpdatedPayloadOfAMember() throws Exception {
        // A planner as Connect's will be: each member's assignment depends on what it announced.
        MembershipPlanner echo = (all, previous) -> new MembershipPlan(LeaderElectionPlanner.chooseLeader(all, previous),
                all.stream().collect(Collectors.toMap(MemberMetadata::id, m -> ("seen " + new String(m.payload(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8))));
        GroupMember a = members.start("a", s -> s.payload(bytes("offset 1")), echo);
        GroupMember b = members.start("b", s -> s.payload(bytes("offset 7")), echo);
        members.awaitAgreement(a, b);
        assertThat(a.view().assignment()).asString(StandardCharsets.UTF_8).isEqualTo("seen offset 1");
        assertThat(b.view().assignment()).asString(StandardCharsets.UTF_8).isEqualTo("seen offset 7");

        b.updatePayload(bytes("offset 8"));

        MembershipView updated = b.awaitView(v -> new String(v.assignment(), StandardCharsets.UTF_8).equals("seen offset 8"), CONVERGENCE);
        assertThat(updated.leader()).as("a rejoin keeps the leader").isEqualTo(Optional.of(theLeader(a, b).identity()));
        assertThat(a.view().assignment()).asString(StandardCharsets.UTF_8).isEqualTo("seen offset 1");
    }

    @Test
    void shouldJoinTheNextRebalanceOnlyOnceItsApplicationAppliedThePlanItReceived() throws Exception {
        // An application that must stop work a plan takes away before anyone else is given it (Connect's workers).
        GroupMember a = members.start("a", s -> s.rejoinOnceApplied(true).rebalanceTimeout(Duration.ofSeconds(40)));
        int first = members.awaitAgreement(a).get(0).generation();

        GroupMember b = members.start("b");

        // a is still applying its plan: the group waits for it, so b gets no plan and a keeps its generation.
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            assertThat(b.view().isMember()).as("b has a plan although a did not apply its own yet").isFalse();
            assertThat(a.view().generation()).isEqualTo(first);
            Thread.sleep(50);
        }

        a.planApplied(first);

        List<MembershipView> agreed = members.awaitAgreement(a, b);
        assertThat(agreed.get(0).generation()).isGreaterThan(first);
    }

    @Test
    void shouldJoinAgainWhenTheApplicationDoesNotSayItAppliedThePlanWithinHalfTheRebalanceTimeout() {
        GroupMember a = members.start("a", s -> s.rejoinOnceApplied(true).rebalanceTimeout(Duration.ofSeconds(4)));
        members.awaitAgreement(a);

        GroupMember b = members.start("b");

        members.awaitAgreement(a, b);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
