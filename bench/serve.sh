#!/bin/bash
# @file serve.sh
# @brief The serve benchmarks in one command: makes a global synthetic month's pyramid
# (levels 5..0, unless PYRAMID is given), then prints the zone-data throughput (bench_serve)
# and the viewer's time to first picture (bench_serve_viewer.mjs against `stac2h3 serve`).
# Usage: bench/serve.sh [BUILD_DIR] [PYRAMID]     outputs stay in $SERVE_BENCH_DIR
set -euo pipefail
build=${1:-build/release}
dir=${SERVE_BENCH_DIR:-/tmp/stac2h3-serve-bench}
pyramid=${2:-$dir/month5.zarr}
stac2h3=$build/src/cli/stac2h3
mkdir -p "$dir"
if [ ! -d "$pyramid" ]; then
  "$stac2h3" synth --start 2025-06-01 --end 2025-06-30 -o "$dir/month.gpkg" --overwrite
  /usr/bin/time -f "pyramid 5..0: %e s wall, %M KB peak" \
    "$stac2h3" resample "$dir/month.gpkg" --res 5 --pyramid -o "$pyramid" --overwrite
fi
STAC2H3_BENCH_PYRAMID=$pyramid "$build/bench/bench_serve" --benchmark_min_time=2
"$stac2h3" serve "$pyramid" --port 0 2>"$dir/serve.log" &
server=$!
trap 'kill -INT $server; wait $server' EXIT
until grep -q 'http://' "$dir/serve.log"; do sleep 0.2; done
url=$(grep -o 'http://[0-9.:]*/' "$dir/serve.log")
node bench/bench_serve_viewer.mjs "$url" 3
