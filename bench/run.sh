#!/usr/bin/env bash
# Builds the bench module, runs the JMH benchmarks and pg_test_fsync, and prints a Markdown table for the
# README's performance section. Usage (from anywhere):  bench/run.sh
# Environment:
#   JMH_ARGS    JMH options (default: -f 1 -wi 2 -i 3 -w 2s -r 2s)
#   BENCHMARKS  JMH include regexp (default: the three benchmark classes)
#   MVN_ARGS    extra Maven options (default: -o, offline)
#   SKIP_BUILD  set to 1 to reuse bench/target as it is
# Outputs in bench/target: jmh.json, jmh.log, pg_test_fsync.txt, results.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT="$ROOT/bench/target"
JMH_ARGS=${JMH_ARGS:--f 1 -wi 2 -i 3 -w 2s -r 2s}
BENCHMARKS=${BENCHMARKS:-dev\.tusk\.bench\.(WalInsertBench|BufferPoolBench|CommitBench)\.}
MVN_ARGS=${MVN_ARGS:--o}

# --- JDK 25 -----------------------------------------------------------------------------------------
if [ -f "$ROOT/scripts/find-java.sh" ]; then
  # shellcheck source=/dev/null
  . "$ROOT/scripts/find-java.sh"
  tusk_find_java
else
  for candidate in /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
  done
  [ -n "${JAVA_HOME:-}" ] || { echo "bench: no JDK 25 found under /usr/lib/jvm; set JAVA_HOME" >&2; exit 1; }
fi
JAVA="$JAVA_HOME/bin/java"
echo "bench: using $JAVA_HOME"

# --- build ------------------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "bench: building (mvn $MVN_ARGS -q -DskipTests package -pl bench -am)"
  # shellcheck disable=SC2086
  mvn $MVN_ARGS -q -DskipTests package -pl bench -am
fi
mkdir -p "$OUT"

# Engine code logs checkpoints at DEBUG; keep the benchmark output readable.
cat > "$OUT/logback-bench.xml" <<'EOF'
<configuration>
  <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
    <target>System.err</target>
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="STDERR"/></root>
</configuration>
EOF

# --- JMH --------------------------------------------------------------------------------------------
# The forked benchmark JVMs inherit these options. The data directories of CommitBench go to bench/target,
# the same file system that pg_test_fsync measures below.
echo "bench: running JMH ($JMH_ARGS) on $BENCHMARKS"
# shellcheck disable=SC2086
"$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -Dlogback.configurationFile="$OUT/logback-bench.xml" -Djava.io.tmpdir="$OUT" \
  -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main "$BENCHMARKS" \
  $JMH_ARGS -rf json -rff "$OUT/jmh.json" 2>&1 | tee "$OUT/jmh.log"

# --- pg_test_fsync ----------------------------------------------------------------------------------
PG_TEST_FSYNC=""
for candidate in /usr/lib/postgresql/15/bin/pg_test_fsync /usr/lib/postgresql/*/bin/pg_test_fsync; do
  if [ -x "$candidate" ]; then PG_TEST_FSYNC="$candidate"; break; fi
done
if command -v pg_test_fsync >/dev/null 2>&1 && [ -z "$PG_TEST_FSYNC" ]; then PG_TEST_FSYNC=$(command -v pg_test_fsync); fi
rm -f "$OUT/pg_test_fsync.txt"
if [ -n "$PG_TEST_FSYNC" ]; then
  echo "bench: running $PG_TEST_FSYNC -s 2 on $OUT/pg_test_fsync.tmp"
  "$PG_TEST_FSYNC" -s 2 -f "$OUT/pg_test_fsync.tmp" | tee "$OUT/pg_test_fsync.txt"
  rm -f "$OUT/pg_test_fsync.tmp"
else
  echo "bench: pg_test_fsync not found (PostgreSQL's server package); skipping the fsync baseline"
fi

# --- Markdown table ---------------------------------------------------------------------------------
python3 - "$OUT" <<'EOF' | tee "$OUT/results.md"
import json, os, re, sys

out = sys.argv[1]
with open(os.path.join(out, "jmh.json")) as f:
    results = json.load(f)

def fmt(x):
    if x != x:  # NaN: a single measurement iteration has no error
        return None
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"

print()
print("| benchmark | threads | result | unit |")
print("|---|---:|---:|---|")
for r in results:
    name = r["benchmark"].removeprefix("dev.tusk.bench.")
    params = r.get("params")
    if params:
        name += " (" + ", ".join(f"{k}={v}" for k, v in params.items()) + ")"
    m = r["primaryMetric"]
    score, err = fmt(m["score"]), fmt(m["scoreError"])
    result = score if err is None else f"{score} ± {err}"
    print(f"| {name} | {r['threads']} | {result} | {m['scoreUnit']} |")

fdatasync = None
path = os.path.join(out, "pg_test_fsync.txt")
if os.path.exists(path):
    with open(path) as f:
        for line in f:
            m = re.match(r"\s*fdatasync\s+([\d.,]+)\s+ops/sec", line)
            if m:  # the first one: "one 8kB write" per sync
                fdatasync = (line.strip(), m.group(1))
                break
if fdatasync:
    print(f"| pg_test_fsync fdatasync, one 8kB write | 1 | {float(fdatasync[1].replace(',', '')):,.0f} | ops/s |")

with open(os.path.join(out, "jmh.log")) as f:
    per_commit = [l.strip() for l in f if "fsyncs per commit" in l]
if per_commit:
    print()
    print("WAL fsyncs per commit (whole trial, warmup included):")
    for l in per_commit:
        print(f"- {l}")
if fdatasync:
    print()
    print(f"pg_test_fsync (same file system): `{fdatasync[0]}`")
EOF
