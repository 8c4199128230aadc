#!/usr/bin/env bash
# Runs Ferry's AvroConverter inside Apache Kafka Connect 4.3.1 (its own runtime, from Maven Central,
# started as its connect-standalone script starts it) against Ferry's schema registry, and exits with
# the result: 0 when every check passed, 1 when one failed, 2 when the run could not be set up.
#
# The pipeline: Apache's FileStreamSource reads N lines, HoistField makes each line a struct, Ferry's
# AvroConverter (loaded from plugin.path, isolated as any plugin) registers the struct's schema in
# Ferry's registry and writes 0 | id | Avro to a topic; a FileStreamSink with the same converter reads
# the topic back, ExtractField takes the line out, and the output file must equal the input.
# Checks: the output equals the input line for line (so every record's 0 | id prefix resolved in the
# registry); Apache's log shows Ferry's converter loaded; the registry holds the subject TOPIC-value with
# one version, the hoisted line struct.
#
# Environment: FERRY_COMPAT_LINES (default 2000), FERRY_COMPAT_KEEP=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LINES="${FERRY_COMPAT_LINES:-2000}"
APACHE="$PWD/bench/target/apache-connect"
PLUGIN="$PWD/compat/target/plugins/ferry-avro-converter"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ferry-compat-connect.XXXXXX")"
STATUS=2

fail() { echo "apache-connect-avro: $*" >&2; exit "$STATUS"; }

cleanup() {
  kill "${CONNECT_PID:-}" "${REGISTRY_PID:-}" "${KAFKA_PID:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  if [[ ${FERRY_COMPAT_KEEP:-0} == 1 || $STATUS != 0 ]]; then
    echo "apache-connect-avro: work folder kept at $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for_line() { # FILE TEXT PID SECONDS
  for ((i = 0; i < $4 * 10; i++)); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || { tail -n 20 "$1" >&2; fail "process for $1 exited"; }
    sleep 0.1
  done
  fail "no '$2' in $1 after $4 s"
}

# --- prepare: Ferry's command line and converter jar, Apache's runtime, the converter plugin folder ---
./mvnw -B -q package -Dmaven.test.skip=true -pl cli -am >/dev/null || fail "the build failed"
if [[ ! -f "$APACHE/lib/connect-runtime-4.3.1.jar" ]]; then
  ./mvnw -B -q -f bench/connect/pom.xml dependency:copy-dependencies -DincludeScope=runtime \
    -DexcludeArtifactIds=connect-file -DoutputDirectory="$APACHE/lib" >/dev/null
fi
if [[ ! -f "$APACHE/plugins/connect-file/connect-file-4.3.1.jar" ]]; then
  ./mvnw -B -q -f bench/connect/pom.xml dependency:copy-dependencies -DincludeArtifactIds=connect-file \
    -DexcludeTransitive=true -DoutputDirectory="$APACHE/plugins/connect-file" >/dev/null
fi
# The converter's plugin folder: Ferry's serde jar and the libraries it needs beyond what a worker
# provides (kafka-clients, connect-api and SLF4J come from the worker, as for any plugin).
rm -rf "$PLUGIN" && mkdir -p "$PLUGIN"
cp serde/target/ferry-serde-*.jar "$PLUGIN/"
for lib in avro jackson-core jackson-databind jackson-annotations commons-compress commons-codec commons-io commons-lang3; do
  cp cli/target/lib/"$lib"-[0-9]*.jar "$PLUGIN/" || fail "no $lib jar in cli/target/lib"
done

KAFKA_PORT=$(free_port)
REGISTRY_PORT=$(free_port)
REST_PORT=$(free_port)
FERRY_SKIP_BUILD=1 ./ferry kafka --listen "127.0.0.1:$KAFKA_PORT" --data-dir "$WORK/kafka" >"$WORK/kafka.out" 2>&1 &
KAFKA_PID=$!
FERRY_SKIP_BUILD=1 ./ferry registry --listen "127.0.0.1:$REGISTRY_PORT" --data-dir "$WORK/registry" >"$WORK/registry.out" 2>&1 &
REGISTRY_PID=$!
wait_for_line "$WORK/kafka.out" "Kafka ready at" "$KAFKA_PID" 120
wait_for_line "$WORK/registry.out" "Schema registry ready at" "$REGISTRY_PID" 120

