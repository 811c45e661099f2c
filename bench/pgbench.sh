#!/usr/bin/env bash
# pgbench against Tusk and against real PostgreSQL 15, side by side in one run, on fresh data directories.
# Usage: bench/pgbench.sh            (from anywhere; builds Tusk if needed through ./tusk)
# Environment:
#   SCALE    pgbench -s (default 1)
#   CLIENTS  pgbench -c (default 4)
#   SECONDS_PER_RUN  pgbench -T (default 20)
#   PG_BIN   PostgreSQL 15 binaries (default /usr/lib/postgresql/15/bin)
#   PG_USER  OS user to run PostgreSQL as when this script runs as root (default pgtest; created if missing)
# Prints a Markdown table (also written to bench/target/pgbench.md).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCALE=${SCALE:-1}; CLIENTS=${CLIENTS:-4}; SECS=${SECONDS_PER_RUN:-20}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}; PG_USER=${PG_USER:-pgtest}
OUT="$ROOT/bench/target"; mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/tusk-pgbench.XXXXXX); chmod 755 "$WORK"
TUSK_PORT=55432; PG_PORT=55433
cleanup() {
  [ -f "$WORK/tusk/postmaster.pid" ] && "$ROOT/tusk" stop -D "$WORK/tusk" -m immediate >/dev/null 2>&1 || true
  if [ -f "$WORK/pg/postmaster.pid" ]; then as_pg "$PG_BIN/pg_ctl -D $WORK/pg -m immediate stop" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
as_pg() { if [ "$(id -u)" = 0 ]; then su "$PG_USER" -c "$1"; else bash -c "$1"; fi; }
trap cleanup EXIT
command -v pgbench >/dev/null || { echo "pgbench not found" >&2; exit 2; }

run_pgbench() { # $1 = port, $2 = user; prints tps
  pgbench -h 127.0.0.1 -p "$1" -U "$2" -i -s "$SCALE" -q postgres >/dev/null 2>&1
  pgbench -h 127.0.0.1 -p "$1" -U "$2" -c "$CLIENTS" -j 2 -T "$SECS" postgres 2>/dev/null \
    | awk '/^tps/ { print $3 }'
}

# Tusk
"$ROOT/tusk" initdb -D "$WORK/tusk" -U postgres >/dev/null
"$ROOT/tusk" start -D "$WORK/tusk" -p "$TUSK_PORT" -l "$WORK/tusk.log" >/dev/null 2>&1 &
for _ in $(seq 1 120); do pg_isready -q -h 127.0.0.1 -p "$TUSK_PORT" && break; sleep 0.5; done
tusk_tps=$(run_pgbench "$TUSK_PORT" postgres)
"$ROOT/tusk" stop -D "$WORK/tusk" >/dev/null

# PostgreSQL 15 (same machine, default settings, synchronous commit, fsync on)
if [ "$(id -u)" = 0 ]; then id "$PG_USER" >/dev/null 2>&1 || useradd -m "$PG_USER"; chown "$PG_USER" "$WORK"; fi
as_pg "$PG_BIN/initdb -D $WORK/pg -U postgres -A trust --locale=C -E UTF8 >/dev/null"
as_pg "$PG_BIN/pg_ctl -D $WORK/pg -o '-p $PG_PORT -k $WORK' -l $WORK/pg.log -w start >/dev/null"
pg_tps=$(run_pgbench "$PG_PORT" postgres)
as_pg "$PG_BIN/pg_ctl -D $WORK/pg -m fast -w stop >/dev/null"

{
  echo "| pgbench (TPC-B-like, scale $SCALE, $CLIENTS clients, ${SECS} s) | tps |"
  echo "|---|---:|"
  echo "| Tusk | ${tusk_tps:-failed} |"
  echo "| PostgreSQL 15 | ${pg_tps:-failed} |"
} | tee "$OUT/pgbench.md"
