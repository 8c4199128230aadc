#!/usr/bin/env bash
# Connect standalone, side by side in one run: Apache Kafka Connect 4.3.1 (from Maven Central, run as
# its connect-standalone script runs it) and `ferry connect standalone`, on the same embedded broker,
# the same worker settings, JVM options and FileStream connector jar (on plugin.path), the same data.
# For each runtime and each run it measures:
#   source  FileStreamSource, a file of N lines -> a new topic: from the task RUNNING until the
#           topic's end offsets sum to N;
#   sink    FileStreamSink, a new topic of N records -> a file: from the task RUNNING until the file
#           has N lines;
#   REST ready, process start -> GET / answers 200; peak RSS (VmHWM) and RSS at the end (VmRSS).
# A watcher process (bench/connect/ConnectWatch.java) polls REST, the topic and the file every 10 ms.
# Every run starts a new worker process with one connector and uses a new topic.
#
# Usage: bench/connect-standalone.sh [--lines N] [--runs R] [--only apache|ferry] [--kind source|sink]
#                                    [--worker-set KEY=VALUE]... [--timeout SECONDS] [--keep] [--jfr]
#   --worker-set  adds a worker property for both runtimes (e.g. producer.linger.ms=5)
#   --keep        keeps the work folder (worker logs, watcher output) and prints where it is
#   --jfr         records each measured process with Java Flight Recorder (profile settings) into
#                 its run folder; implies --keep
# Environment: BENCH_JVM_OPTS replaces the JVM options given to both runtimes (default below).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

LINES=1000000
RUNS=3
ONLY=both
KINDS=(source sink)
JFR=0
TIMEOUT=900
KEEP=0
WORKER_SETS=()
while (($#)); do
  case "$1" in
    --lines) LINES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --kind) KINDS=("$2"); shift 2 ;;
    --jfr) JFR=1; KEEP=1; shift ;;
    --worker-set) WORKER_SETS+=("$2"); shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "bench: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
[[ "$ONLY" =~ ^(both|apache|ferry)$ ]] || { echo "bench: --only takes apache or ferry" >&2; exit 2; }

# Apache's bin/connect-standalone.sh heap and bin/kafka-run-class.sh performance options.
JVM_OPTS="${BENCH_JVM_OPTS:--Xms256M -Xmx2G -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true}"
KAFKA_PORT=18194
REST_PORT=18195
APACHE="$PWD/bench/target/apache-connect"
PLUGINS="$APACHE/plugins"
WATCH_CP="$PWD/bench/target/connect-watch:$APACHE/lib/*"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ferry-bench-connect.XXXXXX")"
RESULTS="$WORK/results.tsv"

