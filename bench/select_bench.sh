#!/usr/bin/env bash
# Benchmark of `stac2h3 select` (issue 11): a country-sized AOI (500 km × 500 km, central
# France) over a synthetic year, monthly windows. The year is synthesised for the AOI's
# region plus a 2° margin (the R-tree sees the same items there as in a global year, and a
# global year takes ~10 min to make); pass a global year GPKG to use that instead.
#
# Usage: bench/select_bench.sh [BUILD_DIR] [YEAR_GPKG]
# Prints the select command's wall and CPU seconds, peak RSS, and its summary (items read
# through the R-tree = items considered, distinct footprints, cells). Goal: < 2 s on 2 cores.
set -euo pipefail
BUILD_DIR=${1:-build/release}
BIN=$BUILD_DIR/src/cli/stac2h3
WORK=${SELECT_BENCH_DIR:-/tmp/stac2h3-select-bench}
mkdir -p "$WORK"
AOI_BBOX=1.0,44.0,7.5,48.5        # ~520 km east-west at 46°N, ~500 km north-south
REGION_BBOX=-1.0,42.0,9.5,50.5    # the AOI plus 2°
YEAR=${2:-$WORK/year_region.gpkg}
if [[ ! -f $YEAR ]]; then
  echo "synthesising 2025 over $REGION_BBOX -> $YEAR"
  /usr/bin/time -f "synth: %e s wall, %U+%S s CPU" \
    "$BIN" synth --start 2025-01-01 --end 2025-12-31 --bbox "$REGION_BBOX" -o "$YEAR"
fi
echo "items in $YEAR: $(sqlite3 "$YEAR" 'SELECT count(*) FROM items' 2>/dev/null || echo '?')"
run() {
  /usr/bin/time -f "select: %e s wall, %U+%S s CPU, %M KB peak RSS" \
    "$BIN" select "$YEAR" --bbox "$AOI_BBOX" --start 2025-01-01 --end 2025-12-31 --every 1m \
    -o "$WORK/selected.json" --report "$WORK/report.json" --overwrite "$@"
}
run > "$WORK/summary.txt"   # warm the page cache
run
