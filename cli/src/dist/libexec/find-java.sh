# Finds the java to run Ferry with and checks it is Java 17 or newer; sourced by bin/ferry (the
# distribution) and by ./ferry (the source tree). Sets JAVA; needs a fail function that prints and exits.
#   JAVA_HOME  the JDK or JRE to use (default: java on the PATH)
find_java() {
  if [[ -n "${JAVA_HOME:-}" ]]; then
    [[ -x "$JAVA_HOME/bin/java" ]] || fail "JAVA_HOME=$JAVA_HOME has no bin/java; point it at a JDK 17 or newer"
    JAVA="$JAVA_HOME/bin/java"
  else
    JAVA="$(command -v java || true)"
    [[ -n "$JAVA" ]] || fail "no java found; install a JDK 17 or newer, or set JAVA_HOME"
  fi
  local version major home
  # A JDK's release file names its version; asking the JVM itself costs a JVM start.
  home="$(dirname "$(dirname "$(readlink -f "$JAVA")")")"
  if [[ -f "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$home/release")"
  else
    version="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  fi
  version="${version#1.}"
  major="${version%%[.+-]*}"
  [[ "$major" =~ ^[0-9]+$ ]] || fail "cannot tell the version of $JAVA"
  ((major >= 17)) || fail "Java 17 or newer is needed; $JAVA is Java $version"
}
