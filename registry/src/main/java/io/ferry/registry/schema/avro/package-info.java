/**
 * Avro schemas as the registry handles them: parsing with references to other subjects' schemas,
 * the canonical text it stores and answers with, the normal form behind {@code normalize=true}, and
 * how strictly names and default values are checked. Each follows what Confluent Schema Registry does,
 * so that its clients see the same texts and the same errors.
 */
package io.ferry.registry.schema.avro;
