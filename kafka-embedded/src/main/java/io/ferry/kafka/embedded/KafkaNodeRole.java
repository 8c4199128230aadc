package io.ferry.kafka.embedded;

/** What a KRaft node runs. */
public enum KafkaNodeRole {
    /** Broker and the (single) controller of the quorum in one process. */
    COMBINED("broker,controller"),
    /** A broker only; it needs the address of a controller quorum. */
    BROKER("broker");

    private final String processRoles;

    KafkaNodeRole(String processRoles) {
        this.processRoles = processRoles;
    }

    /** The value of Kafka's {@code process.roles} setting. */
    public String processRoles() {
        return processRoles;
    }
}
