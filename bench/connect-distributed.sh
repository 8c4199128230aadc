#!/usr/bin/env bash
# Distributed Connect: the same pipeline on one worker and on three, and how long a cluster of three takes to
# run every task again after a worker goes. One embedded broker; every cluster of `ferry connect distributed`
# workers gets a new group.id and new internal topics (replication factor 1).
#   throughput  for WORKERS in 1 and 3, in interleaved rounds: a topic of P partitions, a FileStreamSink
#               (tasks.max=T) reading it into a file, then a datagen source (tasks.max=T, quickstart pageviews,
#               N/T iterations per task, records.per.second=0) writing N records into it. From the source's
#               POST /connectors until: every source task RUNNING (running ms); the topic's end offsets sum
#               to N (source r/s; also counted from every task RUNNING); the sink's file has N lines (e2e);
#               the group connect-<sink> committed offsets summing to N (commit). Peak RSS (VmHWM) of each
#               worker when the run ends.
#   failover    three workers, a datagen source (tasks.max=T, no end, --rate records/s per task) and a sink
#               (tasks.max=T); once every task is RUNNING and each worker runs some, SIGTERM the third worker
#               and time, from the signal, until GET /connectors?expand=status on the first worker shows every
#               connector and task RUNNING on a live worker (polled every 50 ms), and until the sink's consumer
#               group is stable again without the departed worker's consumers (only then does the sink
#               consume). Then a new worker joins, the tasks spread again, and the second worker gets SIGKILL:
#               timed the same way. Repeated --failovers times with the default session.timeout.ms=10000/
#               heartbeat.interval.ms=3000 and as often with 6000/1000 (the broker's smallest session),
#               interleaved.
# A watcher process (bench/connect/DistributedWatch.java) creates the connectors and does the timing, with the
# admin client and plain HTTP. A full run takes about 20 minutes on 2 cores: each SIGKILL waits for the sink's
# group, which drops the dead worker's consumers only after their session.timeout.ms (45 s by default).
#
# Usage: bench/connect-distributed.sh [--only throughput|failover] [--records N] [--tasks T] [--partitions P]
#                                     [--rounds R] [--failovers F] [--rate R] [--keep]
#   --records     records per throughput run (default 600000; a multiple of --tasks)
#   --tasks       tasks.max of the source and of the sink (default 6)
#   --partitions  partitions of the pipeline's topic (default 6)
#   --rounds      throughput rounds; each round runs 1 worker, then 3 (default 3)
#   --failovers   failover repetitions per session setting (default 3)
#   --rate        records.per.second of each source task in the failover runs (default 500)
#   --keep        keeps the work folder (worker logs and files, watcher output) and prints where it is
# Environment: BENCH_JVM_OPTS replaces the workers' JVM options (default below);
#              BENCH_KAFKA_PORT, BENCH_REST_PORT (default 18494, and 18495-18499 for the workers);
#              FERRY_SKIP_BUILD=1 uses the built command line as it is.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

ONLY=both
RECORDS=600000
TASKS=6
PARTITIONS=6
ROUNDS=3
FAILOVERS=3
RATE=500
KEEP=0
while (($#)); do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --records) RECORDS="$2"; shift 2 ;;
    --tasks) TASKS="$2"; shift 2 ;;
    --partitions) PARTITIONS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --failovers) FAILOVERS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "bench: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
[[ "$ONLY" =~ ^(both|throughput|failover)$ ]] || { echo "bench: --only takes throughput or failover" >&2; exit 2; }
((RECORDS % TASKS == 0)) || { echo "bench: --records must be a multiple of --tasks" >&2; exit 2; }

# Apache's bin/connect-distributed.sh heap, as in the standalone benchmark.
JVM_OPTS="${BENCH_JVM_OPTS:--Xms256M -Xmx2G -XX:+UseG1GC -XX:MaxGCPauseMillis=20}"
KAFKA_PORT="${BENCH_KAFKA_PORT:-18494}"
REST_PORT="${BENCH_REST_PORT:-18495}"
PLUGINS="$PWD/bench/target/apache-connect/plugins"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ferry-bench-distributed.XXXXXX")"
WATCH_CP="$PWD/bench/target/connect-watch:$PWD/cli/target/lib/*"
# The command line's lib folder carries Logback: keep the watcher's client logs out of its output.
WATCH_OPTS="-Dlogback.configurationFile=$WORK/watch-logback.xml"
declare -A WORKER_PID=()

