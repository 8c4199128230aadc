/**
 * Apache Kafka Connect's REST extensions ({@code rest.extension.classes}): {@link
 * org.apache.kafka.connect.rest.ConnectRestExtension} plugins, configured with the worker's settings,
 * given the herder's view of the cluster ({@link org.apache.kafka.connect.health.ConnectClusterState})
 * and registering JAX-RS filters through {@link io.ferry.connect.rest.jaxrs}.
 */
package io.ferry.connect.rest.extension;
