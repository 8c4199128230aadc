package io.ferry.kafka.support.membership;

import static io.ferry.kafka.support.membership.Members.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PreviousPlanTest {

    @Test
    void shouldBeUnknownWhenNoMemberReceivedAPlan() {
        PreviousPlan previous = PreviousPlan.from(List.of(member("a", true, 0), member("b", true, 0)));
        assertThat(previous).isEqualTo(PreviousPlan.NONE);
        assertThat(previous.isKnown()).isFalse();
    }

    @Test
    void shouldTakeLeaderAndAssignmentsFromTheNewestGenerationOnly() {
        MemberMetadata stale = new MemberMetadata(new MemberIdentity("a", ""), true, 0,
                new KnownPlan(3, Optional.of("a"), new byte[] {1}), new byte[0]);
        MemberMetadata current = new MemberMetadata(new MemberIdentity("b", ""), true, 0,
                new KnownPlan(8, Optional.of("c"), new byte[] {2}), new byte[0]);
        MemberMetadata fresh = member("d", true, 0);

        PreviousPlan previous = PreviousPlan.from(List.of(stale, current, fresh));

        assertThat(previous.generation()).isEqualTo(8);
        assertThat(previous.leaderId()).contains("c");
        assertThat(previous.assignments()).containsOnlyKeys("b");
        assertThat(previous.assignments().get("b")).containsExactly(2);
    }
}
