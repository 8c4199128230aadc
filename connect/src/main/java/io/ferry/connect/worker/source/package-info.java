/**
 * The source side of a worker: the loops that poll a {@link org.apache.kafka.connect.source.SourceTask},
 * transform, convert and produce its records. {@link io.ferry.connect.worker.source.WorkerSourceTask}
 * commits source offsets periodically, each only once Kafka has acknowledged its record and every
 * earlier record of the same source partition; {@link io.ferry.connect.worker.source.TransactionalSourceTask}
 * writes records and offsets in one Kafka transaction (exactly-once, KIP-618), and
 * {@link io.ferry.connect.worker.source.ZombieFencing} fences the producers of a connector's earlier tasks.
 */
package io.ferry.connect.worker.source;
