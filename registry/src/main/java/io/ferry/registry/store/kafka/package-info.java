/**
 * The registry's log in Confluent's {@code _schemas} topic: compacted, one partition, the same
 * records Confluent's registry writes. Every node tails it into its index; the leader writes to it
 * in transactions fenced by Kafka (see {@link io.ferry.registry.store.kafka.LeaderWriter}).
 */
package io.ferry.registry.store.kafka;
