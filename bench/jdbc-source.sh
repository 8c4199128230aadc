#!/usr/bin/env bash
# The JDBC source against the database's own bulk path, in one run on this machine's PostgreSQL:
#   copy    psql's \copy (SELECT * FROM the table) TO /dev/null: rows/s of PostgreSQL's COPY, the fastest way
#           rows leave the database;
#   source  `ferry connect standalone` with Ferry's JDBC source (incrementing mode) on an embedded broker:
#           rows/s from the task RUNNING until the topic's end offsets sum to the row count.
# The table (bigint id, text, numeric, timestamp, boolean) lives in a new database dropped at the end. Each run
# uses a new worker process and a new topic; the script prints each run, the medians and source/copy.
# The bar: the source moves at least half of COPY's rows/s.
#
# Usage: bench/jdbc-source.sh [--rows N] [--runs R] [--batch ROWS] [--converter json|avro]
#                            [--worker-set KEY=VALUE]... [--keep]
#   --converter  json: JsonConverter without schemas (default); avro: Ferry's AvroConverter through
#                `ferry registry` (started by the script)
#   --rows   rows in the table (default 200000)
#   --runs   measured runs of each side (default 3)
#   --batch  the connector's batch.max.rows (default 5000)
#   --worker-set  adds a worker property (e.g. producer.linger.ms=5)
#   --keep   keeps the work folder (worker logs) and the database, and prints where they are
# Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1, 5432, postgres); BENCH_JVM_OPTS for the worker;
#              BENCH_KAFKA_PORT/BENCH_REST_PORT (default 18394/18395);
#              FERRY_SKIP_BUILD=1 uses the built command line as it is.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

ROWS=200000
RUNS=3
BATCH=5000
CONVERTER=json
KEEP=0
WORKER_SETS=()
while (($#)); do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --batch) BATCH="$2"; shift 2 ;;
    --converter) CONVERTER="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --worker-set) WORKER_SETS+=("$2"); shift 2 ;;
    *) echo "bench: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

[[ "$CONVERTER" =~ ^(json|avro)$ ]] || { echo "bench: --converter takes json or avro" >&2; exit 2; }
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
JVM_OPTS="${BENCH_JVM_OPTS:--Xms256M -Xmx2G -XX:+UseG1GC -XX:MaxGCPauseMillis=20}"
KAFKA_PORT="${BENCH_KAFKA_PORT:-18394}"
REST_PORT="${BENCH_REST_PORT:-18395}"
REGISTRY_PORT="${BENCH_REGISTRY_PORT:-18396}"
DB="ferry_bench_$$"
TABLE=bench_rows
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ferry-bench-jdbc.XXXXXX")"
WATCH_CP="$PWD/bench/target/connect-watch:$PWD/cli/target/lib/*"
# The command line's lib folder carries Logback: keep the watcher's client logs out of its output.
WATCH_OPTS="-Dlogback.configurationFile=$WORK/watch-logback.xml"

