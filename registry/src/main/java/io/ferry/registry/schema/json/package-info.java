/**
 * JSON Schemas as the registry handles them: which draft a schema is read as, checking it against that
 * draft's meta-schema, resolving {@code $ref}s into other subjects' schemas, the canonical text the
 * registry stores and answers with, and the normal form behind {@code normalize=true}. Each follows what
 * Confluent Schema Registry does, so that its clients see the same texts.
 */
package io.ferry.registry.schema.json;
