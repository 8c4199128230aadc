#!/usr/bin/env bash
# Registry restart time from a local log of many versions: the time from starting
# `ferry registry` to its ready line (JVM start, log replay, HTTP server), over several runs.
#
# Usage: bench/registry-restart.sh [VERSIONS] [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VERSIONS="${1:-100000}"
RUNS="${2:-5}"
PORT=18192
LOG_DIR="bench/target/restart-$VERSIONS"

./mvnw -B -q package -Dmaven.test.skip=true -pl bench,cli -am >/dev/null
if [[ ! -f "$LOG_DIR/schemas.log" ]]; then
  java -cp "bench/target/ferry-bench.jar:bench/target/lib/*" io.ferry.bench.LargeLogGenerator "$LOG_DIR" "$VERSIONS"
fi
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), $VERSIONS versions, $(du -h "$LOG_DIR/schemas.log" | cut -f1) log"
times=()
for run in $(seq 1 "$RUNS"); do
  out="$(mktemp)"
  start=$(date +%s%N)
  FERRY_SKIP_BUILD=1 ./ferry registry --listen "127.0.0.1:$PORT" --data-dir "$LOG_DIR" >"$out" 2>&1 &
  pid=$!
  until grep -q "ready at" "$out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" || true; rm -f "$out"
  replay=$(grep "Replayed $VERSIONS records" "$LOG_DIR/server.log" | tail -1 | sed 's/.* in \([0-9]*\) ms/\1/')
  echo "run $run: ready after $ms ms (log replay $replay ms)"
  times+=("$ms")
done
sorted=$(printf "%s\n" "${times[@]}" | sort -n)
echo "min $(echo "$sorted" | head -1) ms, median $(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p") ms, max $(echo "$sorted" | tail -1) ms"
