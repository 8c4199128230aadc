#!/usr/bin/env bash
# Ferry's JDBC sink against PostgreSQL's own bulk path, side by side in one run.
#
# The same N rows (bigint id, text, numeric(12,2), timestamp, boolean) are written twice into identical
# empty tables of a fresh PostgreSQL database:
#   copy  psql -c "\copy bench_copy FROM 'rows.csv' CSV": the database's bulk load, the limit;
#   sink  the rows as records in a topic of an embedded broker — JsonConverter with schemas, or with
#         --converter avro Avro through `ferry registry` read by Ferry's AvroConverter — written by
#         `ferry connect standalone` with the JDBC sink (insert.mode=insert, which uses COPY): timed from the
#         worker's start, and from its task's first row, until the table holds N rows.
# Before the worker starts, a consumer group reads and commits once, so the new broker's group coordinator is
# loaded as on a cluster in use. It prints rows/s of each and the ratio sink/copy (the bar: at least 0.40).
#
# Usage: bench/jdbc-sink.sh [--rows N] [--partitions P] [--converter json|avro] [--set KEY=VALUE]...
#                          [--worker-set KEY=VALUE]... [--keep]
#   --converter   how the records are written and read (default json: JsonConverter with schemas)
#   --partitions  the topic's partitions, and the sink's tasks.max (default 1)
#   --set         adds a connector setting (e.g. postgres.copy.enabled=false, batch.size=5000)
#   --worker-set  adds or overrides a worker setting (e.g. consumer.max.poll.records=500)
#   --keep  keeps the work folder (worker log, data) and prints where it is
# Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres; trust auth), BENCH_JVM_OPTS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

ROWS=200000
PARTITIONS=1
CONVERTER=json
KEEP=0
SETS=()
WORKER_SETS=()
while (($#)); do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --partitions) PARTITIONS="$2"; shift 2 ;;
    --converter) CONVERTER="$2"; shift 2 ;;
    --set) SETS+=("$2"); shift 2 ;;
    --worker-set) WORKER_SETS+=("$2"); shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "bench: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

[[ "$CONVERTER" =~ ^(json|avro)$ ]] || { echo "bench: --converter takes json or avro" >&2; exit 2; }
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
JVM_OPTS="${BENCH_JVM_OPTS:--Xms256M -Xmx2G -XX:+UseG1GC}"
KAFKA_PORT=18294
REST_PORT=18295
REGISTRY_PORT=18296
DB="ferry_bench_sink_$$"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ferry-bench-jdbc.XXXXXX")"
TOPIC=bench-rows

cleanup() {
  kill "${WORKER_PID:-}" 2>/dev/null || true
  kill "${KAFKA_PID:-}" "${REGISTRY_PID:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  if ((KEEP)); then echo "bench: work folder kept at $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
count() { psql -d "$DB" -tAc "SELECT count(*) FROM $1"; }

# --- prepare: the launcher, the database, the data, the broker and the topic ---
if [[ ! -f cli/target/ferry-cli.jar ]] || [[ -n "$(find connectors/jdbc/src/main -newer cli/target/ferry-cli.jar -type f -print -quit)" ]]; then
  ./mvnw -B -o -q package -DskipTests -pl connectors/jdbc,cli >/dev/null
fi
psql -q -d postgres -c "CREATE DATABASE $DB" >/dev/null
for table in bench_copy bench_sink; do
  psql -q -d "$DB" -c "CREATE TABLE $table (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(12,2), at timestamp, active boolean)"
done

# One CSV for both paths: the producer turns each line into the same row as a JSON record.
awk -v n="$ROWS" 'BEGIN { srand(7); for (i = 1; i <= n; i++)
  printf "%d,customer %06d from a realistic text column,%.2f,2024-%02d-%02d %02d:%02d:%02d.%03d,%s\n",
    i, i % 100000, rand() * 100000, 1 + i % 12, 1 + i % 28, i % 24, i % 60, (i * 7) % 60, i % 1000, (i % 3 ? "true" : "false") }' \
  >"$WORK/rows.csv"

FERRY_SKIP_BUILD=1 ./ferry kafka --listen "127.0.0.1:$KAFKA_PORT" --data-dir "$WORK/kafka" >"$WORK/kafka.out" 2>&1 &
KAFKA_PID=$!
wait_ready "$WORK/kafka.out" "Kafka ready at" "$KAFKA_PID"

