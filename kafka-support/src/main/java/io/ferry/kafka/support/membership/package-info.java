/**
 * Group membership on Kafka's consumer group protocol (the classic one): members of a Ferry
 * cluster (registry nodes, Connect workers) join one consumer group, announce who they are, and
 * receive one plan per generation — who leads, and what each member is given.
 * <ul>
 *   <li>{@link io.ferry.kafka.support.membership.GroupMember} joins, keeps the current
 *       {@link io.ferry.kafka.support.membership.MembershipView}, and tells listeners;</li>
 *   <li>{@link io.ferry.kafka.support.membership.MembershipPlanner} computes the plan;
 *       {@link io.ferry.kafka.support.membership.LeaderElectionPlanner} elects a leader and keeps
 *       the incumbent;</li>
 *   <li>{@link io.ferry.kafka.support.membership.LeaderFencedProducer} makes leader-only writes
 *       that Kafka refuses from a former leader, because a view is a belief that can be stale.</li>
 * </ul>
 * Kafka's group coordinator decides membership; nothing here runs a consensus of its own.
 */
package io.ferry.kafka.support.membership;
