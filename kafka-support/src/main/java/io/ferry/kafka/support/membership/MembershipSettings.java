package io.ferry.kafka.support.membership;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How a {@link GroupMember} joins its group.
 *
 * @param groupId                      the Kafka consumer group of the members ({@code group.id})
 * @param coordinationTopic            the topic the members subscribe to; it holds no records and is
 *                                     created with one partition when missing. Several groups may share it
 * @param coordinationTopicReplication replication factor when creating it; -1 for the broker's default
 * @param identity                     this member's id and URL
 * @param eligible                     whether this member may lead
 * @param priority                     preference on a fresh election (higher wins; never unseats a leader)
 * @param payload                      the application's opaque bytes announced at the first join (copied)
 * @param sessionTimeout               how long the coordinator waits for a heartbeat before it removes a
 *                                     member ({@code session.timeout.ms}); the time to detect a crash.
 *                                     The broker bounds it ({@code group.min.session.timeout.ms}, 6 s by default)
 * @param heartbeatInterval            time between heartbeats ({@code heartbeat.interval.ms}); a plan
 *                                     change reaches members within about one interval
 * @param rebalanceTimeout             how long the coordinator waits for every member to rejoin in a
 *                                     rebalance, and how long a member's poll thread may stall before it
 *                                     leaves the group ({@code max.poll.interval.ms})
 * @param clientConfig                 settings for the member's Kafka clients: {@code bootstrap.servers},
 *                                     security. Keys the member must own (group, assignor, offsets) are
 *                                     overridden (unmodifiable)
 * @param rejoinOnceApplied            whether the member, after a plan arrived, takes part in no other
 *                                     rebalance until the application said it applied that plan
 *                                     ({@link GroupMember#planApplied}), or half the rebalance timeout passed:
 *                                     then what a member announces is what it runs, not what it was last told
 */
public record MembershipSettings(
        String groupId,
        String coordinationTopic,
        short coordinationTopicReplication,
        MemberIdentity identity,
        boolean eligible,
        int priority,
        byte[] payload,
        Duration sessionTimeout,
        Duration heartbeatInterval,
        Duration rebalanceTimeout,
        Map<String, Object> clientConfig,
        boolean rejoinOnceApplied) {

    public static final String DEFAULT_COORDINATION_TOPIC = "_ferry-membership";
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(3);
    public static final Duration DEFAULT_REBALANCE_TIMEOUT = Duration.ofSeconds(60);

    public MembershipSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(coordinationTopic, "coordinationTopic");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(rebalanceTimeout, "rebalanceTimeout");
        Objects.requireNonNull(clientConfig, "clientConfig");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("the group id is empty");
        }
        if (coordinationTopic.isBlank()) {
            throw new IllegalArgumentException("the coordination topic name is empty");
        }
        if (coordinationTopicReplication < 1 && coordinationTopicReplication != -1) {
            throw new IllegalArgumentException("coordination topic replication factor " + coordinationTopicReplication
                    + " is neither positive nor -1 (broker default)");
        }
        requirePositive("session timeout", sessionTimeout);
        requirePositive("heartbeat interval", heartbeatInterval);
        requirePositive("rebalance timeout", rebalanceTimeout);
        if (heartbeatInterval.compareTo(sessionTimeout) >= 0) {
            throw new IllegalArgumentException("the heartbeat interval (" + heartbeatInterval.toMillis() + " ms) must be shorter than the"
                    + " session timeout (" + sessionTimeout.toMillis() + " ms), or members are removed between heartbeats;"
                    + " a third of it is usual");
        }
        if (!clientConfig.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("the client config of group " + groupId + " has no " + CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        }
        payload = payload.clone();
        clientConfig = Map.copyOf(clientConfig);
    }

    private static void requirePositive(String what, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, not " + value.toMillis() + " ms");
        }
    }

    /** Starts settings for a member of the group, with the defaults below. */
    public static Builder builder(String groupId, MemberIdentity identity) {
        return new Builder(groupId, identity);
    }

    /** A copy of the application's initial payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Builder for {@link MembershipSettings}. */
    public static final class Builder {
        private final String groupId;
        private final MemberIdentity identity;
        private String coordinationTopic = DEFAULT_COORDINATION_TOPIC;
        private short coordinationTopicReplication = -1;
        private boolean eligible = true;
        private int priority;
        private byte[] payload = new byte[0];
        private Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private Duration rebalanceTimeout = DEFAULT_REBALANCE_TIMEOUT;
        private final Map<String, Object> clientConfig = new HashMap<>();
        private boolean rejoinOnceApplied;

        private Builder(String groupId, MemberIdentity identity) {
            this.groupId = groupId;
            this.identity = identity;
        }

        /** Default {@value MembershipSettings#DEFAULT_COORDINATION_TOPIC}. */
        public Builder coordinationTopic(String topic) {
            this.coordinationTopic = topic;
            return this;
        }

        /** Default -1: the broker's default replication factor. */
        public Builder coordinationTopicReplication(short factor) {
            this.coordinationTopicReplication = factor;
            return this;
        }

        /** Default true. */
        public Builder eligible(boolean mayLead) {
            this.eligible = mayLead;
            return this;
        }

        /** Default 0. */
        public Builder priority(int value) {
            this.priority = value;
            return this;
        }

        /** Default empty. */
        public Builder payload(byte[] bytes) {
            this.payload = bytes.clone();
            return this;
        }

        /** Default 10 s. */
        public Builder sessionTimeout(Duration timeout) {
            this.sessionTimeout = timeout;
            return this;
        }

        /** Default 3 s. */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
        }

        /** Default 60 s. */
        public Builder rebalanceTimeout(Duration timeout) {
            this.rebalanceTimeout = timeout;
            return this;
        }

        /** Settings every client of the member gets: {@code bootstrap.servers}, security. */
        public Builder clientConfig(Map<String, ?> config) {
            clientConfig.putAll(config);
            return this;
        }

        /**
         * Default false. True for an application that stops work a plan takes from it before another
         * member may be given that work: the member then joins the next rebalance only once the
         * application called {@link GroupMember#planApplied} for the plan it received.
         */
        public Builder rejoinOnceApplied(boolean wait) {
            this.rejoinOnceApplied = wait;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the setting that is wrong
         */
        public MembershipSettings build() {
            return new MembershipSettings(groupId, coordinationTopic, coordinationTopicReplication, identity, eligible, priority, payload,
                    sessionTimeout, heartbeatInterval, rebalanceTimeout, clientConfig, rejoinOnceApplied);
        }
    }
}
