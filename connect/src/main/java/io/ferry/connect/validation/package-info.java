/**
 * Validation of connector configs without running them, with the answers of Apache Kafka Connect's
 * {@code PUT /connector-plugins/{plugin}/config/validate}: per-key errors of the common, source or
 * sink settings, of each transformation and predicate, of the connector's own definition and
 * {@code validate()}, of converters set on the connector and of client overrides under the worker's
 * override policy; and the config definition of any plugin. Knows nothing of HTTP.
 */
package io.ferry.connect.validation;