cleanup() {
  local pid
  for pid in "${WORKER_PID[@]}"; do kill "$pid" 2>/dev/null || true; done
  kill "${KAFKA_PID:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  if ((KEEP)); then echo "bench: work folder kept at $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

watch() { java "$WATCH_OPTS" -cp "$WATCH_CP" DistributedWatch "$@"; }

# --- prepare: the command line, Apache's connect-file jar (FileStreamSink), the watcher, the broker ---
if [[ "${FERRY_SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q package -Dmaven.test.skip=true -pl cli -am >/dev/null
fi
if [[ ! -f "$PLUGINS/connect-file/connect-file-4.3.1.jar" ]]; then
  ./mvnw -B -q -f bench/connect/pom.xml dependency:copy-dependencies -DincludeArtifactIds=connect-file \
    -DexcludeTransitive=true -DoutputDirectory="$PLUGINS/connect-file" >/dev/null
fi
compile_watch "$PWD/cli/target/lib/*" DistributedWatch
echo '<configuration><root level="OFF"/></configuration>' >"$WORK/watch-logback.xml"

FERRY_SKIP_BUILD=1 ./ferry kafka --listen "127.0.0.1:$KAFKA_PORT" --data-dir "$WORK/kafka" >"$WORK/kafka.out" 2>&1 &
KAFKA_PID=$!
wait_ready "$WORK/kafka.out" "Kafka ready at" "$KAFKA_PID"

# --- workers ---
start_worker() { # DIR GROUP NUMBER [KEY=VALUE]...: starts worker wNUMBER on port REST_PORT+NUMBER-1
  local dir=$1 group=$2 id="w$3" port=$((REST_PORT + $3 - 1))
  shift 3
  cat >"$dir/$id.properties" <<EOF
bootstrap.servers=127.0.0.1:$KAFKA_PORT
group.id=$group
config.storage.topic=$group-configs
offset.storage.topic=$group-offsets
status.storage.topic=$group-status
config.storage.replication.factor=1
offset.storage.replication.factor=1
status.storage.replication.factor=1
key.converter=org.apache.kafka.connect.storage.StringConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
value.converter.schemas.enable=false
offset.flush.interval.ms=1000
listeners=http://127.0.0.1:$port
ferry.worker.id=$id
plugin.path=$PLUGINS
EOF
  local setting
  for setting in "$@"; do echo "$setting" >>"$dir/$id.properties"; done
  FERRY_SKIP_BUILD=1 FERRY_JAVA_OPTS="$JVM_OPTS" ./ferry connect distributed --log-file "$dir/$id.log" \
    "$dir/$id.properties" >"$dir/$id.out" 2>&1 &
  WORKER_PID[$id]=$!
}

await_worker() { wait_ready "$1/$2.out" "Connect worker ready at" "${WORKER_PID[$2]}"; }

stop_workers() { # SIGTERM every worker still running, then wait for them
  local id
  for id in "${!WORKER_PID[@]}"; do kill "${WORKER_PID[$id]}" 2>/dev/null || true; done
  for id in "${!WORKER_PID[@]}"; do wait "${WORKER_PID[$id]}" 2>/dev/null || true; done
  WORKER_PID=()
}

rest() { echo "http://127.0.0.1:$((REST_PORT + $1 - 1))"; }

write_connectors() { # DIR NAME TOPIC ITERATIONS RATE: DIR/sink.json and DIR/source.json
  cat >"$1/sink.json" <<EOF
{"name": "$2-sink", "config": {"connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector",
  "tasks.max": "$TASKS", "topics": "$3", "file": "$1/sink.txt"}}
EOF
  cat >"$1/source.json" <<EOF
{"name": "$2-source", "config": {"connector.class": "io.ferry.connectors.datagen.DatagenSourceConnector",
  "tasks.max": "$TASKS", "kafka.topic": "$3", "quickstart": "pageviews", "iterations": "$4",
  "records.per.second": "$5"}}
EOF
}

fail_run() { # DIR WHAT
  echo "bench: $2 failed:" >&2
  cat "$1/watch.err" >&2 2>/dev/null || true
  tail -n 20 "$1"/w*.log >&2 2>/dev/null || true
  exit 1
}

# --- throughput: one run appends "workers round source_running_ms source_rec/s source_rec/s_once_running e2e_rec/s
#     committed_rec/s peak_MiB_max peak_MiB_sum placement" to $TP ---
TP="$WORK/throughput.tsv"
throughput_run() { # WORKERS ROUND
  local workers=$1 round=$2 dir="$WORK/tp-$1-$2" name="tp-$1-$2" n
  mkdir -p "$dir"
  for n in $(seq 1 "$workers"); do start_worker "$dir" "bench-$name" "$n"; done
  for n in $(seq 1 "$workers"); do await_worker "$dir" "w$n"; done
  write_connectors "$dir" "$name" "$name" $((RECORDS / TASKS)) 0
  watch pipeline "127.0.0.1:$KAFKA_PORT" "$name" "$PARTITIONS" "$RECORDS" "$(rest 1)" "$dir/sink.json" \
    "$dir/source.json" "$dir/sink.txt" 600 >"$dir/watch.out" 2>"$dir/watch.err" || fail_run "$dir" "throughput $name"
  local hwm=()
  for n in $(seq 1 "$workers"); do hwm+=("$(kib VmHWM "${WORKER_PID[w$n]}")"); done
  stop_workers
  local f="$dir/watch.out"
  [[ $(mark records_in_topic "$f") == "$RECORDS" ]] || echo "bench: $name: the topic holds $(mark records_in_topic "$f") records" >&2
  awk -v w="$workers" -v r="$round" -v n="$RECORDS" -v c="$(mark created "$f")" -v run="$(mark source_running "$f")" \
      -v s="$(mark source_done "$f")" -v e="$(mark sink_done "$f")" -v k="$(mark committed "$f")" \
      -v hwm="${hwm[*]}" -v p="$(mark placement "$f")" 'BEGIN {
    m = split(hwm, h, " "); max = 0; sum = 0
    for (i = 1; i <= m; i++) { sum += h[i]; if (h[i] > max) max = h[i] }
    printf "%d\t%d\t%d\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%s\n", w, r, run - c, n * 1000 / (s - c), n * 1000 / (s - run),
      n * 1000 / (e - c), n * 1000 / (k - c), max / 1024, sum / 1024, p
  }' >>"$TP"
  tail -n 1 "$TP" | awk -F'\t' '{ printf "%-7s %-5s %10s %12s %14s %12s %12s %13s %13s  %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }'
}

# --- failover: one cluster of three; appends "setting round kind ms sink_group_ms victim_tasks victim_connectors
#     placement" to $FO ---
FO="$WORK/failover.tsv"
failover_measure() { # DIR SETTING ROUND KIND(KILL|TERM) VICTIM NAME
  local dir=$1 f="$1/failover-$4.out" s
  watch failover "127.0.0.1:$KAFKA_PORT" "$(rest 1)" "$6-sink" "${WORKER_PID[$5]}" "$5" "$4" 180 >"$f" \
    2>"$dir/watch.err" || fail_run "$dir" "failover $4"
  wait "${WORKER_PID[$5]}" 2>/dev/null || true
  unset "WORKER_PID[$5]"
  s=$(mark signalled "$f")
  printf "%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n" "$2" "$3" "$4" $(($(mark recovered "$f") - s)) \
    $(($(mark sink_group_stable "$f") - s)) "$(mark victim_tasks "$f")" "$(mark victim_connectors "$f")" \
    "$(mark placement "$f")" >>"$FO"
  tail -n 1 "$FO" | awk -F'\t' '{ printf "%-10s %-5s %-5s %12s %14s %12s %16s  %s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
}

failover_run() { # SETTING(default|6000/1000) ROUND
  local setting=$1 round=$2 name="fo-${1%%/*}-$2" dir n
  dir="$WORK/$name"
  mkdir -p "$dir"
  local sets=()
  [[ $setting != default ]] && sets=("session.timeout.ms=${setting%%/*}" "heartbeat.interval.ms=${setting##*/}")
  for n in 1 2 3; do start_worker "$dir" "bench-$name" "$n" "${sets[@]}"; done
  for n in 1 2 3; do await_worker "$dir" "w$n"; done
  write_connectors "$dir" "$name" "$name" 0 "$RATE"
  watch pipeline "127.0.0.1:$KAFKA_PORT" "$name" "$PARTITIONS" 1 "$(rest 1)" "$dir/sink.json" "$dir/source.json" \
    "$dir/sink.txt" 120 >"$dir/watch.out" 2>"$dir/watch.err" || fail_run "$dir" "failover set-up $name"
  watch spread "$(rest 1)" $((2 * TASKS)) 120 w1 w2 w3 >"$dir/spread-1.out" 2>"$dir/watch.err" || fail_run "$dir" "spread $name"
  # SIGTERM first: after a SIGKILL the sink's group waits for the dead worker's consumers to time out, and
  # a stop in that time would measure that wait too.
  failover_measure "$dir" "$setting" "$round" TERM w3 "$name"
  start_worker "$dir" "bench-$name" 4 "${sets[@]}"
  await_worker "$dir" w4
  watch spread "$(rest 1)" $((2 * TASKS)) 120 w1 w2 w4 >"$dir/spread-2.out" 2>"$dir/watch.err" || fail_run "$dir" "spread $name"
  failover_measure "$dir" "$setting" "$round" KILL w2 "$name"
  stop_workers
}

# --- the runs ---
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# workers: $JVM_OPTS; StringConverter keys, JsonConverter values without schemas, offset.flush.interval.ms=1000"
if [[ $ONLY != failover ]]; then
  echo "# throughput: $RECORDS records, datagen pageviews tasks.max=$TASKS -> $PARTITIONS partitions -> FileStreamSink tasks.max=$TASKS"
  printf "%-7s %-5s %10s %12s %14s %12s %12s %13s %13s  %s\n" workers round "running ms" "source r/s" "(once running)" \
    "e2e r/s" "commit r/s" "peak MiB max" "peak MiB sum" "tasks per worker"
  for round in $(seq 1 "$ROUNDS"); do
    throughput_run 1 "$round"
    throughput_run 3 "$round"
  done
fi
if [[ $ONLY != throughput ]]; then
  echo "# failover: 3 workers, datagen tasks.max=$TASKS at $RATE records/s per task, FileStreamSink tasks.max=$TASKS;"
  echo "# TERM = SIGTERM w3, KILL = SIGKILL w2 after w4 joined; ms from the signal to every task RUNNING elsewhere"
  echo "# (recovery) and to the sink's consumer group stable without the departed worker's consumers (sink group)"
  printf "%-10s %-5s %-5s %12s %14s %12s %16s  %s\n" session round kind "recovery ms" "sink group ms" "tasks moved" \
    "connectors moved" "tasks per worker after"
  for round in $(seq 1 "$FAILOVERS"); do
    failover_run default "$round"
    failover_run 6000/1000 "$round"
  done
fi

echo
if [[ $ONLY != failover ]]; then
  col() { awk -F'\t' -v w="$1" -v c="$2" '$1 == w { print $c }' "$TP" | median; }
  echo "throughput, median of $ROUNDS rounds"
  printf "%-7s %10s %12s %14s %12s %12s %13s %13s\n" workers "running ms" "source r/s" "(once running)" "e2e r/s" \
    "commit r/s" "peak MiB max" "peak MiB sum"
  for w in 1 3; do
    printf "%-7s %10s %12s %14s %12s %12s %13s %13s\n" "$w" "$(col "$w" 3)" "$(col "$w" 4)" "$(col "$w" 5)" "$(col "$w" 6)" \
      "$(col "$w" 7)" "$(col "$w" 8)" "$(col "$w" 9)"
  done
fi
if [[ $ONLY != throughput ]]; then
  echo "failover ms (min / median / max of $FAILOVERS): every task RUNNING elsewhere; sink group stable"
  for setting in default 6000/1000; do
    for kind in TERM KILL; do
      line=$(printf "%-10s %-5s" "$setting" "$kind")
      for c in 4 5; do
        values=$(awk -F'\t' -v s="$setting" -v k="$kind" -v c="$c" '$1 == s && $3 == k { print $c }' "$FO" | sort -n)
        line+=$(printf " %6s / %6s / %6s;" "$(head -1 <<<"$values")" "$(median <<<"$values")" "$(tail -1 <<<"$values")")
      done
      echo "${line%;}"
    done
  done
fi
