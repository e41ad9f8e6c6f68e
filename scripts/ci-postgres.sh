#!/usr/bin/env bash
# Installs PostgreSQL from Debian, starts a throwaway cluster on 127.0.0.1 as the postgres user in a
# temp dir, and prints its data folder and then its DATABASE_URL as the last two lines. Usage in CI:
#   export DATABASE_URL="$(bash scripts/ci-postgres.sh | tail -n 1)"
# `bash scripts/ci-postgres.sh stop <folder>` stops that cluster (a cluster left running would also
# keep any lock file descriptor it inherited, e.g. from `flock`).
set -euo pipefail
run() { if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi; }
if [ "${1:-}" = stop ]; then
  BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")"
  run "$BIN/pg_ctl" -D "$2/data" -m fast -w stop >&2
  exit 0
fi
# A free port unless PGPORT says otherwise, so a cluster left by an earlier run cannot clash.
PORT="${PGPORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get install -y postgresql >&2
fi
BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
DIR="$(mktemp -d /tmp/desk-pg.XXXXXX)"
chown postgres "$DIR"
run "$BIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync >&2
run "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c fsync=off" start >&2
echo "$DIR"
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
