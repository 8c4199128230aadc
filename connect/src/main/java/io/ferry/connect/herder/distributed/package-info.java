/**
 * The herder of a worker in a distributed Connect cluster: workers with the same {@code group.id}
 * share connectors and tasks through Kafka. Connector configs, task configs and target states
 * live in the config topic; source offsets in the offsets topic; statuses in the status topic.
 * Membership and the assignment of connectors and tasks go through Kafka's group protocol
 * ({@link io.ferry.kafka.support.membership.GroupMember}); the elected leader is the one writer of
 * the config topic, fenced by Kafka, and other workers forward what needs it.
 */
package io.ferry.connect.herder.distributed;
