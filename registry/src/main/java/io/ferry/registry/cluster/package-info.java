/**
 * A registry of several nodes on the Kafka backend: one leader, elected through Kafka's group
 * membership, writes; the others serve reads from their own index and hand writes to the leader.
 * Forwarding is plain HTTP from node to node; this package holds the client side of it and knows no
 * HTTP server.
 */
package io.ferry.registry.cluster;
