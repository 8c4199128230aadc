package io.ferry.kafka.support.membership;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What one member knows of the group at a moment: the last plan it received, or that it is not in
 * any (before it joined, after it lost its membership, after close). Immutable.
 *
 * <p>A view is a member's belief, not the truth: a member whose process stalls keeps its last
 * view until it hears from the coordinator again, while the others may already have elected
 * someone else. Writes that only the leader may make must therefore be fenced by Kafka, with
 * {@link #groupMetadata()} (see {@link LeaderFencedProducer}).
 */
public final class MembershipView {
    private final String groupId;
    private final MemberIdentity self;
    private final TopicPartition coordinationPartition;
    private final int generation;
    private final Optional<MemberIdentity> leader;
    private final List<MemberIdentity> members;
    private final boolean leading;
    private final OptionalInt leaderSince;
    private final byte[] assignment;
    private final Optional<ConsumerGroupMetadata> groupMetadata;

    private MembershipView(String groupId, MemberIdentity self, TopicPartition coordinationPartition, int generation,
                           Optional<MemberIdentity> leader, List<MemberIdentity> members, boolean leading, OptionalInt leaderSince,
                           byte[] assignment, Optional<ConsumerGroupMetadata> groupMetadata) {
        this.groupId = groupId;
        this.self = self;
        this.coordinationPartition = coordinationPartition;
        this.generation = generation;
        this.leader = leader;
        this.members = List.copyOf(members);
        this.leading = leading;
        this.leaderSince = leaderSince;
        this.assignment = assignment.clone();
        this.groupMetadata = groupMetadata;
    }

    /** The view of a member that is in no plan. */
    static MembershipView notMember(String groupId, MemberIdentity self, TopicPartition coordinationPartition) {
        return new MembershipView(groupId, self, coordinationPartition, KnownPlan.NO_GENERATION, Optional.empty(), List.of(), false,
                OptionalInt.empty(), new byte[0], Optional.empty());
    }

    /**
     * The view of a member that received a plan.
     *
     * @param ownsCoordinationPartition whether Kafka gave this member the coordination partition,
     *                                  which the plan gives to its leader only
     * @param previous                  this member's previous view, to tell whether it already led
     */
    static MembershipView planned(MembershipView previous, PlanForMember plan, ConsumerGroupMetadata metadata,
                                  boolean ownsCoordinationPartition) {
        MemberIdentity self = previous.self;
        boolean inPlan = plan.members().contains(self);
        boolean leading = inPlan && ownsCoordinationPartition && plan.leaderId().filter(self.id()::equals).isPresent();
        int generation = metadata.generationId();
        OptionalInt since = !leading ? OptionalInt.empty()
                : previous.leaderSince.isPresent() ? previous.leaderSince : OptionalInt.of(generation);
        return new MembershipView(previous.groupId, self, previous.coordinationPartition, generation, plan.leader(), plan.members(),
                leading, since, plan.assignment(), Optional.of(metadata));
    }

    /** The group's id. */
    public String groupId() {
        return groupId;
    }

    /** This member. */
    public MemberIdentity self() {
        return self;
    }

    /** The partition the plan gives to the leader only, and on which the leader's fenced offsets are committed. */
    public TopicPartition coordinationPartition() {
        return coordinationPartition;
    }

    /** Whether this member received a plan and is in it. */
    public boolean isMember() {
        return generation != KnownPlan.NO_GENERATION && members.contains(self);
    }

    /** The generation of the plan; {@value KnownPlan#NO_GENERATION} when this member is in none. */
    public int generation() {
        return generation;
    }

    /** The leader of the plan; empty when no member may lead, or this member is in no plan. */
    public Optional<MemberIdentity> leader() {
        return leader;
    }

    /**
     * Whether the plan makes this member the leader (it names it, and Kafka gave it the
     * coordination partition).
     */
    public boolean isLeader() {
        return leading;
    }

    /**
     * The generation since which this member has led without interruption, as far as it saw: its
     * views from that generation to this one all made it leader. Empty unless {@link #isLeader()}.
     * A new value means a new term, in which another member may have led in between, so the
     * leader must claim its producer again ({@link LeaderFencedProducer#claim}).
     */
    public OptionalInt leaderSince() {
        return leaderSince;
    }

    /** Every member of the plan, sorted by id; empty when this member is in no plan. */
    public List<MemberIdentity> members() {
        return members;
    }

    /** This member's assignment in the plan (a copy; empty when none). */
    public byte[] assignment() {
        return assignment.clone();
    }

    /**
     * The consumer group metadata of this generation (member id, generation id), which fences a
     * transactional producer's offsets to this generation; empty when this member is in no plan.
     */
    public Optional<ConsumerGroupMetadata> groupMetadata() {
        return groupMetadata;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MembershipView that && groupId.equals(that.groupId) && self.equals(that.self)
                && generation == that.generation && leading == that.leading && leader.equals(that.leader) && members.equals(that.members)
                && leaderSince.equals(that.leaderSince) && Arrays.equals(assignment, that.assignment)
                && groupMetadata.map(ConsumerGroupMetadata::memberId).equals(that.groupMetadata.map(ConsumerGroupMetadata::memberId));
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, self, generation, leader, members);
    }

    @Override
    public String toString() {
        if (generation == KnownPlan.NO_GENERATION) {
            return "group " + groupId + ": " + self.id() + " is in no plan";
        }
        return "group " + groupId + " generation " + generation + ": leader " + leader.map(MemberIdentity::toString).orElse("(none)")
                + (leading ? " (this member)" : "") + ", members " + members.stream().map(MemberIdentity::id).toList()
                + (isMember() ? "" : ", without this member " + self.id());
    }
}
