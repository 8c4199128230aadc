#!/usr/bin/env bash
# Runs the JavaScript schema registry clients (compat/js/registry-clients.mjs) against Ferry's
# schema registry and exits with their result: 0 when every check passed, 1 when one failed,
# 2 when the run itself could not be set up.
#
#   compat/run-js-clients.sh              start ./ferry registry on a fresh local log and a free
#                                         port, run the checks against it, stop it
#   compat/run-js-clients.sh --url URL    run the checks against a registry that is already up
#
# Needs a JDK 17 or newer (for ./ferry, which builds the command line on first use) and Node.js
# with npm. The npm packages are installed with `npm ci` from compat/js/package-lock.json.
#
# Environment:
#   FERRY_COMPAT_PORT           port for the registry (default 0: the system picks a free one)
#   FERRY_COMPAT_READY_TIMEOUT  seconds to wait for the registry's ready line, build included
#                               (default 600)
#   FERRY_COMPAT_KEEP=1         keep the registry's data directory and log even when all passed
set -euo pipefail

COMPAT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FERRY_HOME="$(cd "$COMPAT_DIR/.." && pwd)"
JS_DIR="$COMPAT_DIR/js"

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

fail() {
  echo "run-js-clients: $*" >&2
  exit 2
}

url=""
while (($#)); do
  case "$1" in
    --url)
      [[ $# -ge 2 ]] || fail "--url needs a value, e.g. --url http://127.0.0.1:8081"
      url="$2"
      shift 2
      ;;
    --url=*)
      url="${1#--url=}"
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      fail "unknown argument '$1' (see --help)"
      ;;
  esac
done

command -v node >/dev/null || fail "node is not on the PATH; install Node.js 20 or newer"
command -v npm >/dev/null || fail "npm is not on the PATH"

work=""
registry_pid=""
status=2

stop_registry() {
  [[ -n "$registry_pid" ]] || return 0
  local pid="$registry_pid"
  registry_pid=""
  kill -0 "$pid" 2>/dev/null || return 0
  # The registry runs in its own process group (a build started by ./ferry included): stop it
  # all, gently first.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null && ((waited < 30)); do
    sleep 1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "run-js-clients: the registry did not stop within 30 s of SIGTERM; killing it" >&2
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  stop_registry
  if [[ -n "$work" && -d "$work" ]]; then
    if [[ "$status" -eq 0 && "${FERRY_COMPAT_KEEP:-}" != "1" ]]; then
      rm -rf "$work"
    else
      echo "run-js-clients: the registry's output and data are kept in $work" >&2
    fi
  fi
}
trap cleanup EXIT
trap 'echo "run-js-clients: interrupted" >&2; exit 130' INT
trap 'echo "run-js-clients: terminated" >&2; exit 143' TERM

start_registry() {
  work="$(mktemp -d "${TMPDIR:-/tmp}/ferry-js-clients.XXXXXX")"
  local out="$work/registry.out"
  local port="${FERRY_COMPAT_PORT:-0}"
  local timeout="${FERRY_COMPAT_READY_TIMEOUT:-600}"

  echo "run-js-clients: starting ./ferry registry (data in $work/registry)" >&2
  # setsid gives the registry its own process group, so that stopping it also stops a build
  # that ./ferry may run first.
  local launcher=()
  command -v setsid >/dev/null && launcher=(setsid)
  "${launcher[@]}" "$FERRY_HOME/ferry" registry \
    --listen "127.0.0.1:$port" --data-dir "$work/registry" >"$out" 2>&1 </dev/null &
  registry_pid=$!

  local deadline=$((SECONDS + timeout)) line=""
  while :; do
    line="$(grep -m1 -o 'Schema registry ready at http[^ ]*' "$out" 2>/dev/null || true)"
    [[ -n "$line" ]] && break
    if ! kill -0 "$registry_pid" 2>/dev/null; then
      wait "$registry_pid" 2>/dev/null || true
      registry_pid=""
      cat "$out" >&2
      fail "./ferry registry stopped before it was ready (output above)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$out" >&2
      fail "./ferry registry printed no ready line within ${timeout} s (FERRY_COMPAT_READY_TIMEOUT)"
    fi
    sleep 0.5
  done
  url="${line#Schema registry ready at }"
  echo "run-js-clients: registry ready at $url" >&2
}

install_packages() {
  echo "run-js-clients: installing the clients in compat/js" >&2
  local log
  log="$(mktemp "${TMPDIR:-/tmp}/ferry-js-npm.XXXXXX")"
  local cmd=(npm ci --no-audit --no-fund)
  [[ -f "$JS_DIR/package-lock.json" ]] || cmd=(npm install --no-audit --no-fund)
  if ! (cd "$JS_DIR" && "${cmd[@]}") >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    fail "'${cmd[*]}' failed in compat/js (log: $log)"
  fi
  rm -f "$log"
}

install_packages
if [[ -z "$url" ]]; then
  start_registry
fi

set +e
node "$JS_DIR/registry-clients.mjs" "$url"
status=$?
set -e
exit "$status"
