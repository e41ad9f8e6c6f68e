#!/usr/bin/env bash
# Installs PostgreSQL from Debian, starts a throwaway cluster on 127.0.0.1 as the postgres user in a
# temp dir, and prints its DATABASE_URL as the last line. Usage in CI:
#   export DATABASE_URL="$(bash scripts/ci-postgres.sh | tail -n 1)"
set -euo pipefail
# A free port unless PGPORT says otherwise, so a cluster left by an earlier run cannot clash.
PORT="${PGPORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get install -y postgresql >&2
fi
BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
DIR="$(mktemp -d /tmp/desk-pg.XXXXXX)"
chown postgres "$DIR"
run() { if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi; }
run "$BIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync >&2
run "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c fsync=off" start >&2
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
