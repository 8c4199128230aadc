/**
 * Ferry's test kit: {@link io.ferry.testkit.FerryCluster} starts 1..N in-process KRaft brokers on
 * free ports (or attaches to an outside cluster named by environment variables), with helpers to
 * create topics, produce and consume.
 *
 * <p>Ferry's server modules plug their own processes into a cluster as
 * {@link io.ferry.testkit.ClusterComponent}s, so this kit depends on no server module and every
 * module's integration tests can use it.
 */
package io.ferry.testkit;
