package io.ferry.kafka.support.membership;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link MembershipPlanner} decided for one generation: who leads, and what each member is
 * given.
 *
 * @param leaderId    the id of the chosen leader; empty when no member may lead. It must name an
 *                    eligible member, or the plan is refused
 * @param assignments member id → opaque assignment bytes; a member left out gets an empty
 *                    assignment (unmodifiable, copied)
 */
public record MembershipPlan(Optional<String> leaderId, Map<String, byte[]> assignments) {

    public MembershipPlan {
        Objects.requireNonNull(leaderId, "leaderId");
        Map<String, byte[]> copy = new LinkedHashMap<>();
        assignments.forEach((id, bytes) -> copy.put(Objects.requireNonNull(id, "member id"), Objects.requireNonNull(bytes, "assignment of " + id).clone()));
        assignments = Collections.unmodifiableMap(copy);
    }

    /** A plan with a leader (or none) and no assignments. */
    public static MembershipPlan leaderOnly(Optional<String> leaderId) {
        return new MembershipPlan(leaderId, Map.of());
    }

    /** The assignment of one member (a copy; empty when it has none). */
    public byte[] assignmentOf(String memberId) {
        byte[] bytes = assignments.get(memberId);
        return bytes == null ? new byte[0] : bytes.clone();
    }

    @Override
    public String toString() {
        return "leader " + leaderId.orElse("(none)") + ", assignments for " + assignments.keySet();
    }
}
