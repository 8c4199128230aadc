package io.ferry.kafka.support.membership;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Elects one leader and assigns nothing else:
 * <ol>
 *   <li>the incumbent (the leader of the previous plan) stays leader as long as it is still a
 *       member and eligible, so that a member joining or a rebalance never moves leadership back
 *       and forth;</li>
 *   <li>otherwise the eligible member with the highest priority leads;</li>
 *   <li>among equal priorities, the smallest id (in {@link String#compareTo} order) leads.</li>
 * </ol>
 * With no eligible member there is no leader.
 */
public final class LeaderElectionPlanner implements MembershipPlanner {

    private static final Comparator<MemberMetadata> PREFERRED_FIRST = Comparator
            .comparingInt(MemberMetadata::priority).reversed()
            .thenComparing(MemberMetadata::id);

    @Override
    public MembershipPlan plan(List<MemberMetadata> members, PreviousPlan previous) {
        return MembershipPlan.leaderOnly(chooseLeader(members, previous));
    }

    /**
     * The id of the member that should lead, by the rules above; for planners that also assign
     * work and elect their leader the same way.
     */
    public static Optional<String> chooseLeader(List<MemberMetadata> members, PreviousPlan previous) {
        Optional<String> incumbent = previous.leaderId()
                .filter(id -> members.stream().anyMatch(m -> m.id().equals(id) && m.eligible()));
        if (incumbent.isPresent()) {
            return incumbent;
        }
        return members.stream()
                .filter(MemberMetadata::eligible)
                .min(PREFERRED_FIRST)
                .map(MemberMetadata::id);
    }
}