cleanup() {
  kill "${WATCH_PID:-}" "${RUNTIME_PID:-}" 2>/dev/null || true
  kill "${KAFKA_PID:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  if ((KEEP)); then echo "bench: work folder kept at $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# --- prepare: Ferry's command line, Apache Connect and the connector jar, the watcher, the data ---
./mvnw -B -q package -Dmaven.test.skip=true -pl cli -am >/dev/null
if [[ ! -f "$APACHE/lib/connect-runtime-4.3.1.jar" || ! -f "$PLUGINS/connect-file/connect-file-4.3.1.jar" ]]; then
  # connect-file is not on Apache's classpath (as in its distribution): both runtimes load it from plugin.path.
  ./mvnw -B -q -f bench/connect/pom.xml dependency:copy-dependencies -DincludeScope=runtime \
    -DexcludeArtifactIds=connect-file -DoutputDirectory="$APACHE/lib" >/dev/null
  ./mvnw -B -q -f bench/connect/pom.xml dependency:copy-dependencies -DincludeArtifactIds=connect-file \
    -DexcludeTransitive=true -DoutputDirectory="$PLUGINS/connect-file" >/dev/null
fi
compile_watch "$APACHE/lib/*" ConnectWatch

RUNTIMES=()
[[ "$ONLY" != ferry ]] && RUNTIMES+=(apache)
if [[ "$ONLY" != apache ]]; then
  # A command line without the subcommand answers --help with its own usage, so look for the subcommand's.
  if FERRY_SKIP_BUILD=1 ./ferry connect standalone --help 2>&1 | grep "ferry connect standalone" >/dev/null; then
    RUNTIMES+=(ferry)
  else
    echo "bench: skipping Ferry: './ferry connect standalone --help' failed, so the command is not there yet" >&2
  fi
fi
((${#RUNTIMES[@]})) || { echo "bench: nothing to run" >&2; exit 1; }

FERRY_SKIP_BUILD=1 ./ferry kafka --listen "127.0.0.1:$KAFKA_PORT" --data-dir "$WORK/kafka" >"$WORK/kafka.out" 2>&1 &
KAFKA_PID=$!
wait_ready "$WORK/kafka.out" "Kafka ready at" "$KAFKA_PID"

INPUT="$WORK/input.txt"
awk -v n="$LINES" 'BEGIN { for (i = 1; i <= n; i++) printf "%09d the quick brown fox jumps over the lazy dog 0123456789\n", i }' >"$INPUT"
java -cp "$WATCH_CP" ConnectWatch warm "127.0.0.1:$KAFKA_PORT" bench-warm "$INPUT" >/dev/null

# --- one measured run ---
write_worker() { # DIR
  cat >"$1/worker.properties" <<EOF
bootstrap.servers=127.0.0.1:$KAFKA_PORT
listeners=http://127.0.0.1:$REST_PORT
key.converter=org.apache.kafka.connect.json.JsonConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
key.converter.schemas.enable=true
value.converter.schemas.enable=true
offset.storage.file.filename=$1/connect.offsets
offset.flush.interval.ms=10000
plugin.path=$PLUGINS
EOF
  local setting
  for setting in "${WORKER_SETS[@]}"; do echo "$setting" >>"$1/worker.properties"; done
}

write_connector() { # DIR KIND NAME TOPIC
  local kind=$2
  {
    echo "name=$3"
    echo "tasks.max=1"
    if [[ $kind == source ]]; then
      echo "connector.class=FileStreamSource"; echo "file=$INPUT"; echo "topic=$4"
    else
      echo "connector.class=FileStreamSink"; echo "file=$1/sink.txt"; echo "topics=$4"
    fi
  } >"$1/connector.properties"
}

start_runtime() { # RUNTIME DIR
  local dir=$2 opts=$JVM_OPTS
  ((JFR)) && opts+=" -XX:StartFlightRecording=filename=$dir/recording.jfr,settings=profile"
  if [[ $1 == apache ]]; then
    cat >"$dir/log4j2.properties" <<EOF
appender.file.type=File
appender.file.name=file
appender.file.fileName=$dir/connect.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %X{connector.context}%m (%c:%L)%n
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
EOF
    # shellcheck disable=SC2086  # opts holds several options on purpose
    java $opts -Dlog4j2.configurationFile="file:$dir/log4j2.properties" -Dkafka.logs.dir="$dir" \
      -cp "$APACHE/lib/*" org.apache.kafka.connect.cli.ConnectStandalone \
      "$dir/worker.properties" "$dir/connector.properties" >"$dir/runtime.out" 2>&1 &
  else
    FERRY_SKIP_BUILD=1 FERRY_JAVA_OPTS="$opts" ./ferry connect standalone \
      "$dir/worker.properties" "$dir/connector.properties" >"$dir/runtime.out" 2>&1 &
  fi
  RUNTIME_PID=$!
}

stop_runtime() {
  kill "$RUNTIME_PID" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$RUNTIME_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$RUNTIME_PID" 2>/dev/null || true
  wait "$RUNTIME_PID" 2>/dev/null || true
  RUNTIME_PID=
}


run_one() { # RUNTIME KIND RUN: appends a line to $RESULTS and prints it
  local runtime=$1 kind=$2 run=$3
  local dir="$WORK/$runtime-$kind-$run" name="bench-$kind-$runtime-$run" topic="bench-$kind-$runtime-$run"
  mkdir -p "$dir"
  write_worker "$dir"
  write_connector "$dir" "$kind" "$name" "$topic"
  if [[ $kind == source ]]; then
    java -cp "$WATCH_CP" ConnectWatch source "127.0.0.1:$KAFKA_PORT" "$topic" "$LINES" \
      "http://127.0.0.1:$REST_PORT" "$name" "$TIMEOUT" >"$dir/watch.out" 2>"$dir/watch.err" &
  else
    java -cp "$WATCH_CP" ConnectWatch fill "127.0.0.1:$KAFKA_PORT" "$topic" "$INPUT" >/dev/null
    java -cp "$WATCH_CP" ConnectWatch sink "$dir/sink.txt" "$LINES" \
      "http://127.0.0.1:$REST_PORT" "$name" "$TIMEOUT" >"$dir/watch.out" 2>"$dir/watch.err" &
  fi
  WATCH_PID=$!
  until grep -q "^watching" "$dir/watch.out"; do
    kill -0 "$WATCH_PID" 2>/dev/null || { cat "$dir/watch.err" >&2; exit 1; }
    sleep 0.05
  done
  sleep 1 # let the watcher's JVM settle before the measured process starts
  local start_ms
  start_ms=$(date +%s%3N)
  start_runtime "$runtime" "$dir"
  while kill -0 "$WATCH_PID" 2>/dev/null; do
    if ! kill -0 "$RUNTIME_PID" 2>/dev/null; then kill "$WATCH_PID" 2>/dev/null || true; break; fi
    sleep 0.1
  done
  local ok=1
  wait "$WATCH_PID" || ok=0
  WATCH_PID=
  if ((!ok)) || ! kill -0 "$RUNTIME_PID" 2>/dev/null; then
    echo "bench: $runtime $kind run $run failed:" >&2
    cat "$dir/watch.err" >&2
    tail -n 20 "$dir/runtime.out" >&2
    stop_runtime
    printf "%s\t%s\t%s\tfailed\n" "$runtime" "$kind" "$run" | tee -a "$RESULTS"
    return
  fi
  local hwm rss
  hwm=$(kib VmHWM "$RUNTIME_PID")
  rss=$(kib VmRSS "$RUNTIME_PID")
  stop_runtime
  local rest running finished first_rec last_rec
  rest=$(mark rest_ready "$dir/watch.out")
  running=$(mark task_running "$dir/watch.out")
  finished=$(mark done "$dir/watch.out")
  first_rec=$(mark first_record "$dir/watch.out")
  last_rec=$(mark last_record "$dir/watch.out")
  # runtime kind run rest_ms records/s run_ms peak_mib end_mib poll_rate; poll_rate (sources only) spans the
  # CreateTime of the first and last record, which FileStreamSource stamps when its task polls them: a
  # poll rate above records/s means the producer, not the connector, set the pace.
  awk -v rt="$runtime" -v k="$kind" -v r="$run" -v n="$LINES" -v s="$start_ms" -v rest="$rest" \
      -v run="$running" -v d="$finished" -v f="$first_rec" -v l="$last_rec" -v h="$hwm" -v m="$rss" 'BEGIN {
    inner = (f != "" && l > f) ? sprintf("%.0f", (n - 1) * 1000 / (l - f)) : "-"
    printf "%s\t%s\t%s\t%d\t%.0f\t%d\t%.0f\t%.0f\t%s\n", rt, k, r, rest - s, n * 1000 / (d - run), d - run, h / 1024, m / 1024, inner
  }' >>"$RESULTS"
  tail -n 1 "$RESULTS" | awk -F'\t' '{ printf "%-7s %-6s %-3s %10s %12s %9s %9s %9s %14s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }'
}

# --- the runs, interleaved so that a change of machine load touches both runtimes alike ---
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), $LINES lines x $RUNS runs"
echo "# JVM options (both runtimes): $JVM_OPTS"
echo "# worker: JsonConverter (schemas on) for keys and values, offset.flush.interval.ms=10000${WORKER_SETS[*]:+, ${WORKER_SETS[*]}}"
printf "%-7s %-6s %-3s %10s %12s %9s %9s %9s %14s\n" runtime kind run "rest ms" "records/s" "run ms" "peak MiB" "end MiB" "poll r/s"
for run in $(seq 1 "$RUNS"); do
  for runtime in "${RUNTIMES[@]}"; do
    for kind in "${KINDS[@]}"; do
      run_one "$runtime" "$kind" "$run"
    done
  done
done

col() { awk -F'\t' -v rt="$1" -v k="$2" -v c="$3" '$1 == rt && $2 ~ k && $4 != "failed" { print $c }' "$RESULTS" | median; }
echo
echo "median of $RUNS runs (REST ready over all runs; RSS of the source runs / of the sink runs)"
printf "%-7s %13s %13s %14s %17s %17s\n" runtime "source rec/s" "sink rec/s" "REST ready ms" "peak RSS MiB" "end RSS MiB"
for runtime in apache ferry; do
  if [[ " ${RUNTIMES[*]} " == *" $runtime "* ]]; then
    printf "%-7s %13s %13s %14s %17s %17s\n" "$runtime" "$(col "$runtime" source 5)" "$(col "$runtime" sink 5)" \
      "$(col "$runtime" . 4)" "$(col "$runtime" source 7) / $(col "$runtime" sink 7)" \
      "$(col "$runtime" source 8) / $(col "$runtime" sink 8)"
  else
    printf "%-7s %13s %13s %14s %17s %17s\n" "$runtime" skipped skipped skipped skipped skipped
  fi
done
