package io.ferry.kafka.support.membership;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the members' announcements of one rebalance into what each of them receives: reads them,
 * keeps one member per id, asks the {@link MembershipPlanner}, checks its answer, and cuts the
 * plan into one {@link PlanForMember} per Kafka member. Runs on the member Kafka picked to
 * compute the assignment.
 *
 * <p>Only the Kafka member chosen as leader is marked {@link MemberPlan#leads()}: two processes
 * announcing the same id cannot both lead.
 */
final class GenerationPlanner {
    private static final Logger log = LoggerFactory.getLogger(GenerationPlanner.class);

    /** What one Kafka member of the group receives. */
    record MemberPlan(boolean leads, PlanForMember plan) {
    }

    private final String groupId;
    private final MembershipPlanner planner;

    GenerationPlanner(String groupId, MembershipPlanner planner) {
        this.groupId = groupId;
        this.planner = planner;
    }

    /**
     * @param announcements Kafka member id → the bytes of its {@link MemberMetadata}
     * @return Kafka member id → what it receives, for every Kafka member
     */
    Map<String, MemberPlan> plan(Map<String, ByteBuffer> announcements) {
        Map<String, MemberMetadata> byId = new TreeMap<>();
        Map<String, String> kafkaMemberOf = new LinkedHashMap<>();
        for (Map.Entry<String, ByteBuffer> announcement : new TreeMap<>(announcements).entrySet()) {
            String kafkaMemberId = announcement.getKey();
            MemberMetadata metadata;
            try {
                metadata = MembershipCodec.decodeMetadata(announcement.getValue());
            } catch (MembershipProtocolException e) {
                log.error("Group {}: leaving Kafka member {} out of the plan: {}", groupId, kafkaMemberId, e.getMessage());
                continue;
            }
            MemberMetadata earlier = byId.putIfAbsent(metadata.id(), metadata);
            if (earlier != null) {
                log.error("Group {}: two members announce the id {} (Kafka members {} and {}); keeping the first only."
                        + " Give every member its own id.", groupId, metadata.id(), kafkaMemberOf.get(metadata.id()), kafkaMemberId);
                continue;
            }
            kafkaMemberOf.put(metadata.id(), kafkaMemberId);
        }

        List<MemberMetadata> members = new ArrayList<>(byId.values());
        MembershipPlan plan = members.isEmpty() ? MembershipPlan.leaderOnly(Optional.empty()) : ask(members);
        List<MemberIdentity> identities = members.stream().map(MemberMetadata::identity)
                .sorted(Comparator.comparing(MemberIdentity::id)).toList();
        String leaderKafkaMember = plan.leaderId().map(kafkaMemberOf::get).orElse(null);

        Map<String, String> memberIdOf = new LinkedHashMap<>();
        kafkaMemberOf.forEach((memberId, kafkaMemberId) -> memberIdOf.put(kafkaMemberId, memberId));
        Map<String, MemberPlan> result = new LinkedHashMap<>();
        for (String kafkaMemberId : announcements.keySet()) {
            // Members left out (unreadable, or a duplicate id) get the plan without an assignment.
            String memberId = memberIdOf.get(kafkaMemberId);
            byte[] assignment = memberId == null ? new byte[0] : plan.assignmentOf(memberId);
            result.put(kafkaMemberId, new MemberPlan(kafkaMemberId.equals(leaderKafkaMember),
                    new PlanForMember(plan.leaderId(), identities, assignment)));
        }
        log.info("Group {}: planned leader {} among {} (previous: {})", groupId, plan.leaderId().orElse("(none)"),
                identities.stream().map(MemberIdentity::id).toList(), PreviousPlan.from(members));
        return result;
    }

    /** Asks the planner; a failing or invalid answer gives a plan without leader or assignments. */
    private MembershipPlan ask(List<MemberMetadata> members) {
        PreviousPlan previous = PreviousPlan.from(members);
        MembershipPlan plan;
        try {
            plan = planner.plan(members, previous);
        } catch (RuntimeException e) {
            log.error("Group {}: the planner failed; this generation has no leader and no assignments", groupId, e);
            return MembershipPlan.leaderOnly(Optional.empty());
        }
        if (plan == null) {
            log.error("Group {}: the planner returned no plan; this generation has no leader and no assignments", groupId);
            return MembershipPlan.leaderOnly(Optional.empty());
        }
        Optional<String> leader = plan.leaderId();
        if (leader.isPresent() && members.stream().noneMatch(m -> m.id().equals(leader.get()) && m.eligible())) {
            log.error("Group {}: the planner chose {} as leader, which is not an eligible member; this generation has no leader"
                    + " and no assignments", groupId, leader.get());
            return MembershipPlan.leaderOnly(Optional.empty());
        }
        List<String> strangers = plan.assignments().keySet().stream()
                .filter(id -> members.stream().noneMatch(m -> m.id().equals(id))).toList();
        if (!strangers.isEmpty()) {
            log.warn("Group {}: the planner assigned work to {}, which are not members; ignored", groupId, strangers);
        }
        return plan;
    }
}
