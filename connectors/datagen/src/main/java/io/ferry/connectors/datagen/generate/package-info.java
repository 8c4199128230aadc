/**
 * Turns an Avro schema with generation hints ({@code arg.properties}) into a Connect schema and a
 * generator of values for it. {@link io.ferry.connectors.datagen.generate.DatagenSchemaCompiler#compile}
 * is the entry point; a value is a pure function of the random source and the record number it is given,
 * so the same inputs always make the same value.
 */
package io.ferry.connectors.datagen.generate;
