#!/usr/bin/env bash
# JMH benchmarks of Ferry's serde (io.ferry.bench.serde): the Avro serializer and deserializer and the
# Connect AvroConverter against plain Avro binary encoding of the same record, and JSON with an embedded
# schema against Avro with a registry id. Each benchmark starts a real Ferry registry on loopback.
#
# Usage: bench/serde-jmh.sh [BENCHMARK_REGEX] [extra JMH options]      (ROUNDS=n for the interleaved runner)
#   defaults sized for a 2-core machine: 2 forks, 5 warmup and 5 measured iterations of 2 s, one thread;
#   then the interleaved A/B runner (200 rounds of 20,000 operations per side).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
FILTER="${1:-io.ferry.bench.serde}"
shift || true

./mvnw -B -q package -Dmaven.test.skip=true -pl bench -am >/dev/null
BENCH_CP="bench/target/ferry-bench.jar:bench/target/lib/*"

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "$BENCH_CP" io.ferry.bench.serde.MessageSizes
java -cp "$BENCH_CP" org.openjdk.jmh.Main "$FILTER" -f 2 -wi 5 -w 2s -i 5 -r 2s -t 1 -rf text -rff bench/target/serde-jmh.txt "$@"
# The same pairs A/B-interleaved on one thread: robust when other processes load the machine.
java -cp "$BENCH_CP" io.ferry.bench.serde.InterleavedComparison "${ROUNDS:-200}" 20000
