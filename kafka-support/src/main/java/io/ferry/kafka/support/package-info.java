/**
 * Kafka primitives that Ferry's registry and Connect runtime are built on, written once:
 * {@link io.ferry.kafka.support.tailer the compacted-topic tailer} ("read to end, then follow";
 * "write, then wait until my own reader has seen it"), {@link io.ferry.kafka.support.membership group
 * membership} (one plan per generation, leader election, leader-only writes fenced by Kafka) and
 * {@link io.ferry.kafka.support.admin topic administration} (create a compacted topic, or refuse one
 * that is set up wrongly).
 *
 * <p>Everything here talks to Kafka through {@code kafka-clients} only.
 */
package io.ferry.kafka.support;
