# Shared by the benchmark scripts (sourced, not run).

# wait_ready FILE TEXT PID: waits until a process started in the background with its output in FILE
# has printed TEXT (its ready line); if the process ends first, prints FILE and exits the script.
wait_ready() {
  until grep -qs "$2" "$1"; do
    kill -0 "$3" 2>/dev/null || { cat "$1" >&2; exit 1; }
    sleep 0.1
  done
}

# median: the median of the numbers on standard input, one a line (rounded; "-" when there are none).
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# mark KEY FILE: the value of a KEY=VALUE line a watcher printed into FILE.
mark() { sed -n "s/^$1=//p" "$2"; }

# kib FIELD PID: a field of /proc/PID/status in KiB (VmHWM: peak resident set; VmRSS: resident set now).
kib() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$2/status"; }

# compile_watch CLASSPATH NAME: compiles the watcher bench/connect/NAME.java, with the WatchSupport.java it
# uses, into bench/target/connect-watch when either source is newer than the class.
compile_watch() {
  local out=bench/target/connect-watch
  if [[ bench/connect/$2.java -nt $out/$2.class || bench/connect/WatchSupport.java -nt $out/$2.class ]]; then
    mkdir -p "$out"
    javac -d "$out" -cp "$1" "bench/connect/$2.java" bench/connect/WatchSupport.java
  fi
}
