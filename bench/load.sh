#!/usr/bin/env bash
# The load and fault check (loopback only, stops by itself): 32 clients × 1,000 idempotent diary writes against the app
# on SQLite, then the same with the app killed (SIGKILL) at 40 % and restarted, then both again with two instances on one
# PostgreSQL database (a throwaway local server); each against a bare minimal-API
# endpoint measured in the same run. Prints the tables; results also in bench/results/load.md.
# Usage: bash bench/load.sh [clients] [writes]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-32}
writes=${2:-1000}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release src/Magnesia.Web >/dev/null
dotnet build -c Release bench/HelloWeb >/dev/null
dotnet build -c Release bench/Magnesia.Bench >/dev/null
app=src/Magnesia.Web/bin/Release/net10.0/Magnesia.Web.dll
base=bench/HelloWeb/bin/Release/net10.0/HelloWeb.dll
mkdir -p bench/results
{
  echo "Run on $(date -u +%Y-%m-%d) ($(nproc) cores)."
  echo
  echo "### Steady load"
  dotnet run -c Release --no-build --project bench/Magnesia.Bench -- load --app "$app" --baseline "$base" --clients "$clients" --writes "$writes"
  echo
  echo "### SIGKILL at 40 %, restart, clients retry with their Idempotency-Keys"
  dotnet run -c Release --no-build --project bench/Magnesia.Bench -- load --app "$app" --baseline "$base" --clients "$clients" --writes "$writes" --kill
  # PostgreSQL with two instances: a throwaway server (scripts/test-postgres.sh), a fresh database per run.
  eval "$(bash scripts/test-postgres.sh start)"
  trap 'bash scripts/test-postgres.sh stop "$MAGNESIA_TEST_PGDATA"' EXIT
  for mode in "" "--kill"; do
    db="${MAGNESIA_TEST_POSTGRES/Database=postgres/Database=load$RANDOM}"
    echo
    echo "### PostgreSQL, two instances ${mode:+(one killed with SIGKILL at 40 % and restarted)}"
    dotnet run -c Release --no-build --project bench/Magnesia.Bench -- load --app "$app" --baseline "$base" --clients "$clients" --writes "$writes" --postgres "$db" $mode
  done
} | tee bench/results/load.md