cleanup() {
  kill "${WATCH_PID:-}" "${RUNTIME_PID:-}" 2>/dev/null || true
  kill "${KAFKA_PID:-}" "${REGISTRY_PID:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  if ((KEEP)); then
    echo "bench: work folder kept at $WORK, database $DB kept" >&2
  else
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# --- prepare: the command line with the connector, the watcher, the table ---
if [[ "${FERRY_SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -B -o -q package -DskipTests -pl connectors/jdbc,cli >/dev/null
fi
compile_watch "$PWD/cli/target/lib/*" ConnectWatch

psql -q -d postgres -c "CREATE DATABASE $DB" >/dev/null
psql -q -d "$DB" >/dev/null <<SQL
CREATE TABLE $TABLE (id BIGINT PRIMARY KEY, name TEXT NOT NULL, amount NUMERIC(12,2) NOT NULL,
                     created_at TIMESTAMP(6) NOT NULL, active BOOLEAN NOT NULL);
INSERT INTO $TABLE
SELECT g, 'customer ' || g || ' ' || md5(g::text), (g % 100000) / 100.0,
       TIMESTAMP '2024-01-01' + g * INTERVAL '1 second', g % 3 = 0
FROM generate_series(1, $ROWS) g;
VACUUM ANALYZE $TABLE;
SQL

echo '<configuration><root level="OFF"/></configuration>' >"$WORK/watch-logback.xml"
FERRY_SKIP_BUILD=1 ./ferry kafka --listen "127.0.0.1:$KAFKA_PORT" --data-dir "$WORK/kafka" >"$WORK/kafka.out" 2>&1 &
KAFKA_PID=$!
wait_ready "$WORK/kafka.out" "Kafka ready at" "$KAFKA_PID"

if [[ $CONVERTER == avro ]]; then
  FERRY_SKIP_BUILD=1 ./ferry registry --listen "127.0.0.1:$REGISTRY_PORT" --data-dir "$WORK/registry" >"$WORK/registry.out" 2>&1 &
  REGISTRY_PID=$!
  wait_ready "$WORK/registry.out" "Schema registry ready at" "$REGISTRY_PID"
  VALUE_CONVERTER="value.converter=io.ferry.serde.connect.AvroConverter
value.converter.schema.registry.url=http://127.0.0.1:$REGISTRY_PORT"
else
  VALUE_CONVERTER="value.converter=org.apache.kafka.connect.json.JsonConverter
value.converter.schemas.enable=false"
fi

# --- one COPY run: prints rows/s ---
copy_run() {
  local start end
  start=$(now_ms)
  psql -q -d "$DB" -c "\\copy (SELECT * FROM $TABLE) TO '/dev/null'"
  end=$(now_ms)
  awk -v n="$ROWS" -v ms="$((end - start))" 'BEGIN { printf "%.0f\n", n * 1000 / (ms > 0 ? ms : 1) }'
}

# --- one connector run: prints rows/s, from the task RUNNING to the last row in the topic ---
source_run() { # RUN
  local dir="$WORK/source-$1" name="bench-jdbc-$1" prefix="bench-jdbc-$1-"
  mkdir -p "$dir"
  cat >"$dir/worker.properties" <<EOF
bootstrap.servers=127.0.0.1:$KAFKA_PORT
listeners=http://127.0.0.1:$REST_PORT
key.converter=org.apache.kafka.connect.storage.StringConverter
$VALUE_CONVERTER
offset.storage.file.filename=$dir/connect.offsets
offset.flush.interval.ms=10000
EOF
  local setting
  for setting in "${WORKER_SETS[@]}"; do echo "$setting" >>"$dir/worker.properties"; done
  cat >"$dir/connector.properties" <<EOF
name=$name
connector.class=io.ferry.connectors.jdbc.source.JdbcSourceConnector
tasks.max=1
connection.url=jdbc:postgresql://$PGHOST:$PGPORT/$DB
connection.user=$PGUSER
table.whitelist=$TABLE
mode=incrementing
incrementing.column.name=id
topic.prefix=$prefix
batch.max.rows=$BATCH
poll.interval.ms=1000
EOF
  java "$WATCH_OPTS" -cp "$WATCH_CP" ConnectWatch source "127.0.0.1:$KAFKA_PORT" "$prefix$TABLE" "$ROWS" \
    "http://127.0.0.1:$REST_PORT" "$name" 600 >"$dir/watch.out" 2>"$dir/watch.err" &
  WATCH_PID=$!
  until grep -q "^watching" "$dir/watch.out"; do
    kill -0 "$WATCH_PID" 2>/dev/null || { cat "$dir/watch.err" >&2; exit 1; }
    sleep 0.05
  done
  # shellcheck disable=SC2086  # JVM_OPTS holds several options on purpose
  FERRY_SKIP_BUILD=1 FERRY_JAVA_OPTS="$JVM_OPTS" ./ferry connect standalone --log-file "$dir/connect.log" \
    "$dir/worker.properties" "$dir/connector.properties" >"$dir/runtime.out" 2>&1 &
  RUNTIME_PID=$!
  local ok=1
  wait "$WATCH_PID" || ok=0
  WATCH_PID=
  kill "$RUNTIME_PID" 2>/dev/null || true
  wait "$RUNTIME_PID" 2>/dev/null || true
  RUNTIME_PID=
  if ((!ok)); then
    echo "bench: source run $1 failed:" >&2
    cat "$dir/watch.err" >&2
    tail -n 20 "$dir/runtime.out" "$dir/connect.log" >&2 2>/dev/null || true
    exit 1
  fi
  local running done_ms
  running=$(sed -n 's/^task_running=//p' "$dir/watch.out")
  done_ms=$(sed -n 's/^done=//p' "$dir/watch.out")
  awk -v n="$ROWS" -v ms="$((done_ms - running))" 'BEGIN { printf "%.0f\n", n * 1000 / (ms > 0 ? ms : 1) }'
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), $(psql -At -d postgres -c 'SHOW server_version')"
echo "# $ROWS rows (bigint, text, numeric, timestamp, boolean) x $RUNS runs; source: incrementing mode,"
echo "# batch.max.rows=$BATCH, value converter $CONVERTER${WORKER_SETS[*]:+, ${WORKER_SETS[*]}}, JVM: $JVM_OPTS"
copy_run >/dev/null # warm the table into the page cache
printf "%-4s %14s %14s\n" run "copy rows/s" "source rows/s"
COPY_RATES=()
SOURCE_RATES=()
for run in $(seq 1 "$RUNS"); do
  copy=$(copy_run)
  source=$(source_run "$run")
  COPY_RATES+=("$copy")
  SOURCE_RATES+=("$source")
  printf "%-4s %14s %14s\n" "$run" "$copy" "$source"
done
copy_median=$(printf "%s\n" "${COPY_RATES[@]}" | median)
source_median=$(printf "%s\n" "${SOURCE_RATES[@]}" | median)
echo
printf "median: COPY %s rows/s, Ferry JDBC source %s rows/s, source/COPY %s\n" "$copy_median" "$source_median" \
  "$(awk -v s="$source_median" -v c="$copy_median" 'BEGIN { printf "%.0f%%", 100 * s / c }')"
