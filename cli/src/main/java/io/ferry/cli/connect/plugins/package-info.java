/**
 * {@code ferry connect plugins}: what is installed on a {@code plugin.path}, whether a worker with {@code
 * plugin.discovery=service_load} would find it, and writing the service manifests it needs — the commands of
 * Apache Kafka's {@code connect-plugin-path} (KIP-898), on Ferry's own plugin discovery.
 */
package io.ferry.cli.connect.plugins;
