"""@file check_cube.py
@brief Independent reader of a stac2h3 cube: opens it with xarray.open_zarr (Debian's python3),
checks the contract (dims, dtypes, attributes, time decoding, consolidated metadata) and
compares every value with an expected-values file written by the C++ test.

Usage: check_cube.py CUBE.zarr EXPECTED.txt
EXPECTED.txt: first line "first_day num_days resolution cell cell ...", then one line per
nonzero/non-NaN element "variable day_index cell_index value" (values as %.9g).
Exits 0 when everything matches, else prints the first problems and exits 1.
"""
import json
import math
import os
import sys

import numpy as np
import xarray as xr

FLOATS = ["cloud_cover", "nodata", "snow_ice", "vegetation", "not_vegetated", "water",
          "obs_fraction"]


def main(cube_path, expected_path):
    problems = []
    with open(expected_path) as f:
        header = f.readline().split()
        first_day, num_days, resolution = int(header[0]), int(header[1]), int(header[2])
        cells = [int(c) for c in header[3:]]
        expected = {}
        for line in f:
            name, d, c, v = line.split()
            expected[(name, int(d), int(c))] = float(v)

    if not os.path.exists(os.path.join(cube_path, ".zmetadata")):
        problems.append("no consolidated metadata")
    for name in FLOATS + ["n_items", "time", "cell_ids"]:
        with open(os.path.join(cube_path, name, ".zattrs")) as f:
            if "_ARRAY_DIMENSIONS" not in json.load(f):
                problems.append(f"{name}: no _ARRAY_DIMENSIONS")
    with open(os.path.join(cube_path, "cell_ids", ".zarray")) as f:
        if json.load(f)["fill_value"] is not None:
            problems.append("cell_ids fill_value is not null")

    ds = xr.open_zarr(cube_path, consolidated=True)
    if ds["time"].dtype.kind != "M":
        problems.append(f"time not decoded: {ds['time'].dtype}")
    want_times = np.datetime64("1970-01-01") + np.arange(first_day, first_day + num_days).astype(
        "timedelta64[D]")
    if not np.array_equal(ds["time"].values.astype("datetime64[D]"), want_times):
        problems.append("time axis differs")
    if ds["cell_ids"].dtype != np.uint64 or [int(c) for c in ds["cell_ids"].values] != cells:
        problems.append("cell_ids differ")
    attrs = ds["cell_ids"].attrs
    if attrs.get("grid_name") != "h3" or int(attrs.get("level", -1)) != resolution:
        problems.append(f"cell_ids attributes {attrs}")
    if int(ds.attrs.get("resolution", -1)) != resolution:
        problems.append("group attribute resolution")
    for name in FLOATS + ["n_items"]:
        var = ds[name]
        if var.dims != ("time", "cell_ids"):
            problems.append(f"{name}: dims {var.dims}")
        if "units" not in var.attrs or "long_name" not in var.attrs:
            problems.append(f"{name}: no units/long_name")
        want_dtype = np.uint16 if name == "n_items" else np.float32
        if var.dtype != want_dtype:
            problems.append(f"{name}: dtype {var.dtype}")
        values = var.values
        for d in range(num_days):
            for c in range(len(cells)):
                got = float(values[d, c])
                want = expected.get((name, d, c), 0.0 if name == "n_items" else math.nan)
                same = (math.isnan(got) and math.isnan(want)) or got == np.float32(want)
                if not same:
                    problems.append(f"{name}[{d},{c}] = {got}, expected {want}")
    for p in problems[:20]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
