package io.ferry.kafka.support.membership;

import java.util.List;

/**
 * Decides, for each generation of the group, who leads and what every member is given. The
 * registry elects a leader ({@link LeaderElectionPlanner}); the Connect runtime will also
 * distribute connectors and tasks.
 *
 * <p>Contract:
 * <ul>
 *   <li>Called on one member only (the one Kafka picks to compute the group's assignment), on that
 *       member's poll thread, once per rebalance. It must be fast and must not block: the whole
 *       group waits for it.</li>
 *   <li>Deterministic from its arguments: whichever member computes it, the same members and the
 *       same previous plan give the same result. It keeps no state between calls; what it needs
 *       of the past is in {@code previous} and in each member's {@link MemberMetadata#knownPlan()}.</li>
 *   <li>The leader it names must be an eligible member; otherwise, or when it throws, the plan is
 *       refused and the generation gets no leader and no assignments (logged as an error).</li>
 * </ul>
 */
@FunctionalInterface
public interface MembershipPlanner {

    /**
     * @param members  every member of the new generation, sorted by id, ids unique; never empty
     * @param previous the latest plan the members know of ({@link PreviousPlan#NONE} on a fresh group)
     * @return the plan; never null
     */
    MembershipPlan plan(List<MemberMetadata> members, PreviousPlan previous);
}
