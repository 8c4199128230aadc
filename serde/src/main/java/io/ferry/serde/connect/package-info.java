/**
 * The Connect {@code AvroConverter} and the mapping between Connect schemas and data and Avro schemas and
 * data ({@link io.ferry.serde.connect.AvroData}), following the conventions of Confluent's converter so
 * that records written by either are read by the other.
 */
package io.ferry.serde.connect;
