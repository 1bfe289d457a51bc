#!/usr/bin/env bash
# @file resample_reference.sh
# @brief `stac2h3 resample` against the geopandas overlay reference on the same ~50,000
# synthetic items (global, a few days): wall times and their ratio.
# Usage: bench/resample_reference.sh [BUILD_DIR] [RES]   (defaults build/release, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
res=${2:-3}
stac2h3="$build/src/cli/stac2h3"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$stac2h3" synth --start 2024-06-01 --end 2024-06-04 -o "$work/items.gpkg"
items=$(sqlite3 "$work/items.gpkg" "select count(*) from items")
"$stac2h3" cells "$work/items.gpkg" --res "$res" -o "$work/cells.gpkg"

start=$(date +%s.%N)
"$stac2h3" resample "$work/items.gpkg" --res "$res" -o "$work/cube.zarr"
ours=$(echo "$(date +%s.%N) - $start" | bc)

start=$(date +%s.%N)
/usr/bin/python3 bench/geopandas_reference.py "$work/items.gpkg" "$work/cells.gpkg"
theirs=$(echo "$(date +%s.%N) - $start" | bc)

echo "items: $items  res: $res  stac2h3 resample: ${ours} s  geopandas overlay: ${theirs} s" \
     " ratio: $(echo "scale=1; $theirs / $ours" | bc)x"
