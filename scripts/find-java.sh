# Sourced by ./tusk and .ci/run: finds a JDK 25 or newer and exports JAVA_HOME to it.
# Order: $JAVA_HOME if it is >= 25, then /usr/lib/jvm/*25*, then `java` on PATH if it is >= 25.
# On failure prints what was found and returns 1.

tusk_java_major() { # $1 = path to a java binary; prints its major version (17, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java\.specification\.version/ { v = $2; sub(/^1\./, "", v); split(v, p, "."); print p[1]; exit }'
}

tusk_find_java() {
  local found="" candidate major
  local -a candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for candidate in /usr/lib/jvm/*25*; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    candidates+=("$candidate")
  fi
  local seen=" "
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] || continue
    case "$seen" in *" $candidate "*) continue ;; esac
    seen="$seen$candidate "
    major=$(tusk_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
    found="${found:+$found, }$candidate ($major)"
  done
  echo "tusk: Java 25 or newer is required (found: ${found:-none}). Install a JDK 25 and set JAVA_HOME." >&2
  return 1
}
