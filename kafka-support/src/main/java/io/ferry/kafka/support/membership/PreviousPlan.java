package io.ferry.kafka.support.membership;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest plan the current members know of, pieced together from what each reports
 * ({@link MemberMetadata#knownPlan()}): the newest generation any of them received, the leader
 * it named, and the assignments of the members that received it. Members that left since are
 * missing from {@link #assignments()}; members that joined since are too.
 *
 * @param generation  the newest generation reported; {@value KnownPlan#NO_GENERATION} on a fresh group
 * @param leaderId    the leader that generation named, if any (the incumbent)
 * @param assignments member id → assignment, for the members that reported that generation (unmodifiable)
 */
public record PreviousPlan(int generation, Optional<String> leaderId, Map<String, byte[]> assignments) {

    /** No member has received a plan yet. */
    public static final PreviousPlan NONE = new PreviousPlan(KnownPlan.NO_GENERATION, Optional.empty(), Map.of());

    public PreviousPlan {
        Objects.requireNonNull(leaderId, "leaderId");
        Map<String, byte[]> copy = new LinkedHashMap<>();
        assignments.forEach((id, bytes) -> copy.put(id, bytes.clone()));
        assignments = Collections.unmodifiableMap(copy);
    }

    /**
     * Pieces the previous plan together from the members' reports. Deterministic: when members
     * of the newest generation disagree on its leader (they cannot, unless one lies), the report
     * of the member with the smallest id wins.
     */
    public static PreviousPlan from(List<MemberMetadata> members) {
        int newest = members.stream().mapToInt(m -> m.knownPlan().generation()).max().orElse(KnownPlan.NO_GENERATION);
        if (newest == KnownPlan.NO_GENERATION) {
            return NONE;
        }
        List<MemberMetadata> reporters = members.stream()
                .filter(m -> m.knownPlan().generation() == newest)
                .sorted(Comparator.comparing(MemberMetadata::id))
                .toList();
        Optional<String> leader = reporters.stream().map(m -> m.knownPlan().leaderId()).flatMap(Optional::stream).findFirst();
        Map<String, byte[]> assignments = new LinkedHashMap<>();
        reporters.forEach(m -> assignments.putIfAbsent(m.id(), m.knownPlan().assignment()));
        return new PreviousPlan(newest, leader, assignments);
    }

    /** Whether any member has received a plan before. */
    public boolean isKnown() {
        return generation != KnownPlan.NO_GENERATION;
    }

    @Override
    public String toString() {
        return isKnown() ? "generation " + generation + " led by " + leaderId.orElse("(no one)") + ", assignments of " + assignments.keySet()
                : "no previous plan";
    }
}
