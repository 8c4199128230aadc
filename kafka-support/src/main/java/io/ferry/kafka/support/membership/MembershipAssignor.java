package io.ferry.kafka.support.membership;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer's assignor: Kafka's classic group protocol carries each member's
 * {@link MemberMetadata} to the member that computes the assignment, and that member's plan back
 * to every member. Kafka instantiates it from the consumer's configuration; {@link #configure}
 * connects it to its {@link GroupMember} through {@link #HOST_CONFIG}.
 *
 * <p>Every method runs on the member's poll thread and returns without blocking.
 */
public final class MembershipAssignor implements ConsumerPartitionAssignor, Configurable {
    /** The protocol name every member of a group must share. */
    public static final String PROTOCOL_NAME = "ferry-membership";

    /** Consumer config key under which the member hands itself to the assignor. */
    static final String HOST_CONFIG = "ferry.membership.host";

    /** What the assignor needs of its member. */
    interface Host {
        /** What to announce now, at a (re)join. */
        MemberMetadata announcement();

        GenerationPlanner planner();

        TopicPartition coordinationPartition();

        /** The plan of a new generation arrived; called before the consumer's rebalance listener. */
        void onPlan(PlanForMember plan, ConsumerGroupMetadata metadata, boolean ownsCoordinationPartition);

        /** A plan arrived that this member cannot read. */
        void onUnreadablePlan(MembershipProtocolException problem, ConsumerGroupMetadata metadata);
    }

    private Host host;

    /** For Kafka's reflection. */
    public MembershipAssignor() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object value = configs.get(HOST_CONFIG);
        if (!(value instanceof Host member)) {
            throw new IllegalStateException(MembershipAssignor.class.getSimpleName() + " works only inside a "
                    + GroupMember.class.getSimpleName() + ", which configures it");
        }
        this.host = member;
    }

    @Override
    public String name() {
        return PROTOCOL_NAME;
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        return ByteBuffer.wrap(MembershipCodec.encodeMetadata(host.announcement()));
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, ByteBuffer> announcements = new LinkedHashMap<>();
        groupSubscription.groupSubscription().forEach((kafkaMemberId, subscription) -> announcements.put(kafkaMemberId, subscription.userData()));
        List<TopicPartition> leaderPartitions = List.of(host.coordinationPartition());
        Map<String, Assignment> assignments = new LinkedHashMap<>();
        host.planner().plan(announcements).forEach((kafkaMemberId, plan) -> assignments.put(kafkaMemberId, new Assignment(
                plan.leads() ? leaderPartitions : List.of(), ByteBuffer.wrap(MembershipCodec.encodePlan(plan.plan())))));
        return new GroupAssignment(assignments);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        PlanForMember plan;
        try {
            plan = MembershipCodec.decodePlan(assignment.userData());
        } catch (MembershipProtocolException e) {
            host.onUnreadablePlan(e, metadata);
            return;
        }
        host.onPlan(plan, metadata, assignment.partitions().contains(host.coordinationPartition()));
    }
}
