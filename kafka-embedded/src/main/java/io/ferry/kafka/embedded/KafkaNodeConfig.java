package io.ferry.kafka.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything needed to start one KRaft node. Build with {@link #builder()}.
 *
 * @param nodeId            Kafka's {@code node.id}
 * @param role              combined (broker and controller) or broker only
 * @param listener          where the broker accepts clients
 * @param advertised        the address clients are told to use; defaults to the listener
 * @param controllerAddress where this node's controller listens (combined nodes), or where the
 *                          quorum's controller is reached (broker nodes)
 * @param controllerNodeId  {@code node.id} of the quorum's controller
 * @param logDir            Kafka's {@code log.dirs}: partitions and the metadata log
 * @param overrides         further broker settings; they win over Ferry's defaults
 */
public record KafkaNodeConfig(
        int nodeId,
        KafkaNodeRole role,
        HostPort listener,
        HostPort advertised,
        HostPort controllerAddress,
        int controllerNodeId,
        Path logDir,
        Map<String, String> overrides) {

    /** Name of the listener clients use. */
    public static final String BROKER_LISTENER = "PLAINTEXT";
    /** Name of the listener the KRaft quorum uses. */
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    public KafkaNodeConfig {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(controllerAddress, "controllerAddress");
        Objects.requireNonNull(logDir, "logDir");
        if (advertised == null) {
            advertised = listener;
        }
        if (advertised.isWildcard()) {
            throw new IllegalArgumentException("the advertised address " + advertised
                    + " is a wildcard; clients need a host name or address they can reach");
        }
        if (role == KafkaNodeRole.COMBINED && controllerNodeId != nodeId) {
            throw new IllegalArgumentException("a combined node is its own controller: controllerNodeId "
                    + controllerNodeId + " must equal nodeId " + nodeId);
        }
        overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bootstrap address for clients, {@code host:port}. */
    public String bootstrapServers() {
        return advertised.toString();
    }

    /**
     * The broker settings this node starts with: Ferry's defaults for a small cluster, then the
     * overrides.
     */
    public Properties toKafkaProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", role.processRoles());
        props.put("node.id", Integer.toString(nodeId));
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        if (role == KafkaNodeRole.COMBINED) {
            props.put("listeners", BROKER_LISTENER + "://" + listener + "," + CONTROLLER_LISTENER + "://" + controllerAddress);
        } else {
            props.put("listeners", BROKER_LISTENER + "://" + listener);
        }
        props.put("advertised.listeners", BROKER_LISTENER + "://" + advertised);
        props.put("controller.quorum.voters", controllerNodeId + "@" + controllerAddress);
        props.put("log.dirs", logDir.toAbsolutePath().toString());

        // A one-controller quorum elects itself; no reason to wait for peers that do not exist.
        props.put("controller.quorum.election.timeout.ms", "1000");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.putAll(overrides);

        Properties properties = new Properties();
        properties.putAll(props);
        return properties;
    }

    /** Builder for {@link KafkaNodeConfig}. */
    public static final class Builder {
        private int nodeId = 1;
        private KafkaNodeRole role = KafkaNodeRole.COMBINED;
        private HostPort listener;
        private HostPort advertised;
        private HostPort controllerAddress;
        private Integer controllerNodeId;
        private Path logDir;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder nodeId(int id) {
            this.nodeId = id;
            return this;
        }

        public Builder role(KafkaNodeRole nodeRole) {
            this.role = nodeRole;
            return this;
        }

        public Builder listener(HostPort address) {
            this.listener = address;
            return this;
        }

        public Builder advertised(HostPort address) {
            this.advertised = address;
            return this;
        }

        /** Combined node: where its controller listens. Broker: where the quorum's controller is. */
        public Builder controller(int controllerId, HostPort address) {
            this.controllerNodeId = controllerId;
            this.controllerAddress = address;
            return this;
        }

        public Builder logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        public Builder property(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public Builder properties(Map<String, String> settings) {
            overrides.putAll(settings);
            return this;
        }

        public KafkaNodeConfig build() {
            int controllerId = controllerNodeId != null ? controllerNodeId : nodeId;
            return new KafkaNodeConfig(nodeId, role, listener, advertised, controllerAddress, controllerId, logDir, overrides);
        }
    }
}
