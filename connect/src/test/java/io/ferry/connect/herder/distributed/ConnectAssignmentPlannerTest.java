package io.ferry.connect.herder.distributed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import io.ferry.connect.model.TaskId;
import io.ferry.kafka.support.membership.KnownPlan;
import io.ferry.kafka.support.membership.MemberIdentity;
import io.ferry.kafka.support.membership.MemberMetadata;
import io.ferry.kafka.support.membership.MembershipPlan;
import io.ferry.kafka.support.membership.PreviousPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectAssignmentPlannerTest {
    private static final WorkerAnnouncement TOPICS = new WorkerAnnouncement(10, "configs", "offsets", "statuses");

    private ClusterWork work = work(10, 2, 3);
    private final AtomicLong behindAt = new AtomicLong(-1);
    private final MutableClock clock = new MutableClock();
    private ConnectAssignmentPlanner planner = new ConnectAssignmentPlanner(() -> work, behindAt::set, Duration.ZERO, clock);

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void shouldHoldBackTheWorkOfADepartedWorkerForTheGraceThenGiveItOut() {
        planner = new ConnectAssignmentPlanner(() -> work, behindAt::set, Duration.ofSeconds(10), clock);
        Map<String, ConnectAssignment> first = plan(List.of(member("w1", KnownPlan.NONE), member("w2", KnownPlan.NONE),
                member("w3", KnownPlan.NONE)));

        Map<String, ConnectAssignment> held = plan(List.of(member("w1", known(1, first.get("w1"))), member("w2", known(1, first.get("w2")))));
        assertThat(held.get("w1").tasks()).isEqualTo(first.get("w1").tasks());
        assertThat(held.get("w2").tasks()).isEqualTo(first.get("w2").tasks());
        assertThat(held.get("w1").replanAtMs()).isEqualTo(clock.millis() + 10_000);

        clock.millis += 10_000;
        Map<String, ConnectAssignment> released = plan(List.of(member("w1", known(2, held.get("w1"))), member("w2", known(2, held.get("w2")))));
        assertEveryItemOnce(released);
        assertThat(released.get("w1").replanAtMs()).isZero();
    }

    @Test
    void shouldGiveTheHeldWorkToAWorkerThatComesBackWithinTheGrace() {
        planner = new ConnectAssignmentPlanner(() -> work, behindAt::set, Duration.ofSeconds(10), clock);
        Map<String, ConnectAssignment> first = plan(List.of(member("w1", KnownPlan.NONE), member("w2", KnownPlan.NONE),
                member("w3", KnownPlan.NONE)));
        Map<String, ConnectAssignment> held = plan(List.of(member("w1", known(1, first.get("w1"))), member("w2", known(1, first.get("w2")))));

        clock.millis += 3_000;
        Map<String, ConnectAssignment> back = plan(List.of(member("w1", known(2, held.get("w1"))), member("w2", known(2, held.get("w2"))),
                member("w3", KnownPlan.NONE)));
        assertEveryItemOnce(back);
        assertThat(back.get("w3").tasks()).isEqualTo(first.get("w3").tasks());
        assertThat(back.values()).noneMatch(ConnectAssignment::rejoin);
    }

    @Test
    void shouldShareEveryConnectorAndTaskEvenlyOnAFreshGroup() {
        Map<String, ConnectAssignment> plan = plan(List.of(member("w1", KnownPlan.NONE), member("w2", KnownPlan.NONE),
                member("w3", KnownPlan.NONE)));

        assertEveryItemOnce(plan);
        assertThat(plan.values()).allSatisfy(a -> assertThat(a.tasks()).hasSize(2));
        assertThat(plan.values()).noneMatch(ConnectAssignment::rejoin);
    }

    @Test
    void shouldKeepWorkWhereItRunsWhenNothingChanged() {
        Map<String, ConnectAssignment> first = plan(List.of(member("w1", KnownPlan.NONE), member("w2", KnownPlan.NONE)));
        Map<String, ConnectAssignment> second = plan(List.of(member("w1", known(1, first.get("w1"))), member("w2", known(1, first.get("w2")))));

        assertThat(second.get("w1").tasks()).isEqualTo(first.get("w1").tasks());
        assertThat(second.get("w2").connectors()).isEqualTo(first.get("w2").connectors());
        assertThat(second.values()).noneMatch(ConnectAssignment::rejoin);
    }

    @Test
    void shouldGiveTheWorkOfAWorkerThatIsGoneToTheOthersAtOnce() {
        Map<String, ConnectAssignment> first = plan(List.of(member("w1", KnownPlan.NONE), member("w2", KnownPlan.NONE),
                member("w3", KnownPlan.NONE)));
        Map<String, ConnectAssignment> second = plan(List.of(member("w1", known(1, first.get("w1"))), member("w2", known(1, first.get("w2")))));

        assertEveryItemOnce(second);
        assertThat(second.get("w1").tasks()).containsAll(first.get("w1").tasks());
        assertThat(second.get("w2").tasks()).containsAll(first.get("w2").tasks());
        assertThat(second.get("w1").tasks().size() + second.get("w2").tasks().size()).isEqualTo(6);
    }

    @Test
    void shouldMoveWorkToANewWorkerInTwoRoundsWithoutRunningAnythingTwice() {
        Map<String, ConnectAssignment> first = plan(List.of(member("w1", KnownPlan.NONE), member("w2", KnownPlan.NONE)));
        Map<String, ConnectAssignment> revoking = plan(List.of(member("w1", known(1, first.get("w1"))),
                member("w2", known(1, first.get("w2"))), member("w3", KnownPlan.NONE)));

        // round one: the new worker gets nothing yet; the others give up their extra and are told to rejoin
        assertThat(revoking.get("w3").tasks()).isEmpty();
        assertThat(revoking.get("w1").rejoin() || revoking.get("w2").rejoin()).isTrue();
        assertThat(first.get("w1").tasks()).containsAll(revoking.get("w1").tasks());
        assertThat(first.get("w2").tasks()).containsAll(revoking.get("w2").tasks());
        assertNoItemTwice(revoking);

        Map<String, ConnectAssignment> settled = plan(List.of(member("w1", known(2, revoking.get("w1"))),
                member("w2", known(2, revoking.get("w2"))), member("w3", known(2, revoking.get("w3")))));
        assertEveryItemOnce(settled);
        assertThat(settled.values()).allSatisfy(a -> assertThat(a.tasks()).hasSize(2));
        assertThat(settled.values()).noneMatch(ConnectAssignment::rejoin);
    }

    @Test
    void shouldLetTheNewerGenerationWinWhenTwoWorkersReportTheSameTask() {
        ConnectAssignment all = new ConnectAssignment(10, 0, work.connectors(), work.tasks(), false, 0, null);
        Map<String, ConnectAssignment> plan = plan(List.of(member("w1", known(3, all)), member("w2", known(5, all))));

        assertNoItemTwice(plan);
        assertThat(plan.get("w2").tasks().size()).isGreaterThanOrEqualTo(plan.get("w1").tasks().size());
    }

    @Test
    void shouldPlanNothingAndCatchUpWhenAnotherWorkerReadTheConfigTopicFurther() {
        ConnectAssignment mine = new ConnectAssignment(10, 0, new TreeSet<>(Set.of("c0")), new TreeSet<>(Set.of(new TaskId("c0", 0))), false, 0, null);
        MemberMetadata ahead = new MemberMetadata(new MemberIdentity("w2", "http://w2:8083/"), true, 0, KnownPlan.NONE,
                new WorkerAnnouncement(42, "configs", "offsets", "statuses").encode());

        Map<String, ConnectAssignment> plan = plan(List.of(member("w1", known(1, mine)), ahead));

        assertThat(behindAt.get()).isEqualTo(42);
        assertThat(plan.values()).allMatch(a -> a.failed() && a.error().kind() == ConnectAssignment.Kind.CONFIG_BEHIND);
        assertThat(plan.get("w1").tasks()).as("the plan echoes what w1 runs").containsExactly(new TaskId("c0", 0));
    }

    @Test
    void shouldRefuseAWorkerWhoseInternalTopicsClashWithTheLeaders() {
        MemberMetadata stranger = new MemberMetadata(new MemberIdentity("w9", "http://w9:8083/"), true, 0, KnownPlan.NONE,
                new WorkerAnnouncement(10, "other-configs", "offsets", "statuses").encode());

        Map<String, ConnectAssignment> plan = plan(List.of(member("w1", KnownPlan.NONE), stranger));

        assertThat(plan.get("w9").failed()).isTrue();
        assertThat(plan.get("w9").error().message()).contains("config.storage.topic", "other-configs", "configs");
        assertThat(plan.get("w1").tasks()).hasSize(6);
    }

    @Test
    void shouldRemoveWorkThatNoLongerExists() {
        Map<String, ConnectAssignment> first = plan(List.of(member("w1", KnownPlan.NONE), member("w2", KnownPlan.NONE)));
        work = work(11, 1, 3);
        Map<String, ConnectAssignment> second = plan(List.of(member("w1", known(1, first.get("w1"))), member("w2", known(1, first.get("w2")))));

        assertEveryItemOnce(second);
        assertThat(second.values().stream().flatMap(a -> a.tasks().stream())).allMatch(t -> t.connector().equals("c0"));
    }

    @Test
    void shouldRoundTripAnAssignmentThroughItsBytes() {
        ConnectAssignment assignment = new ConnectAssignment(7, 99, new TreeSet<>(Set.of("a", "b")),
                new TreeSet<>(Set.of(new TaskId("a", 0), new TaskId("b", 3))), true, 1234, null);
        assertThat(ConnectAssignment.decode(assignment.encode())).isEqualTo(assignment);
        ConnectAssignment failed = ConnectAssignment.failed(3, ConnectAssignment.Kind.SETTINGS_CLASH, "why");
        assertThat(ConnectAssignment.decode(failed.encode())).isEqualTo(failed);
    }

    private Map<String, ConnectAssignment> plan(List<MemberMetadata> members) {
        List<MemberMetadata> sorted = new ArrayList<>(members);
        sorted.sort(java.util.Comparator.comparing(MemberMetadata::id));
        MembershipPlan plan = planner.plan(sorted, PreviousPlan.from(sorted));
        Map<String, ConnectAssignment> result = new TreeMap<>();
        for (MemberMetadata member : sorted) {
            result.put(member.id(), ConnectAssignment.decode(plan.assignmentOf(member.id())));
        }
        return result;
    }

    private static MemberMetadata member(String id, KnownPlan known) {
        return new MemberMetadata(new MemberIdentity(id, "http://" + id + ":8083/"), true, 0, known, TOPICS.encode());
    }

    private static KnownPlan known(int generation, ConnectAssignment assignment) {
        return new KnownPlan(generation, Optional.of("w1"), assignment.encode());
    }

    private static ClusterWork work(long offset, int connectors, int tasksEach) {
        TreeSet<String> names = new TreeSet<>();
        TreeSet<TaskId> tasks = new TreeSet<>();
        for (int c = 0; c < connectors; c++) {
            names.add("c" + c);
            for (int t = 0; t < tasksEach; t++) {
                tasks.add(new TaskId("c" + c, t));
            }
        }
        return new ClusterWork(offset, names, tasks);
    }

    private void assertEveryItemOnce(Map<String, ConnectAssignment> plan) {
        assertNoItemTwice(plan);
        Set<TaskId> tasks = new HashSet<>();
        Set<String> connectors = new HashSet<>();
        plan.values().forEach(a -> {
            tasks.addAll(a.tasks());
            connectors.addAll(a.connectors());
        });
        assertThat(tasks).isEqualTo(work.tasks());
        assertThat(connectors).isEqualTo(work.connectors());
    }

    private static void assertNoItemTwice(Map<String, ConnectAssignment> plan) {
        List<Object> all = new ArrayList<>();
        plan.values().forEach(a -> {
            all.addAll(a.tasks());
            all.addAll(a.connectors());
        });
        assertThat(all).doesNotHaveDuplicates();
    }
}
