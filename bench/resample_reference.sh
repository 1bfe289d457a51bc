#!/usr/bin/env bash
# @file resample_reference.sh
# @brief `stac2h3 resample` against the geopandas overlay reference on the same 50,000
# synthetic items (global, the first days of June 2025): wall and CPU times, their ratio,
# and how well the two agree (so that the comparison is of the same job).
# Usage: bench/resample_reference.sh [BUILD_DIR] [RES] [ITEMS]  (defaults build/release, 3, 50000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
res=${2:-3}
count=${3:-50000}
stac2h3="$build/src/cli/stac2h3"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$stac2h3" synth --start 2025-06-01 --end 2025-06-07 --seed 1 -o "$work/items.gpkg"
sqlite3 "$work/items.gpkg" "DELETE FROM items WHERE fid > (SELECT fid FROM items ORDER BY fid
                            LIMIT 1 OFFSET $((count - 1))); VACUUM;"
items=$(sqlite3 "$work/items.gpkg" "select count(*) from items")
"$stac2h3" cells "$work/items.gpkg" --res "$res" -o "$work/cells.gpkg"

/usr/bin/time -f "%e %U %S" -o "$work/ours.time" \
  "$stac2h3" resample "$work/items.gpkg" --res "$res" -o "$work/cube.zarr"
/usr/bin/time -f "%e %U %S" -o "$work/theirs.time" /usr/bin/python3 \
  bench/geopandas_reference.py "$work/items.gpkg" "$work/cells.gpkg" "$count" "$work/theirs.csv"

# Agreement: the script's cell-days against the cube's.
/usr/bin/python3 - "$work/cube.zarr" "$work/theirs.csv" <<'PY'
import sys
import numpy as np
import pandas as pd
import xarray as xr
cube = xr.open_zarr(sys.argv[1])
ref = pd.read_csv(sys.argv[2])
cells = {int(c): i for i, c in enumerate(cube.cell_ids.values)}
days = {d: i for i, d in enumerate(pd.to_datetime(cube.time.values).normalize())}
ci = np.array([cells[int(c, 16)] for c in ref["cell"]])
ti = np.array([days[pd.Timestamp(d).tz_localize(None).normalize()] for d in ref["day"]])
print(f"cell-days: stac2h3 {int((cube.n_items.values > 0).sum())}, geopandas {len(ref)}")
for v in ["n_items", "obs_fraction", "cloud_cover", "vegetation", "water"]:
    ours = cube[v].values[ti, ci].astype(float)
    theirs = ref[v].values.astype(float)
    both = ~np.isnan(ours) & ~np.isnan(theirs)
    rel = np.abs(ours[both] - theirs[both]) / np.maximum(np.abs(theirs[both]), 1e-12)
    print(f"{v}: NaN where the other is not: {int((np.isnan(ours) != np.isnan(theirs)).sum())}; "
          f"within 1e-3 relative: {int((rel <= 1e-3).sum())} of {int(both.sum())}; "
          f"largest difference {rel.max():.1e}")
PY

read -r ours_wall ours_user ours_sys < "$work/ours.time"
read -r theirs_wall theirs_user theirs_sys < "$work/theirs.time"
ours_cpu=$(echo "$ours_user + $ours_sys" | bc)
theirs_cpu=$(echo "$theirs_user + $theirs_sys" | bc)
echo "items: $items  res: $res  load: $(uptime | sed 's/.*load average: //')"
echo "stac2h3 resample: ${ours_wall} s wall, ${ours_cpu} s CPU"
echo "geopandas overlay: ${theirs_wall} s wall, ${theirs_cpu} s CPU"
echo "ratio: $(echo "scale=1; $theirs_wall / $ours_wall" | bc)x wall," \
     "$(echo "scale=1; $theirs_cpu / $ours_cpu" | bc)x CPU"
