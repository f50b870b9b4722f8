#!/usr/bin/env bash
# The hostile-client probe (issue 20), loopback only, bounded, stops by itself: every /api operation of the app's
# OpenAPI document with odd path values and bodies made wrong from their schemas, anonymously and signed in, then
# concurrent edits, deletes and price upserts; on SQLite, then on a throwaway PostgreSQL server. Prints requests, 2xx,
# 4xx and 5xx (goal: 0 5xx) and every 5xx; results also in bench/results/probe.md.
# Usage: bash bench/probe.sh [--sqlite-only]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release src/Magnesia.Web >/dev/null
dotnet build -c Release bench/Magnesia.Bench >/dev/null
app=src/Magnesia.Web/bin/Release/net10.0/Magnesia.Web.dll
mkdir -p bench/results
failed=$(mktemp)
{
  echo "Run on $(date -u +%Y-%m-%d) ($(nproc) cores)."
  echo
  echo "### SQLite"
  dotnet run -c Release --no-build --project bench/Magnesia.Bench -- api-probe --app "$app" || echo sqlite >> "$failed"
  if [ "${1:-}" != "--sqlite-only" ]; then
    eval "$(bash scripts/test-postgres.sh start)"
    trap 'bash scripts/test-postgres.sh stop "$MAGNESIA_TEST_PGDATA"' EXIT
    echo
    echo "### PostgreSQL"
    dotnet run -c Release --no-build --project bench/Magnesia.Bench -- api-probe --app "$app" --postgres "${MAGNESIA_TEST_POSTGRES/Database=postgres/Database=probe$RANDOM}" || echo postgres >> "$failed"
  fi
} | tee bench/results/probe.md
[ ! -s "$failed" ]
