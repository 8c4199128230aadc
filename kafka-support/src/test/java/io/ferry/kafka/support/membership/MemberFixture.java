package io.ferry.kafka.support.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.ferry.testkit.FerryCluster;

/**
 * Starts group members of one group on a test cluster with short sessions, records every view
 * each member was told of, and closes them all at the end of a test.
 */
final class MemberFixture implements AutoCloseable {
    static final Duration SESSION_TIMEOUT = Duration.ofMillis(2000);
    static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(500);
    /** Generous: a test waits this long for what normally takes well under a second (or a session). */
    static final Duration CONVERGENCE = Duration.ofSeconds(15);

    private final FerryCluster cluster;
    final String groupId;
    final String coordinationTopic;
    private final List<GroupMember> started = new CopyOnWriteArrayList<>();
    private final Map<String, List<MembershipView>> history = new ConcurrentHashMap<>();

    MemberFixture(FerryCluster cluster) {
        this.cluster = cluster;
        this.groupId = cluster.uniqueTopicName("ferry-group");
        this.coordinationTopic = cluster.uniqueTopicName("ferry-coordination");
    }

    MembershipSettings.Builder settings(String id) {
        return MembershipSettings.builder(groupId, new MemberIdentity(id, "http://" + id + ".test:8081"))
                .coordinationTopic(coordinationTopic)
                .sessionTimeout(SESSION_TIMEOUT)
                .heartbeatInterval(HEARTBEAT_INTERVAL)
                .rebalanceTimeout(Duration.ofSeconds(10))
                .clientConfig(cluster.clientConfig());
    }

    GroupMember start(String id) {
        return start(id, UnaryOperator.identity(), new LeaderElectionPlanner());
    }

    GroupMember start(String id, UnaryOperator<MembershipSettings.Builder> customize) {
        return start(id, customize, new LeaderElectionPlanner());
    }

    GroupMember start(String id, UnaryOperator<MembershipSettings.Builder> customize, MembershipPlanner planner) {
        GroupMember member = new GroupMember(customize.apply(settings(id)).build(), planner);
        List<MembershipView> views = new CopyOnWriteArrayList<>();
        history.put(id, views);
        member.addListener(views::add);
        started.add(member);
        member.start(Duration.ofSeconds(30));
        return member;
    }

    /** Every view the member's listeners were told of, in order. */
    List<MembershipView> history(String id) {
        return history.get(id);
    }

    /**
     * Waits until every given member is in the same generation's plan, the plan has exactly them
     * as members, and they name the same leader; returns the views.
     */
    List<MembershipView> awaitAgreement(GroupMember... members) {
        Set<String> ids = java.util.Arrays.stream(members).map(m -> m.identity().id()).collect(Collectors.toSet());
        List<MembershipView> agreed = new ArrayList<>();
        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            List<MembershipView> views = java.util.Arrays.stream(members).map(GroupMember::view).toList();
            assertThat(views).allSatisfy(v -> {
                assertThat(v.isMember()).as("%s is in a plan", v.self().id()).isTrue();
                assertThat(v.members()).extracting(MemberIdentity::id).containsExactlyInAnyOrderElementsOf(ids);
            });
            assertThat(views).extracting(MembershipView::generation).as("generations").containsOnly(views.get(0).generation());
            assertThat(views).extracting(MembershipView::leader).as("leaders").containsOnly(views.get(0).leader());
            agreed.clear();
            agreed.addAll(views);
        });
        return agreed;
    }

    /** The member, among these, that is leader in its own view; fails unless exactly one is. */
    static GroupMember theLeader(GroupMember... members) {
        List<GroupMember> leaders = java.util.Arrays.stream(members).filter(m -> m.view().isLeader()).toList();
        assertThat(leaders).as("members that consider themselves leader").hasSize(1);
        return leaders.get(0);
    }

    @Override
    public void close() {
        started.forEach(GroupMember::close);
    }
}
