/**
 * The HTTP adapter of the registry: Confluent Schema Registry's REST API on Javalin. Thin by
 * design — each route parses its request, calls {@link io.ferry.registry.service.SchemaRegistryService}
 * and writes the answer; errors are mapped to HTTP in one place ({@link io.ferry.registry.rest.ErrorHandling}).
 * The only package of the registry that knows HTTP.
 */
package io.ferry.registry.rest;
