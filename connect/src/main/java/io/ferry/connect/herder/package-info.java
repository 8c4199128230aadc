/**
 * The herder: the one owner of a worker's connectors — their configs, target states, statuses,
 * restarts and offsets — which the REST API and the CLI drive. {@link io.ferry.connect.herder.Herder}
 * is the contract; the standalone herder keeps its state in one thread and local files, the
 * distributed one (later) in Kafka topics.
 */
package io.ferry.connect.herder;
