/**
 * The source side of a worker: the loop that polls a {@link org.apache.kafka.connect.source.SourceTask},
 * transforms, converts and produces its records, and commits source offsets only once Kafka has
 * acknowledged a record and every earlier record of the same source partition.
 */
package io.ferry.connect.worker.source;
