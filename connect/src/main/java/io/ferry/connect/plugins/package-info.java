/**
 * Plugins: connectors, converters, header converters, transformations, predicates, config providers and
 * client override policies, found on the classpath and on {@code plugin.path} as {@code plugin.discovery}
 * says (service manifests, a class-file scan, or both). Each plugin location gets its own child-first
 * class loader that shares the framework's classes ({@code connect-api}, {@code kafka-clients}, SLF4J, the
 * JDK) by Apache Kafka Connect's rules. Plugins are named by class or by alias. {@link
 * io.ferry.connect.plugins.Plugins} is the entry point.
 */
package io.ferry.connect.plugins;
