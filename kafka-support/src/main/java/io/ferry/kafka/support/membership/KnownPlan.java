package io.ferry.kafka.support.membership;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan a member last received, as it reports it when it joins again: the generation, the
 * leader that plan named, and this member's own assignment in it. Because every member reports
 * it, the member that computes the next plan knows the previous one even when it was not the one
 * that computed it.
 *
 * @param generation the generation of that plan; {@value #NO_GENERATION} when the member never received one
 * @param leaderId   the id of the leader that plan named, if any
 * @param assignment this member's assignment in that plan (copied; empty when none)
 */
public record KnownPlan(int generation, Optional<String> leaderId, byte[] assignment) {
    public static final int NO_GENERATION = -1;

    /** What a member that never received a plan reports. */
    public static final KnownPlan NONE = new KnownPlan(NO_GENERATION, Optional.empty(), new byte[0]);

    public KnownPlan {
        Objects.requireNonNull(leaderId, "leaderId");
        Objects.requireNonNull(assignment, "assignment");
        if (generation < NO_GENERATION) {
            throw new IllegalArgumentException("generation " + generation + " is below " + NO_GENERATION);
        }
        assignment = assignment.clone();
    }

    /** Whether the member ever received a plan. */
    public boolean isKnown() {
        return generation != NO_GENERATION;
    }

    /** A copy of the member's assignment in that plan. */
    @Override
    public byte[] assignment() {
        return assignment.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KnownPlan that && generation == that.generation && leaderId.equals(that.leaderId)
                && Arrays.equals(assignment, that.assignment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(generation, leaderId, Arrays.hashCode(assignment));
    }

    @Override
    public String toString() {
        return isKnown() ? "generation " + generation + ", leader " + leaderId.orElse("(none)") + ", " + assignment.length + " assignment bytes"
                : "no plan yet";
    }
}
