/**
 * Compatibility between a candidate schema and a subject's earlier versions: the seven
 * {@link io.ferry.registry.compat.CompatibilityLevel levels}, and one
 * {@link io.ferry.registry.compat.CompatibilityChecker checker} per schema type whose results are
 * immutable {@link io.ferry.registry.compat.Incompatibility values} (type, location, message)
 * rather than booleans.
 */
package io.ferry.registry.compat;
