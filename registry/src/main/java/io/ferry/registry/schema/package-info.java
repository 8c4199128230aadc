/**
 * Schemas by type: parsing (with references to other subjects' schemas), the canonical text the
 * registry stores and returns, and normalisation. One {@link io.ferry.registry.schema.SchemaProvider}
 * per {@link io.ferry.registry.schema.SchemaType}.
 */
package io.ferry.registry.schema;
