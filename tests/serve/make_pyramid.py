#!/usr/bin/python3
"""@file make_pyramid.py
@brief Writes a small H3 pyramid store with xarray, independently of stac2h3's writer: one
cube per level in a group named by the level (the cube.zarr layout of src/store/cube_schema.h),
and the root's `multiscales` layout naming them (zarr-conventions proposal).

Usage: make_pyramid.py OUT.zarr --levels 0,1,2,3 [--days 45]
Each level comes from tests/plot/make_cube.py ("weekly" pattern, every 5th cell empty), then
each variable is made distinct (so that mixing two up shows) and the arrays are rechunked
into several cell chunks (so that zone reads are real range reads).
"""
import argparse
import os
import shutil
import subprocess
import tempfile

import numpy as np
import xarray as xr
import zarr

MAKE_CUBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "plot", "make_cube.py")
CELL_CHUNK = 1000
TIME_CHUNK = 8


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--levels", default="0,1,2,3")
    parser.add_argument("--days", type=int, default=45)
    args = parser.parse_args()
    levels = [int(level) for level in args.levels.split(",")]
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    zarr.open_group(args.out, mode="w")
    with tempfile.TemporaryDirectory() as scratch:
        for level in levels:
            source = os.path.join(scratch, f"{level}.zarr")
            subprocess.run(["/usr/bin/python3", MAKE_CUBE, source, "--res", str(level), "--days",
                            str(args.days), "--pattern", "weekly", "--empty-every", "5"], check=True)
            ds = xr.open_zarr(source).load()
            with xr.set_options(keep_attrs=True):
                for k, name in enumerate(v for v in ds.data_vars if v not in ("n_items", "obs_fraction")):
                    ds[name] = (ds[name] * (1.0 + 0.25 * k) - 7.0 * k).astype(np.float32)
            encoding = {name: {"chunks": (TIME_CHUNK, CELL_CHUNK)} for name in ds.data_vars}
            encoding["time"] = {"dtype": "int32", "units": "days since 1970-01-01", "calendar": "proleptic_gregorian"}
            ds.attrs = {"resolution": level, "source_api": "test", "collection": "synthetic",
                        "query": "{}"}
            ds.to_zarr(args.out, group=str(level), mode="w", encoding=encoding,
                       consolidated=False, zarr_version=2)
    root = zarr.open_group(args.out, mode="r+")
    root.attrs["zarr_conventions"] = ["multiscales"]
    root.attrs["multiscales"] = {"layout": [
        {"asset": str(level), "dggs": {"name": "h3", "refinement_level": level}}
        for level in sorted(levels, reverse=True)]}
    zarr.consolidate_metadata(args.out)


if __name__ == "__main__":
    main()
