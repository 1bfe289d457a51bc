#!/usr/bin/env bash
# @file bench_download.sh
# @brief Download throughput: 20,000 items from the local test STAC server with 100 ms per
# page (40 days x 500 items, 50 items a page, one-day slices), `--jobs 1` vs `--jobs 8`.
# Usage: bench/bench_download.sh [path/to/stac2h3]   (default: build/release/src/cli/stac2h3)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/release/src/cli/stac2h3}
work=$(mktemp -d)
port_file="$work/port"
/usr/bin/python3 tests/stac/server/stac_server.py --per-day 500 --page-delay 0.1 \
  --max-seconds 600 --processes 4 >"$port_file" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q PORT "$port_file" 2>/dev/null && break; sleep 0.1; done
api="http://127.0.0.1:$(awk '{print $2}' "$port_file")"

declare -A seconds
for jobs in 1 8; do
  start=$(date +%s.%N)
  "$binary" download --api "$api" --start 2024-01-01 --end 2024-02-09 --slice 1d \
    --limit 50 --jobs "$jobs" -o "$work/items-$jobs.gpkg" 2>"$work/log-$jobs"
  end=$(date +%s.%N)
  seconds[$jobs]=$(echo "$end - $start" | bc -l)
  items=$(/usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from items').fetchone()[0])" "$work/items-$jobs.gpkg")
  printf 'jobs %d: %d items in %.2f s (%.0f items/s)\n' "$jobs" "$items" "${seconds[$jobs]}" \
    "$(echo "$items / ${seconds[$jobs]}" | bc -l)"
done
printf 'speed-up jobs 8 vs jobs 1: %.1fx (goal >= 5x)\n' \
  "$(echo "${seconds[1]} / ${seconds[8]}" | bc -l)"