if [[ $CONVERTER == avro ]]; then
  FERRY_SKIP_BUILD=1 ./ferry registry --listen "127.0.0.1:$REGISTRY_PORT" --data-dir "$WORK/registry" >"$WORK/registry.out" 2>&1 &
  REGISTRY_PID=$!
  wait_ready "$WORK/registry.out" "Schema registry ready at" "$REGISTRY_PID"
fi

mkdir -p "$WORK/producer"
cat >"$WORK/producer/BenchRows.java" <<'EOF'
import java.nio.file.*;
import java.time.*;
import java.util.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces each CSV line as a JsonConverter record with its schema, or (with a registry URL) as Avro in the
 * registry's wire format. Args: bootstrap topic csv partitions [registry-url].
 */
public class BenchRows {
    static final String AVRO = "{\"type\":\"record\",\"name\":\"bench_row\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"},"
        + "{\"name\":\"amount\",\"type\":[\"null\",{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}],\"default\":null},"
        + "{\"name\":\"at\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null},"
        + "{\"name\":\"active\",\"type\":[\"null\",\"boolean\"],\"default\":null}]}";

    static final String SCHEMA = "{\"type\":\"struct\",\"name\":\"bench_row\",\"fields\":["
        + "{\"field\":\"id\",\"type\":\"int64\"},{\"field\":\"name\",\"type\":\"string\"},"
        + "{\"field\":\"amount\",\"type\":\"bytes\",\"optional\":true,\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}},"
        + "{\"field\":\"at\",\"type\":\"int64\",\"optional\":true,\"name\":\"org.apache.kafka.connect.data.Timestamp\"},"
        + "{\"field\":\"active\",\"type\":\"boolean\",\"optional\":true}]}";

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", args[0]);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(args[1], Integer.parseInt(args[3]), (short) 1))).all().get();
        }
        props.put("linger.ms", "20");
        props.put("batch.size", "262144");
        props.put("compression.type", "lz4");
        if (args.length > 4) {
            produceAvro(props, args);
        } else {
            produceJson(props, args);
        }
    }

    static void produceJson(Properties props, String[] args) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String line : Files.readAllLines(Path.of(args[2]))) {
                String[] f = line.split(",");
                long at = LocalDateTime.parse(f[3].replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
                String payload = "{\"id\":" + f[0] + ",\"name\":\"" + f[1] + "\",\"amount\":" + f[2] + ",\"at\":" + at
                    + ",\"active\":" + f[4] + "}";
                producer.send(new ProducerRecord<>(args[1], null, "{\"schema\":" + SCHEMA + ",\"payload\":" + payload + "}"));
            }
        }
    }

    static void produceAvro(Properties props, String[] args) throws Exception {
        org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser().parse(AVRO);
        org.apache.avro.Schema amount = schema.getField("amount").schema().getTypes().get(1);
        var decimals = new org.apache.avro.Conversions.DecimalConversion();
        var serializer = new io.ferry.serde.avro.KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", args[4]), false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props, new StringSerializer(), serializer)) {
            for (String line : Files.readAllLines(Path.of(args[2]))) {
                String[] f = line.split(",");
                var row = new org.apache.avro.generic.GenericData.Record(schema);
                row.put("id", Long.parseLong(f[0]));
                row.put("name", f[1]);
                row.put("amount", decimals.toBytes(new java.math.BigDecimal(f[2]), amount, amount.getLogicalType()));
                row.put("at", LocalDateTime.parse(f[3].replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli());
                row.put("active", Boolean.parseBoolean(f[4]));
                producer.send(new ProducerRecord<>(args[1], null, row));
            }
        }
    }
}
EOF
PRODUCER_ARGS=("127.0.0.1:$KAFKA_PORT" "$TOPIC" "$WORK/rows.csv" "$PARTITIONS")
[[ $CONVERTER == avro ]] && PRODUCER_ARGS+=("http://127.0.0.1:$REGISTRY_PORT")
java -cp "cli/target/lib/*" "$WORK/producer/BenchRows.java" "${PRODUCER_ARGS[@]}" >"$WORK/producer.out" 2>&1 \
  || { cat "$WORK/producer.out" >&2; exit 1; }
# A consumer group reads and commits once, so the new broker has created and loaded __consumer_offsets: otherwise
# the sink's first join spends about a second in NOT_COORDINATOR retries, a cost a cluster in use has long paid.
compile_watch "$PWD/cli/target/lib/*" ConnectWatch
head -n 1 "$WORK/rows.csv" >"$WORK/warm.csv"
java -cp "$PWD/bench/target/connect-watch:$PWD/cli/target/lib/*" \
  ConnectWatch warm "127.0.0.1:$KAFKA_PORT" bench-warm "$WORK/warm.csv" >"$WORK/warm.out" 2>&1 \
  || { cat "$WORK/warm.out" >&2; exit 1; }