TOPIC=avro-lines
REGISTRY="http://127.0.0.1:$REGISTRY_PORT"
awk -v n="$LINES" 'BEGIN { for (i = 1; i <= n; i++) printf "line %d of the Apache Connect check\n", i }' >"$WORK/in.txt"

cat >"$WORK/worker.properties" <<EOF
bootstrap.servers=127.0.0.1:$KAFKA_PORT
listeners=http://127.0.0.1:$REST_PORT
key.converter=org.apache.kafka.connect.storage.StringConverter
value.converter=io.ferry.serde.connect.AvroConverter
value.converter.schema.registry.url=$REGISTRY
offset.storage.file.filename=$WORK/connect.offsets
offset.flush.interval.ms=1000
plugin.path=$APACHE/plugins,$PWD/compat/target/plugins
EOF
cat >"$WORK/source.properties" <<EOF
name=lines-in
connector.class=FileStreamSource
tasks.max=1
file=$WORK/in.txt
topic=$TOPIC
transforms=hoist
transforms.hoist.type=org.apache.kafka.connect.transforms.HoistField\$Value
transforms.hoist.field=line
EOF
cat >"$WORK/sink.properties" <<EOF
name=lines-out
connector.class=FileStreamSink
tasks.max=1
file=$WORK/out.txt
topics=$TOPIC
transforms=extract
transforms.extract.type=org.apache.kafka.connect.transforms.ExtractField\$Value
transforms.extract.field=line
EOF
cat >"$WORK/log4j2.properties" <<EOF
appender.file.type=File
appender.file.name=file
appender.file.fileName=$WORK/connect.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c:%L)%n
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
EOF

java -Xmx1G -Dlog4j2.configurationFile="file:$WORK/log4j2.properties" -cp "$APACHE/lib/*" \
  org.apache.kafka.connect.cli.ConnectStandalone \
  "$WORK/worker.properties" "$WORK/source.properties" "$WORK/sink.properties" >"$WORK/connect.out" 2>&1 &
CONNECT_PID=$!

STATUS=1
for ((i = 0; i < 1200; i++)); do
  [[ -f "$WORK/out.txt" && $(wc -l <"$WORK/out.txt") -ge $LINES ]] && break
  kill -0 "$CONNECT_PID" 2>/dev/null || { tail -n 30 "$WORK/connect.log" >&2; fail "Apache Connect exited"; }
  sleep 0.1
done
[[ -f "$WORK/out.txt" ]] || { grep -E "ERROR|Exception" "$WORK/connect.log" | head -20 >&2; fail "the sink wrote nothing"; }
cmp -s "$WORK/in.txt" "$WORK/out.txt" || fail "the sink's file differs from the source's ($(wc -l <"$WORK/out.txt") of $LINES lines)"
grep -q "io.ferry.serde.connect.AvroConverter" "$WORK/connect.log" \
  || fail "Apache Connect's log does not show Ferry's converter being loaded"

versions=$(curl -fsS "$REGISTRY/subjects/$TOPIC-value/versions") || fail "the registry has no subject $TOPIC-value"
[[ $versions == "[1]" ]] || fail "subject $TOPIC-value has versions $versions, expected [1]"
registered=$(curl -fsS "$REGISTRY/subjects/$TOPIC-value/versions/1")
id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$registered")
schema=$(curl -fsS "$REGISTRY/schemas/ids/$id")
python3 - "$schema" <<'EOF' || fail "the registered schema is not the hoisted line struct"
import json, sys
schema = json.loads(json.loads(sys.argv[1])["schema"])
assert schema["type"] == "record", schema
assert [f["name"] for f in schema["fields"]] == ["line"], schema
EOF

STATUS=0
echo "apache-connect-avro: passed: $LINES lines through Apache Kafka Connect 4.3.1 with Ferry's AvroConverter; subject $TOPIC-value has schema id $id"
