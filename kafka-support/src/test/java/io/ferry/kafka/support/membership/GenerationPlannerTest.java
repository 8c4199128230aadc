package io.ferry.kafka.support.membership;

import static io.ferry.kafka.support.membership.Members.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class GenerationPlannerTest {

    private static ByteBuffer announce(MemberMetadata metadata) {
        return ByteBuffer.wrap(MembershipCodec.encodeMetadata(metadata));
    }

    @Test
    void shouldGiveEveryMemberTheSamePlanAndOnlyItsOwnAssignment() {
        MembershipPlanner planner = (members, previous) -> new MembershipPlan(Optional.of("b"),
                Map.of("a", new byte[] {1}, "b", new byte[] {2}));
        Map<String, ByteBuffer> announcements = new LinkedHashMap<>();
        announcements.put("kafka-1", announce(member("a", true, 0)));
        announcements.put("kafka-2", announce(member("b", true, 0)));

        Map<String, GenerationPlanner.MemberPlan> plans = new GenerationPlanner("g", planner).plan(announcements);

        assertThat(plans.get("kafka-1").leads()).isFalse();
        assertThat(plans.get("kafka-2").leads()).isTrue();
        assertThat(plans.get("kafka-1").plan().assignment()).containsExactly(1);
        assertThat(plans.get("kafka-2").plan().assignment()).containsExactly(2);
        assertThat(plans.values()).allSatisfy(p -> {
            assertThat(p.plan().leaderId()).contains("b");
            assertThat(p.plan().members()).extracting(MemberIdentity::id).containsExactly("a", "b");
        });
    }

    @Test
    void shouldLetOnlyOneOfTwoMembersWithTheSameIdLead() {
        Map<String, ByteBuffer> announcements = new LinkedHashMap<>();
        announcements.put("kafka-2", announce(member("twin", true, 0)));
        announcements.put("kafka-1", announce(member("twin", true, 0)));

        Map<String, GenerationPlanner.MemberPlan> plans = new GenerationPlanner("g", new LeaderElectionPlanner()).plan(announcements);

        assertThat(plans).containsOnlyKeys("kafka-1", "kafka-2");
        assertThat(plans.values()).filteredOn(GenerationPlanner.MemberPlan::leads).hasSize(1);
        assertThat(plans.get("kafka-1").leads()).as("the first Kafka member id is kept").isTrue();
        assertThat(plans.get("kafka-1").plan().members()).extracting(MemberIdentity::id).containsExactly("twin");
    }

    @Test
    void shouldLeaveOutAMemberWhoseAnnouncementCannotBeRead() {
        ByteBuffer newer = announce(member("future", true, 100));
        newer.putShort(0, (short) 99);
        Map<String, ByteBuffer> announcements = new LinkedHashMap<>();
        announcements.put("kafka-1", newer);
        announcements.put("kafka-2", announce(member("b", true, 0)));

        Map<String, GenerationPlanner.MemberPlan> plans = new GenerationPlanner("g", new LeaderElectionPlanner()).plan(announcements);

        assertThat(plans.get("kafka-1").leads()).isFalse();
        assertThat(plans.get("kafka-2").leads()).isTrue();
        assertThat(plans.get("kafka-1").plan().members()).extracting(MemberIdentity::id).containsExactly("b");
    }

    @Test
    void shouldRefuseAPlanThatMakesAnIneligibleMemberLeader() {
        MembershipPlanner rogue = (members, previous) -> MembershipPlan.leaderOnly(Optional.of("x"));
        Map<String, GenerationPlanner.MemberPlan> plans = new GenerationPlanner("g", rogue).plan(Map.of(
                "kafka-1", announce(member("x", false, 10)), "kafka-2", announce(member("y", true, 0))));

        assertThat(plans.values()).noneMatch(GenerationPlanner.MemberPlan::leads);
        assertThat(plans.values()).allSatisfy(p -> assertThat(p.plan().leaderId()).isEmpty());
    }

    @Test
    void shouldPlanNoLeaderWhenThePlannerFails() {
        MembershipPlanner failing = (members, previous) -> {
            throw new IllegalStateException("planner bug");
        };
        Map<String, GenerationPlanner.MemberPlan> plans = new GenerationPlanner("g", failing).plan(Map.of(
                "kafka-1", announce(member("a", true, 0))));

        assertThat(plans.get("kafka-1").leads()).isFalse();
        assertThat(plans.get("kafka-1").plan().leaderId()).isEmpty();
        assertThat(plans.get("kafka-1").plan().members()).extracting(MemberIdentity::id).containsExactly("a");
    }

    @Test
    void shouldHandThePlannerTheMembersSortedByIdAndThePreviousPlanTheyReport() {
        List<List<String>> seenMembers = new java.util.ArrayList<>();
        List<PreviousPlan> seenPrevious = new java.util.ArrayList<>();
        MembershipPlanner recording = (members, previous) -> {
            seenMembers.add(members.stream().map(MemberMetadata::id).toList());
            seenPrevious.add(previous);
            return MembershipPlan.leaderOnly(Optional.empty());
        };
        Map<String, ByteBuffer> announcements = new LinkedHashMap<>();
        announcements.put("kafka-9", announce(member("c", true, 0, 4, "c")));
        announcements.put("kafka-1", announce(member("a", true, 0)));
        announcements.put("kafka-5", announce(member("b", true, 0, 4, "c")));

        new GenerationPlanner("g", recording).plan(announcements);

        assertThat(seenMembers).containsExactly(List.of("a", "b", "c"));
        assertThat(seenPrevious.get(0).generation()).isEqualTo(4);
        assertThat(seenPrevious.get(0).leaderId()).contains("c");
    }
}
