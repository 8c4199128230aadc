# Shared by the benchmark scripts (sourced, not run).

# wait_ready FILE TEXT PID: waits until a process started in the background with its output in FILE
# has printed TEXT (its ready line); if the process ends first, prints FILE and exits the script.
wait_ready() {
  until grep -q "$2" "$1"; do
    kill -0 "$3" 2>/dev/null || { cat "$1" >&2; exit 1; }
    sleep 0.1
  done
}
