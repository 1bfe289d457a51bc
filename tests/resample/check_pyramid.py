"""@file check_pyramid.py
@brief Independent reader of a stac2h3 pyramid (`resample --pyramid`): opens every level with
xarray.open_zarr(store, group=L) (Debian's python3) and compares it, value for value, with a
cube made by a separate `resample --res L`; checks the root's multiscales layout and each
level's attributes.

Usage: check_pyramid.py PYRAMID.zarr FINEST COARSEST SINGLE_PATTERN
SINGLE_PATTERN: the separate cubes' paths with {res} for the resolution.
Exits 0 when everything matches, else prints the problems and exits 1.
"""
import json
import os
import sys

import numpy as np
import xarray as xr

MULTISCALES_UUID = "d35379db-88df-4056-af3a-620245f8e347"


def main(pyramid, finest, coarsest, pattern):
    problems = []
    levels = list(range(finest, coarsest - 1, -1))
    with open(os.path.join(pyramid, ".zattrs")) as f:
        root = json.load(f)
    conventions = root.get("zarr_conventions", [])
    if not any(c.get("uuid") == MULTISCALES_UUID and c.get("name") == "multiscales"
               for c in conventions):
        problems.append(f"multiscales convention not declared: {conventions}")
    layout = root.get("multiscales", {}).get("layout", [])
    if [entry.get("asset") for entry in layout] != [str(r) for r in levels]:
        problems.append(f"layout assets {[e.get('asset') for e in layout]}, want {levels}")
    for entry in layout:
        dggs = entry.get("dggs", {})
        if dggs.get("name") != "h3" or str(dggs.get("refinement_level")) != entry.get("asset"):
            problems.append(f"layout entry {entry}")
        if "derived_from" in entry:
            problems.append(f"level {entry.get('asset')} claims to be derived from another")
    if not root.get("multiscales", {}).get("resampling_method"):
        problems.append("no resampling_method")
    groups = sorted(name for name in os.listdir(pyramid)
                    if os.path.isdir(os.path.join(pyramid, name)))
    if groups != sorted(str(r) for r in levels):
        problems.append(f"groups {groups} differ from the layout")
    with open(os.path.join(pyramid, ".zmetadata")) as f:
        consolidated = json.load(f)["metadata"]
    for r in levels:
        for key in (f"{r}/.zgroup", f"{r}/cell_ids/.zarray", f"{r}/cloud_cover/.zattrs"):
            if key not in consolidated:
                problems.append(f"consolidated metadata lacks {key}")

    for r in levels:
        level = xr.open_zarr(pyramid, group=str(r))
        single = xr.open_zarr(pattern.format(res=r))
        attrs = level["cell_ids"].attrs
        if attrs.get("grid_name") != "h3" or int(attrs.get("level", -1)) != r:
            problems.append(f"level {r}: cell_ids attributes {attrs}")
        if int(level.attrs.get("resolution", -1)) != r:
            problems.append(f"level {r}: resolution attribute {level.attrs.get('resolution')}")
        for name in ("item_count", "source_api", "query"):
            if level.attrs.get(name) != single.attrs.get(name):
                problems.append(f"level {r}: attribute {name} {level.attrs.get(name)!r} "
                                f"!= {single.attrs.get(name)!r}")
        if level["time"].dtype.kind != "M" or not np.array_equal(level["time"].values,
                                                                  single["time"].values):
            problems.append(f"level {r}: time axis differs")
        if not np.array_equal(level["cell_ids"].values, single["cell_ids"].values):
            problems.append(f"level {r}: cell_ids differ")
        if sorted(level.data_vars) != sorted(single.data_vars):
            problems.append(f"level {r}: variables {sorted(level.data_vars)}")
            continue
        for name in single.data_vars:
            got, want = level[name], single[name]
            if got.dtype != want.dtype or got.attrs != want.attrs:
                problems.append(f"level {r} {name}: dtype/attrs {got.dtype} {got.attrs}")
            elif not np.array_equal(got.values, want.values, equal_nan=True):
                diff = np.argwhere(~((got.values == want.values) |
                                     (np.isnan(got.values) & np.isnan(want.values))
                                     if got.dtype.kind == "f" else got.values == want.values))
                problems.append(f"level {r} {name}: {len(diff)} values differ, first at {diff[0]}")
        if int(np.count_nonzero(level["n_items"].values)) == 0:
            problems.append(f"level {r}: no observation at all")
    for p in problems[:20]:
        print("check_pyramid:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]))
