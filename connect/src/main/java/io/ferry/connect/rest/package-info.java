/**
 * The worker's HTTP API: Apache Kafka Connect's REST API, path for path and field for field, on
 * Javalin. {@link io.ferry.connect.rest.ConnectRestServer} composes small route groups that parse a
 * request, call the {@link io.ferry.connect.herder.Herder} (or the log levels, or the metrics) and
 * write the answer; every failure becomes Apache's {@code {"error_code", "message"}} in one place.
 * Listeners serve http and https ({@link io.ferry.connect.rest.RestSsl} picks the TLS settings);
 * {@link io.ferry.connect.rest.WorkerHttpClient} reaches other workers the same way.
 */
package io.ferry.connect.rest;
