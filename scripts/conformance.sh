#!/usr/bin/env bash
# Scores Tusk with PostgreSQL's regression tests (../shared/conformance): initialises a temporary data directory
# (superuser "postgres", as the runner connects), starts Tusk on a free port, runs the runner, prints its score
# and stops the server.
#   scripts/conformance.sh [TESTS...]     # default: the runner's public.txt
# Environment: CONFORMANCE_DIR (default ../shared/conformance beside the repository), PORT (default: a free one),
# KEEP=1 keeps the temporary directory (server log, data), TUSK_BUILD_DIR as for ./tusk.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
CONF="${CONFORMANCE_DIR:-$ROOT/../shared/conformance}"
[ -x "$CONF/run-regress.sh" ] || { echo "conformance: no runner at $CONF/run-regress.sh (set CONFORMANCE_DIR)" >&2; exit 2; }
command -v psql >/dev/null || { echo "conformance: psql (PostgreSQL 15 client) is required" >&2; exit 2; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tusk-conformance.XXXXXX")"
PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
DATA="$WORK/data"
SERVER_PID=
# A fast shutdown the way "tusk stop" asks for one (./tusk execs java, so $! is the server's PID): the mode in
# postmaster.stop, then SIGTERM (a background job ignores SIGINT). Not "./tusk stop" itself, which could start a
# rebuild under the running server.
stop_server() {
  echo fast > "$DATA/postmaster.stop"
  kill -TERM "$SERVER_PID" 2>/dev/null || return 0
  for _ in $(seq 1 600); do kill -0 "$SERVER_PID" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
}
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then stop_server; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "conformance: kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

"$ROOT/tusk" initdb -D "$DATA" -U postgres >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; exit 1; }
"$ROOT/tusk" start -D "$DATA" -p "$PORT" -l "$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 600); do
  if psql -X -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "conformance: server exited:" >&2; cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.2
done
echo "conformance: Tusk on 127.0.0.1:$PORT (log $WORK/server.log)" >&2
set +e
PGUSER=postgres CONFORMANCE_OUTDIR="${CONFORMANCE_OUTDIR:-$WORK/results}" "$CONF/run-regress.sh" 127.0.0.1 "$PORT" "$@" \
  | tee "$WORK/score.txt"
rc=${PIPESTATUS[0]}
set -e
stop_server
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
echo "conformance score: $(tail -n 1 "$WORK/score.txt")"
exit "$rc"
