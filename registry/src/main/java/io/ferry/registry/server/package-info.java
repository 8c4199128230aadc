/**
 * The composition root of a registry node: it builds the log (local file or Kafka topic), the
 * index, the service, the cluster membership and the HTTP server from one
 * {@link io.ferry.registry.server.RegistryServerConfig}, and starts and stops them in order.
 */
package io.ferry.registry.server;
