/**
 * The worker's HTTP API: Apache Kafka Connect's REST API, path for path and field for field, on
 * Javalin. {@link io.ferry.connect.rest.ConnectRestServer} composes small route groups that parse a
 * request, call the {@link io.ferry.connect.herder.Herder} (or the log levels, or the metrics) and
 * write the answer; every failure becomes Apache's {@code {"error_code", "message"}} in one place.
 */
package io.ferry.connect.rest;
