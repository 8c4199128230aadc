/**
 * Ferry's datagen source connector, written against connect-api only: it generates records from an Avro
 * schema with generation hints (a built-in quickstart, an inline schema or a schema file) into a topic.
 * Record {@code n} of task {@code t} is a pure function of the seed, {@code t} and {@code n}, and the
 * offset of a task is the number of its next record, so a restarted task goes on with exactly the records
 * it would have generated. The schema compiler and the generators live in
 * {@link io.ferry.connectors.datagen.generate}.
 */
package io.ferry.connectors.datagen;
