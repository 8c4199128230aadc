package io.ferry.kafka.support.membership;

import static io.ferry.kafka.support.membership.Members.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeaderElectionPlannerTest {

    /** One election: the members as they announce themselves, and who must lead (null: no one). */
    static Stream<Arguments> elections() {
        return Stream.of(
                Arguments.of("fresh group: the highest priority leads",
                        List.of(member("a", true, 1), member("b", true, 5), member("c", true, 3)), "b"),
                Arguments.of("fresh group, equal priorities: the smallest id leads",
                        List.of(member("node-2", true, 0), member("node-10", true, 0), member("node-3", true, 0)), "node-10"),
                Arguments.of("fresh group: an ineligible member never leads, whatever its priority",
                        List.of(member("a", true, 1), member("z", false, 100)), "a"),
                Arguments.of("no eligible member: no leader",
                        List.of(member("a", false, 1), member("b", false, 2)), null),
                Arguments.of("the incumbent stays although a member of higher priority joined",
                        List.of(member("a", true, 1, 4, "a"), member("b", true, 1, 4, "a"), member("c", true, 9)), "a"),
                Arguments.of("the incumbent named by the newest generation wins over older reports",
                        List.of(member("a", true, 1, 3, "a"), member("b", true, 1, 7, "b"), member("c", true, 1, 7, "b")), "b"),
                Arguments.of("an incumbent that left: the highest priority among the rest leads",
                        List.of(member("b", true, 2, 5, "a"), member("c", true, 7, 5, "a"), member("d", true, 3, 5, "a")), "c"),
                Arguments.of("an incumbent that became ineligible is replaced",
                        List.of(member("a", false, 9, 5, "a"), member("b", true, 1, 5, "a")), "b"),
                Arguments.of("the previous generation had no leader: priorities decide",
                        List.of(member("a", true, 1, 5, null), member("b", true, 2, 5, null)), "b"),
                Arguments.of("negative priorities are lower than zero",
                        List.of(member("a", true, -1), member("b", true, 0)), "b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elections")
    void shouldElectTheExpectedLeader(String rule, List<MemberMetadata> members, String expectedLeader) {
        MembershipPlan plan = new LeaderElectionPlanner().plan(members, PreviousPlan.from(members));

        assertThat(plan.leaderId()).as(rule).isEqualTo(Optional.ofNullable(expectedLeader));
        assertThat(plan.assignments()).as("a leader election assigns nothing else").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elections")
    void shouldElectTheSameLeaderWhateverTheOrderOfMembers(String rule, List<MemberMetadata> members, String expectedLeader) {
        List<MemberMetadata> reversed = new ArrayList<>(members);
        Collections.reverse(reversed);
        assertThat(LeaderElectionPlanner.chooseLeader(reversed, PreviousPlan.from(reversed)))
                .as(rule).isEqualTo(Optional.ofNullable(expectedLeader));
    }
}
