package io.ferry.kafka.support.membership;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a generation's plan that one member receives: what every member receives (the
 * leader, the member list) and its own assignment. Assignments of the others are not sent, so
 * the group's assignment grows linearly with the number of members, not quadratically.
 *
 * @param leaderId   the leader's id, if any; always one of {@code members}
 * @param members    every member in the plan, sorted by id
 * @param assignment this member's assignment
 */
record PlanForMember(Optional<String> leaderId, List<MemberIdentity> members, byte[] assignment) {

    PlanForMember {
        Objects.requireNonNull(leaderId, "leaderId");
        members = List.copyOf(members);
        assignment = assignment.clone();
        String leader = leaderId.orElse(null);
        if (leader != null && members.stream().noneMatch(m -> m.id().equals(leader))) {
            throw new IllegalArgumentException("the leader " + leader + " is not among the members " + members);
        }
    }

    Optional<MemberIdentity> leader() {
        return leaderId.flatMap(id -> members.stream().filter(m -> m.id().equals(id)).findFirst());
    }

    @Override
    public byte[] assignment() {
        return assignment.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlanForMember that && leaderId.equals(that.leaderId) && members.equals(that.members)
                && Arrays.equals(assignment, that.assignment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(leaderId, members, Arrays.hashCode(assignment));
    }

    @Override
    public String toString() {
        return "leader " + leaderId.orElse("(none)") + ", members " + members.stream().map(MemberIdentity::id).toList()
                + ", " + assignment.length + " assignment bytes";
    }
}
