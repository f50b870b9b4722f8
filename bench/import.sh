#!/usr/bin/env bash
# More food data at scale (issue 12), every figure against a baseline measured in the same run:
#  1. import of a generated FDC Branded Foods release (500,000 foods, 10,000,000 nutrient rows, 11,000,023 rows in all)
#     against `sqlite3 .import` of the same CSV files into bare tables: rows/s ratio (goal ≥ 0.5×) and peak memory (≤ 500 MiB);
#  2. a kill -9 in the middle of that import: the store must be exactly as before;
#  3. the search index built for SR28 + 500,000 foods: time and peak memory (first search after the import);
#  4. CLI search start-up with the snapshot: median of N runs against the SR28-only store (goal within 2×);
#  5. in-process search latency over every evaluation query, SR28 alone vs SR28 + 500,000 branded (p99 ≤ 3 ms), and the
#     evaluation sets with the branded foods added.
# Usage: bash bench/import.sh [foods] [runs]   (default 500000 and 21; results also in bench/results/import.md)
set -euo pipefail
cd "$(dirname "$0")/.."
foods=${1:-500000}
runs=${2:-21}
work=$(mktemp -d /tmp/magnesia-import.XXXX)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v sqlite3 >/dev/null || { echo "bench/import.sh needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 1; }

echo "building (Release; the CLI published self-contained like the real one) …" >&2
dotnet build bench/Magnesia.Bench -c Release >/dev/null
dotnet publish src/Magnesia.Cli -c Release -o "$work/cli" >/dev/null
m="$work/cli/magnesia"
bench() { dotnet bench/Magnesia.Bench/bin/Release/net10.0/Magnesia.Bench.dll "$@"; }

release="$work/release/FoodData_Central_branded_food_csv_2099-01-01"
bench fdc-generate "$release" "$foods" >&2
rows=$(cat "$release"/*.csv | wc -l); files=$(ls "$release"/*.csv | wc -l); rows=$((rows - files)) # data rows, headers aside
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# 1. Baseline: the sqlite3 shell importing the same files into bare tables (no types, keys, checks or indexes).
start=$(date +%s%N)
{ echo ".mode csv"; for f in "$release"/*.csv; do echo ".import $f $(basename "$f" .csv)"; done; } | sqlite3 "$work/bare.db"
base_s=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.2f", ns / 1e9 }')

export MAGNESIA_DB="$work/m.db"
"$m" db info >/dev/null 2>&1   # provisioning SR28 is not what is measured
cp "$work/m.db" "$work/sr28.db"
start=$(date +%s%N)
kib=$(/usr/bin/time -f %M "$m" foods import fdc "$work/release" --data-type branded --no-index 2>&1 >"$work/import.out" | tail -1)
ours_s=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.2f", ns / 1e9 }')

# 2. kill -9 at half the uninterrupted time, on a copy of the SR28-only store.
cp "$work/sr28.db" "$work/killed.db"
before=$(sqlite3 "$work/killed.db" 'SELECT COUNT(*) FROM foods; SELECT COUNT(*) FROM food_nutrients; SELECT COUNT(*) FROM food_imports' | tr '\n' ' ')
MAGNESIA_DB="$work/killed.db" "$m" foods import fdc "$work/release" --data-type branded --no-index >/dev/null 2>&1 &
victim=$!
sleep "$(awk -v s="$ours_s" 'BEGIN { print s / 2 }')"
kill -9 "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
MAGNESIA_DB="$work/killed.db" "$m" foods search milk >/dev/null
after=$(sqlite3 "$work/killed.db" 'SELECT COUNT(*) FROM foods; SELECT COUNT(*) FROM food_nutrients; SELECT COUNT(*) FROM food_imports' | tr '\n' ' ')

# 3. The index over SR28 + the release: built by the first search, stored as the snapshot.
start=$(date +%s%N)
index_kib=$(/usr/bin/time -f %M "$m" foods search milk 2>&1 >/dev/null | tail -1)
index_s=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.2f", ns / 1e9 }')

# 4. Start-up of a search with the snapshot, against the SR28-only store.
MAGNESIA_DB="$work/sr28.db" "$m" foods search milk >/dev/null
median_ms() { # db command… → median wall milliseconds over $runs runs
  local db=$1 times=() start end; shift
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N); MAGNESIA_DB="$db" "$@" >/dev/null 2>&1; end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%.1f", $1 / 1000 }'
}
sr28_ms=$(median_ms "$work/sr28.db" "$m" foods search spinch raw --json)
big_ms=$(median_ms "$work/m.db" "$m" foods search spinch raw --json)
sr28_kib=$(MAGNESIA_DB="$work/sr28.db" /usr/bin/time -f %M "$m" foods search spinch raw --json 2>&1 >/dev/null | tail -1)
big_kib=$(MAGNESIA_DB="$work/m.db" /usr/bin/time -f %M "$m" foods search spinch raw --json 2>&1 >/dev/null | tail -1)

{
  echo "Run on $(date -u +%Y-%m-%d) ($(nproc) cores): a generated FDC Branded Foods release of $(printf "%'d" "$foods") foods, $(printf "%'d" "$rows") data rows in $files files ($(du -sm "$release" | cut -f1) MB)."
  echo
  echo "| step | seconds | rows/s | ratio | target | peak MiB |"
  echo "|---|---:|---:|---:|---|---:|"
  awk -v r="$rows" -v b="$base_s" 'BEGIN { printf "| sqlite3 .import into bare tables (baseline) | %.1f | %.0f | 1.00× | | |\n", b, r / b }'
  awk -v r="$rows" -v b="$base_s" -v o="$ours_s" -v k="$(mib "$kib")" 'BEGIN { x = b / o; printf "| magnesia foods import fdc (validated, one transaction) | %.1f | %.0f | %.2f× | ≥ 0.5× %s, ≤ 500 MiB %s | %s |\n", o, r / o, x, (x >= 0.5 ? "✓" : "✗"), (k <= 500 ? "✓" : "✗"), k }'
  echo "| index for SR28 + the release, built by the first search | $index_s | | | | $(mib "$index_kib") |"
  awk -v s="$sr28_ms" -v b="$big_ms" -v sk="$(mib "$sr28_kib")" -v bk="$(mib "$big_kib")" 'BEGIN {
    printf "| CLI search start-up, SR28 only (median of '"$runs"') | %.3f | | 1.00× | | %s |\n", s / 1000, sk
    printf "| CLI search start-up, SR28 + the release, snapshot | %.3f | | %.2f× | ≤ 2× %s | %s |\n", b / 1000, b / s, (b / s <= 2 ? "✓" : "✗"), bk }'
  echo
  echo "kill -9 at half the import's time: foods/nutrients/imports before \`$before\`, after \`$after\`: $([ "$before" = "$after" ] && echo 'unchanged ✓' || echo 'CHANGED ✗')"
  echo
  echo '```'
  cat "$work/import.out"
  bench scale "$foods"
  echo '```'
} | tee bench/results/import.md
