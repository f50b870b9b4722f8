#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: installs Debian's postgresql when missing, creates a cluster in a temp
# directory owned by the unprivileged postgres user, starts it on a free loopback port (trust auth, fsync off) and
# prints the connection string. `stop <dir>` stops it and removes the directory.
# Usage: eval "$(bash scripts/test-postgres.sh start)"   …   bash scripts/test-postgres.sh stop "$MAGNESIA_TEST_PGDATA"
set -euo pipefail
case "${1:-start}" in
start)
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
  fi
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  data=$(mktemp -d /tmp/magnesia-pg.XXXXXX)
  chmod 755 "$data"
  run=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data"; run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/initdb" -D "$data/db" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # A random high port; another try on the rare clash.
  for attempt in 1 2 3 4 5; do
    port=$(( 20000 + RANDOM % 40000 ))
    if "${run[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/db/server.log" -w \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null; then
      break
    fi
    [ "$attempt" -eq 5 ] && { cat "$data/db/server.log" >&2; exit 1; }
  done
  echo "export MAGNESIA_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres' MAGNESIA_TEST_PGDATA='$data'"
  ;;
stop)
  data=${2:?data directory}
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  run=()
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$bin/pg_ctl" -D "$data/db" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$data"
  ;;
esac
