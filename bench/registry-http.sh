#!/usr/bin/env bash
# Registry HTTP throughput, side by side with a hello-world server on the same stack (Javalin on
# Jetty, same settings), in one run: GET /schemas/ids/{id}, POST /subjects/{s} (lookup) and
# POST /subjects/{s}/versions (idempotent re-registration), each under wrk with 32 connections.
#
# Usage: bench/registry-http.sh [SECONDS_PER_RUN] [ROUNDS]      Needs: wrk (apt-get install wrk)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SECONDS_PER_RUN="${1:-15}"
ROUNDS="${2:-2}"
CONNECTIONS=32
THREADS=2
VERSIONS=1000
HELLO_PORT=18190
REGISTRY_PORT=18191
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ferry-bench.XXXXXX")"
command -v wrk >/dev/null || { echo "bench: wrk is not installed (apt-get install wrk)" >&2; exit 1; }

./mvnw -B -q package -Dmaven.test.skip=true -pl bench,cli -am >/dev/null
BENCH_CP="bench/target/ferry-bench.jar:bench/target/lib/*"
java -cp "$BENCH_CP" io.ferry.bench.LargeLogGenerator "$WORK/registry" "$VERSIONS" >/dev/null

cleanup() { kill "${HELLO_PID:-}" "${REGISTRY_PID:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

java -cp "$BENCH_CP" io.ferry.bench.HelloServer "$HELLO_PORT" >"$WORK/hello.out" 2>&1 &
HELLO_PID=$!
FERRY_SKIP_BUILD=1 ./ferry registry --listen "127.0.0.1:$REGISTRY_PORT" --data-dir "$WORK/registry" >"$WORK/registry.out" 2>&1 &
REGISTRY_PID=$!
for f in hello registry; do
  for _ in $(seq 1 200); do grep -q "ready at" "$WORK/$f.out" && break; sleep 0.1; done
done

# The schema of version 1 of subject-0-value, as a request body.
curl -s "http://127.0.0.1:$REGISTRY_PORT/subjects/subject-0-value/versions/1" \
  | python3 -c 'import json,sys; print(json.dumps({"schema": json.load(sys.stdin)["schema"]}))' >"$WORK/body.json"

rate() { # rate URL LUA [ENV...]  -> requests/s
  local url=$1 lua=$2; shift 2
  env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$lua" "$url" \
    | awk '/Requests\/sec/ {print $2} / 99%/ {p99=$2} END {print p99}' | paste -sd' '
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s"
# Warm both JVMs on every endpoint before measuring.
rate "http://127.0.0.1:$HELLO_PORT" bench/lua/random-id.lua MAX_ID=$VERSIONS >/dev/null
rate "http://127.0.0.1:$REGISTRY_PORT" bench/lua/random-id.lua MAX_ID=$VERSIONS >/dev/null
rate "http://127.0.0.1:$REGISTRY_PORT" bench/lua/post-schema.lua BODY_FILE="$WORK/body.json" SUBJECT=subject-0-value PATH_SUFFIX= >/dev/null
rate "http://127.0.0.1:$REGISTRY_PORT" bench/lua/post-schema.lua BODY_FILE="$WORK/body.json" SUBJECT=subject-0-value PATH_SUFFIX=/versions >/dev/null
printf "%-5s %-44s %12s %10s\n" round endpoint "requests/s" "p99"
for round in $(seq 1 "$ROUNDS"); do
  read -r r p <<<"$(rate "http://127.0.0.1:$HELLO_PORT" bench/lua/random-id.lua MAX_ID=$VERSIONS)"
  printf "%-5s %-44s %12s %10s\n" "$round" "hello GET /schemas/ids/{id}" "$r" "$p"
  read -r r p <<<"$(rate "http://127.0.0.1:$REGISTRY_PORT" bench/lua/random-id.lua MAX_ID=$VERSIONS)"
  printf "%-5s %-44s %12s %10s\n" "$round" "registry GET /schemas/ids/{id}" "$r" "$p"
  read -r r p <<<"$(rate "http://127.0.0.1:$REGISTRY_PORT" bench/lua/post-schema.lua BODY_FILE="$WORK/body.json" SUBJECT=subject-0-value PATH_SUFFIX=)"
  printf "%-5s %-44s %12s %10s\n" "$round" "registry POST /subjects/{s} (lookup)" "$r" "$p"
  read -r r p <<<"$(rate "http://127.0.0.1:$REGISTRY_PORT" bench/lua/post-schema.lua BODY_FILE="$WORK/body.json" SUBJECT=subject-0-value PATH_SUFFIX=/versions)"
  printf "%-5s %-44s %12s %10s\n" "$round" "registry POST /subjects/{s}/versions (again)" "$r" "$p"
done
