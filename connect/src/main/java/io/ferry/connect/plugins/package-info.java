/**
 * Plugins: connectors, converters, header converters, transformations, predicates, config
 * providers and client override policies, found on the classpath and on {@code plugin.path}, each
 * plugin from {@code plugin.path} in its own child-first class loader that shares the framework's
 * classes ({@code connect-api}, {@code kafka-clients}, SLF4J). Plugins are named by class or by alias.
 */
package io.ferry.connect.plugins;
