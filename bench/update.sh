#!/usr/bin/env bash
# @file update.sh
# @brief The `resample --update` benchmark of issue 13: a global synthetic year whose last
# week arrives late. The cube of the items up to 2025-12-24 is updated with the items of
# 12-25..12-31 (`--update`), and compared with the full build of the same final file: wall,
# CPU (user+sys) and peak RSS of each, the update's share of the full run, and a check with
# xarray that both cubes agree (cells, days, and every variable over the last 40 days).
#
# Usage: bench/update.sh [BUILD_DIR] [YEAR_GPKG] [RES]
#   BUILD_DIR  where stac2h3 was built (default build/release)
#   YEAR_GPKG  a global synthetic year, `synth --start 2025-01-01 --end 2025-12-31 --seed 1`
#              (default $UPDATE_DIR/year.gpkg, synthesised when missing: ~10 min, 2.6 GB);
#              only read: the script works on a copy
#   RES        resolution (default 5)
# Environment: UPDATE_DIR (work directory, default /tmp/stac2h3-update; outputs kept there).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
work=${UPDATE_DIR:-/tmp/stac2h3-update}
year=${2:-$work/year.gpkg}
res=${3:-5}
stac2h3="$(pwd)/$build/src/cli/stac2h3"
mkdir -p "$work"

if [ ! -f "$year" ]; then
  "$stac2h3" synth --start 2025-01-01 --end 2025-12-31 --seed 1 -o "$year"
fi

# The items as they were on 12-24: the year without its last week (rows deleted from a copy;
# a writer then gives the copy its identity, replacement log and datetime index).
items="$work/items.gpkg"
rm -f "$items" "$items"-wal "$items"-shm "$items"-journal
cp "$year" "$items"
sqlite3 "$items" "DELETE FROM items WHERE datetime >= '2025-12-25';"
: > "$work/empty.ndjson"
"$stac2h3" import -q "$work/empty.ndjson" -o "$items" > /dev/null
"$stac2h3" synth --start 2025-12-25 --end 2025-12-31 --seed 1 --overwrite -o "$work/week.ndjson" \
  2> /dev/null

declare -A wall cpu rss
timed() {  # name, then the stac2h3 arguments
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.log" "$stac2h3" "$@" 2> "$work/$name.log" ||
    { cat "$work/$name.log" >&2; exit 1; }
  tail -n 2 "$work/$name.log" | sed "s/^stac2h3 resample/  $name/" >&2
  read -r w user sys rss_kb < "$work/time.log"
  wall[$name]=$w
  cpu[$name]=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  rss[$name]=$((rss_kb / 1024))
}

echo "load before: $(uptime | sed 's/.*load average: //')  cores: $(nproc)" >&2
rm -rf "$work/cube.zarr" "$work/full.zarr"
timed base resample "$items" --res "$res" -o "$work/cube.zarr"
timed import import -q "$work/week.ndjson" -o "$items"
timed update resample "$items" --res "$res" -o "$work/cube.zarr" --update
timed full resample "$items" --res "$res" -o "$work/full.zarr"
echo "load after: $(uptime | sed 's/.*load average: //')" >&2

/usr/bin/python3 - "$work/cube.zarr" "$work/full.zarr" <<'PY'
import sys
import numpy as np
import xarray as xr
a, b = (xr.open_zarr(p, consolidated=True) for p in sys.argv[1:3])
same = all(np.array_equal(a[c].values, b[c].values) for c in ("time", "cell_ids"))
last = dict(time=slice(-40, None))
for name in b.data_vars:
    x, y = a[name].isel(**last).values, b[name].isel(**last).values
    same = same and np.array_equal(x, y, equal_nan=x.dtype.kind == "f")
same = same and a.attrs == b.attrs
print(f"updated cube equals the full build (cells, days, last 40 days of every variable, "
      f"attributes): {'yes' if same else 'NO'}", file=sys.stderr)
sys.exit(0 if same else 1)
PY

echo "| run | wall s | CPU s | peak RSS MB |"
echo "| --- | --- | --- | --- |"
for name in base import update full; do
  echo "| $name | ${wall[$name]} | ${cpu[$name]} | ${rss[$name]} |"
done
echo "update / full: wall $(echo "scale=3; ${wall[update]} / ${wall[full]}" | bc)x," \
  "CPU $(echo "scale=3; ${cpu[update]} / ${cpu[full]}" | bc)x"
