#!/usr/bin/env bash
# Whole-process start-up of the magnesia CLI against a hello-world program published the same way (build/FastStart.props),
# measured in the same run: median wall time of N runs and peak resident memory (GNU time's %M, KiB).
# Usage: bash bench/startup.sh [runs]     (default 21; results also written to bench/results/startup.md)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
out=$(mktemp -d /tmp/magnesia-startup.XXXX)
trap 'rm -rf "$out"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "publishing (self-contained composite ReadyToRun; takes a minute) …" >&2
dotnet publish bench/Hello -c Release -o "$out/hello" >/dev/null
dotnet publish src/Magnesia.Cli -c Release -o "$out/cli" >/dev/null
m="$out/cli/magnesia"
export MAGNESIA_DB="$out/m.db"

# A provisioned store with a search snapshot and a logged day (first use is not what is measured).
"$m" db info >/dev/null 2>&1
"$m" foods search warm up >/dev/null
"$m" profile set --age 40 --sex female >/dev/null
for food in 11457 12014 09040 20037 01077 16015; do "$m" log food "$food" --grams 100 >/dev/null 2>&1; done
"$m" log supplement citrate --elemental-mg 200 >/dev/null 2>&1

# A year of a diary as a script would send it: 1,000 lines, every one different (40 foods, amounts varying), half dated.
foods=("brown rice cooked" "eggs" "banana" "spinach raw" "almonds" "chicken breast" "oatmeal" "whole milk" "black beans" "salmon"
  "white bread" "apple" "broccoli" "cheddar cheese" "yogurt" "peanut butter" "potato baked" "coffee" "orange juice" "lentils"
  "pumpkin seeds" "avocado" "tofu" "pasta cooked" "carrots" "tomato" "beef ground" "pork chop" "tuna canned" "quinoa cooked"
  "walnuts" "cashews" "kidney beans" "corn" "peas" "cottage cheese" "orange" "grapes" "strawberries" "dark chocolate")
for ((i = 0; i < 1000; i++)); do
  f=${foods[i % 40]}
  if ((i % 2)); then printf '2025-%02d-%02d,lunch,%d g %s\n' $((i % 12 + 1)) $((i % 28 + 1)) $((20 + i)) "$f"; else printf '%d g %s\n' $((20 + i)) "$f"; fi
done > "$out/batch.txt"
# The batch writes into a store of its own, so the day measured above does not grow with it.
"$m" --db "$out/batch.db" profile set --age 40 --sex female >/dev/null 2>&1
"$m" --db "$out/batch.db" log batch "$out/batch.txt" >/dev/null 2>&1 || { echo "the batch file does not log:" >&2; "$m" --db "$out/batch.db" log batch "$out/batch.txt" >&2 || true; exit 1; }

median_ms() { # command… → median wall milliseconds over $runs runs
  local times=() start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%.1f", $1 / 1000 }'
}
peak_kib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

hello_ms=$(median_ms "$out/hello/hello"); hello_kib=$(peak_kib "$out/hello/hello")
row() { # label limit command…
  local label=$1 limit=$2; shift 2
  local ms kib
  ms=$(median_ms "$@"); kib=$(peak_kib "$@")
  awk -v l="$label" -v ms="$ms" -v h="$hello_ms" -v kib="$kib" -v lim="$limit" 'BEGIN {
    r = ms / h; t = lim == "-" ? "" : (r <= lim ? "≤ " lim "× ✓" : "≤ " lim "× ✗")
    printf "| %s | %.1f | %.2f× | %s | %.1f |\n", l, ms, r, t, kib / 1024
  }'
}

{
  echo "Run on $(date -u +%Y-%m-%d) ($(nproc) cores), $runs runs each, median wall time of the whole process."
  echo
  echo "| command | median ms | ratio to hello | target | peak MiB |"
  echo "|---|---:|---:|---|---:|"
  printf '| hello world (baseline) | %.1f | 1.00× | | %.1f |\n' "$hello_ms" "$(awk -v k="$hello_kib" 'BEGIN { print k / 1024 }')"
  row "magnesia dri --age 35 --sex female --json" 2 "$m" dri --age 35 --sex female --json
  row "magnesia foods search spinch raw --json" 4 "$m" foods search spinch raw --json
  row "magnesia day --json" 4 "$m" day --json
  row "magnesia log food 2 eggs (a sentence; writes an entry)" 4 "$m" log food 2 eggs
  row "magnesia log batch (1,000 lines, all distinct; writes them)" - "$m" --db "$out/batch.db" log batch "$out/batch.txt"
  row "magnesia foods search spinch raw (table)" - "$m" foods search spinch raw
  row "magnesia day (table)" - "$m" day
} | tee bench/results/startup.md
batch_ms=$(median_ms "$m" --db "$out/batch.db" log batch "$out/batch.txt")
awk -v ms="$batch_ms" 'BEGIN { printf "\nlog batch of 1,000 lines, whole process (median): %.0f ms (target ≤ 2,000 ms): %s\n", ms, (ms <= 2000 ? "✓" : "✗") }' | tee -a bench/results/startup.md
# The target line takes the median of 11 peaks: one process's peak varies by ±0.2 MiB from run to run.
search_kib=$(for ((i = 0; i < 11; i++)); do peak_kib "$m" foods search spinch raw --json; done | sort -n | sed -n 6p)
awk -v k="$search_kib" 'BEGIN { printf "\npeak memory of a search (median of 11): %.1f MiB (target ≤ 60 MiB): %s\n", k / 1024, (k <= 61440 ? "✓" : "✗") }' | tee -a bench/results/startup.md
