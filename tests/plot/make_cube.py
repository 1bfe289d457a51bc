#!/usr/bin/python3
"""@file make_cube.py
@brief Writes a small Zarr v2 cube in the cube.zarr layout (src/store/cube_schema.h) with
xarray, independently of stac2h3's writer, for the plot tests and benchmarks.

Usage: make_cube.py OUT.zarr --res R --days N [--start 2024-01-01] [--pattern NAME]
                    [--time-chunk C] [--cells-file FILE] [--empty-every K]
                    [--expect FILE --window I,J]
Cells are every cell of resolution R (listed by h3-js through node), or the hex ids in
--cells-file. Patterns: "lat" (value = |latitude| scaled, same every day, so a cell's value
is known), "weekly" (a value that changes from week to week, with NaN gaps), "nan" (all NaN).
--empty-every K leaves every K-th cell (index K-1, 2K-1, ...) without any value, as cells
over the sea are in a real cube.
--expect writes numpy's per-cell nanmean/nanmedian/nanmin/nanmax/count of cloud_cover over
the time indices [I, J] (inclusive) for the first cells, as the tests' reference.
"""
import argparse
import json
import os
import subprocess

import numpy as np
import xarray as xr

NODE_MODULES = os.environ.get("STAC2H3_NODE_MODULES", os.path.join(os.path.dirname(__file__), "..", "..", "node_modules"))
VARIABLES = ["cloud_cover", "nodata", "snow_ice", "vegetation", "not_vegetated", "water", "obs_fraction"]


def cells_with_centres(res, cells_file):
    """Cell ids (uint64) and centres (lat, lng degrees) from h3-js."""
    script = """
const h3 = require(process.argv[1] + '/h3-js');
const res = Number(process.argv[2]);
let cells;
if (process.argv[3]) {
  cells = require('fs').readFileSync(process.argv[3], 'utf8').split(/\\s+/).filter(Boolean);
} else {
  cells = [];
  for (const base of h3.getRes0Cells()) cells.push(...h3.cellToChildren(base, res));
}
process.stdout.write(JSON.stringify(cells.map(c => [c, ...h3.cellToLatLng(c)])));
"""
    out = subprocess.run(["node", "-e", script, NODE_MODULES, str(res), cells_file or ""],
                         check=True, capture_output=True, text=True).stdout
    rows = sorted(json.loads(out), key=lambda r: int(r[0], 16))
    ids = np.array([int(r[0], 16) for r in rows], dtype=np.uint64)
    lat = np.array([r[1] for r in rows])
    lng = np.array([r[2] for r in rows])
    return ids, lat, lng


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--res", type=int, default=1)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--start", default="2024-01-01")
    parser.add_argument("--pattern", default="lat")
    parser.add_argument("--time-chunk", type=int, default=7)
    parser.add_argument("--cells-file", default=None)
    parser.add_argument("--expect", default=None)
    parser.add_argument("--window", default="0,0")
    parser.add_argument("--empty-every", type=int, default=0)
    args = parser.parse_args()

    ids, lat, lng = cells_with_centres(args.res, args.cells_file)
    start = np.datetime64(args.start, "D").astype(np.int64)
    days = np.arange(start, start + args.days, dtype=np.int32)
    shape = (len(days), len(ids))
    day_index = np.arange(len(days))[:, None]
    if args.pattern == "lat":
        base = np.broadcast_to(np.abs(lat)[None, :] / 90.0 * 100.0, shape)
    elif args.pattern == "weekly":
        week = day_index // 7
        base = 50.0 + 45.0 * np.sin(np.radians(lng)[None, :] * 2 + week * 0.7) * np.cos(np.radians(lat))[None, :]
        base = base + (day_index % 5) * 1.5
        gaps = (day_index + np.arange(len(ids))[None, :]) % 4 == 0
        base = np.where(gaps, np.nan, base)
    elif args.pattern == "nan":
        base = np.full(shape, np.nan)
    else:
        raise SystemExit(f"unknown pattern {args.pattern}")
    if args.empty_every:
        empty = np.arange(len(ids)) % args.empty_every == args.empty_every - 1
        base = np.where(empty[None, :], np.nan, base)
    data = {}
    for k, name in enumerate(VARIABLES):
        values = np.array(base, dtype=np.float32)
        if name == "obs_fraction":
            values = np.where(np.isnan(values), np.nan, 1.0).astype(np.float32)
        data[name] = (("time", "cell_ids"), values,
                      {"units": "1" if name == "obs_fraction" else "%", "long_name": name})
    n_items = np.where(np.isnan(np.asarray(base)), 0, 1 + (day_index % 3)).astype(np.uint16)
    data["n_items"] = (("time", "cell_ids"), n_items, {"units": "1", "long_name": "n_items"})
    ds = xr.Dataset(data, coords={
        "time": ("time", days, {"units": "days since 1970-01-01", "calendar": "proleptic_gregorian"}),
        "cell_ids": ("cell_ids", ids, {"grid_name": "h3", "level": args.res}),
    })
    chunk = min(args.time_chunk, len(days))
    encoding = {name: {"chunks": (chunk, len(ids))} for name in VARIABLES + ["n_items"]}
    encoding["time"] = {"dtype": "int32"}
    ds.to_zarr(args.out, mode="w", consolidated=True, encoding=encoding, zarr_version=2)
    if args.expect:
        write_expectations(args.expect, ds, [int(i) for i in args.window.split(",")])


def write_expectations(path, ds, window):
    """numpy's aggregates of cloud_cover over time indices window[0]..window[1]."""
    values = ds["cloud_cover"].values[window[0]:window[1] + 1, :64].astype(np.float64)
    with np.errstate(all="ignore"):
        import warnings
        warnings.simplefilter("ignore")
        rows = {
            "first_day": int(ds["time"].values[window[0]]),
            "last_day": int(ds["time"].values[window[1]]),
            "cells": [format(int(c), "x") for c in ds["cell_ids"].values[:64]],
            "mean": np.nanmean(values, axis=0).tolist(),
            "median": np.nanmedian(values, axis=0).tolist(),
            "min": np.nanmin(values, axis=0).tolist(),
            "max": np.nanmax(values, axis=0).tolist(),
            "count": np.sum(~np.isnan(values), axis=0).tolist(),
        }
    # One line per aggregation, numbers only (NaN as "nan"), so C++ reads it without a
    # JSON library: "name v0 v1 ...".
    with open(path, "w") as out:
        out.write(f"window {rows['first_day']} {rows['last_day']}\n")
        out.write("cells " + " ".join(rows["cells"]) + "\n")
        for name in ["mean", "median", "min", "max", "count"]:
            out.write(name + " " + " ".join(repr(float(v)) for v in rows[name]) + "\n")


if __name__ == "__main__":
    main()
