/**
 * JMH benchmarks of Ferry's serde, run by {@code bench/serde-jmh.sh}: the Avro serializer, deserializer and
 * Connect converter against plain Avro binary encoding of the same records, and JSON with an embedded schema
 * against Avro with a registry id. The registry is a real Ferry registry started by the benchmark; every
 * measured call runs with warm caches.
 */
package io.ferry.bench.serde;
