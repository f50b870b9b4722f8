#!/usr/bin/env bash
# The long crash-injection run: every writing command of the CLI (and first use, and an upgrade from an older schema)
# killed with SIGKILL at seeded random moments, N times each (default 170: 12 commands → 2,040 kills); the next command
# must finish within 60 s and see the store exactly as before or after. Prints the table and writes bench/results/crash.md.
# Usage: bash bench/crash.sh [kills-per-command]
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-170}
results=$(mktemp)
trap 'rm -f "$results"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
start=$(date +%s)
set +e
MAGNESIA_CRASH_KILLS=$kills MAGNESIA_CRASH_RESULTS=$results \
  dotnet test --project tests/Magnesia.Cli.Tests -c Release --filter-class Magnesia.Cli.Tests.Crash.CrashTests >&2
status=$?
set -e
{
  echo "Run on $(date -u +%Y-%m-%d) ($(nproc) cores), $kills kills per command, $(( ($(date +%s) - start) / 60 )) min."
  echo
  echo "| command | kills | hangs | half-writes | seen as before | seen as after |"
  echo "|---|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| `%s` | %d | %d | %d | %d | %d |\n", $1, $2, $3, $4, $5, $6; k += $2; h += $3; w += $4; b += $5; a += $6 }
    END { printf "| **all** | **%d** | **%d** | **%d** | %d | %d |\n", k, h, w, b, a }' "$results"
} | tee bench/results/crash.md
exit $status