# --- copy: the database's own bulk path ---
start=$(now_ms)
psql -q -d "$DB" -c "\\copy bench_copy FROM '$WORK/rows.csv' CSV"
copy_ms=$(( $(now_ms) - start ))
[[ "$(count bench_copy)" == "$ROWS" ]] || { echo "bench: \\copy loaded $(count bench_copy) rows, not $ROWS" >&2; exit 1; }

# --- sink: Ferry's JDBC sink in a standalone worker ---
cat >"$WORK/worker.properties" <<EOF
bootstrap.servers=127.0.0.1:$KAFKA_PORT
listeners=http://127.0.0.1:$REST_PORT
key.converter=org.apache.kafka.connect.storage.StringConverter
offset.storage.file.filename=$WORK/connect.offsets
offset.flush.interval.ms=10000
consumer.max.poll.records=20000
consumer.max.partition.fetch.bytes=8388608
EOF
cat >"$WORK/sink.properties" <<EOF
name=bench-jdbc-sink
connector.class=io.ferry.connectors.jdbc.sink.JdbcSinkConnector
tasks.max=$PARTITIONS
topics=$TOPIC
connection.url=jdbc:postgresql://$PGHOST:$PGPORT/$DB
connection.user=$PGUSER
table.name.format=bench_sink
insert.mode=insert
EOF
for setting in "${SETS[@]}"; do echo "$setting" >>"$WORK/sink.properties"; done
if [[ $CONVERTER == avro ]]; then
  echo "value.converter=io.ferry.serde.connect.AvroConverter" >>"$WORK/worker.properties"
  echo "value.converter.schema.registry.url=http://127.0.0.1:$REGISTRY_PORT" >>"$WORK/worker.properties"
else
  echo "value.converter=org.apache.kafka.connect.json.JsonConverter" >>"$WORK/worker.properties"
  echo "value.converter.schemas.enable=true" >>"$WORK/worker.properties"
fi
for setting in "${WORKER_SETS[@]}"; do echo "$setting" >>"$WORK/worker.properties"; done

start=$(now_ms)
FERRY_SKIP_BUILD=1 FERRY_JAVA_OPTS="$JVM_OPTS" ./ferry connect standalone --log-file "$WORK/connect.log" \
  "$WORK/worker.properties" "$WORK/sink.properties" >"$WORK/worker.out" 2>&1 &
WORKER_PID=$!
first_ms=
while :; do
  kill -0 "$WORKER_PID" 2>/dev/null || { echo "bench: the worker stopped" >&2; tail -n 30 "$WORK/worker.out" "$WORK/connect.log" >&2; exit 1; }
  rows=$(count bench_sink)
  [[ -z "$first_ms" && "$rows" -gt 0 ]] && first_ms=$(now_ms)
  [[ "$rows" == "$ROWS" ]] && break
  sleep 0.05
done
done_ms=$(now_ms)
sink_ms=$(( done_ms - start ))
sink_rows_ms=$(( done_ms - first_ms ))

same=$(psql -d "$DB" -tAc "SELECT count(*) FROM bench_copy c JOIN bench_sink s USING (id)
  WHERE (c.name, c.amount, c.at, c.active) IS NOT DISTINCT FROM (s.name, s.amount, s.at, s.active)")

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), $(psql -tAc 'SHOW server_version' -d postgres | head -1)"
echo "# $ROWS rows in $PARTITIONS partition(s), value converter $CONVERTER, tasks.max=$PARTITIONS; sink settings: insert.mode=insert${SETS[*]:+, ${SETS[*]}}; worker: consumer.max.poll.records=20000, consumer.max.partition.fetch.bytes=8388608${WORKER_SETS[*]:+, ${WORKER_SETS[*]}}"
awk -v n="$ROWS" -v c="$copy_ms" -v s="$sink_ms" -v r="$sink_rows_ms" -v same="$same" 'BEGIN {
  printf "%-34s %10s %12s\n", "path", "ms", "rows/s"
  printf "%-34s %10d %12.0f\n", "psql \\copy (CSV)", c, n * 1000 / c
  printf "%-34s %10d %12.0f\n", "ferry sink, from worker start", s, n * 1000 / s
  printf "%-34s %10d %12.0f\n", "ferry sink, from its first row", r, n * 1000 / r
  printf "ratio sink/copy: %.2f from worker start, %.2f from the first row (bar: 0.40)\n", c / s, c / r
  printf "rows identical in both tables: %d of %d\n", same, n
}'
