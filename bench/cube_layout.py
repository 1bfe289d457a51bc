"""@file cube_layout.py
@brief Measures the cube's chunking and compression for the two reads that matter: one day
for all cells (a map) and every day for a block of cells (a time series), read with xarray.

A year x 50,000 cells (a res-4 land cube), ~30% of cell-days observed in swaths like
Sentinel-2's, written as Zarr v2 with numcodecs Zstd as stac2h3 writes it (GDAL's
COMPRESS=ZSTD). Usage: /usr/bin/python3 bench/cube_layout.py [OUT_DIR]
"""
import os
import shutil
import sys
import tempfile
import time

import numpy as np
import xarray as xr
import zarr
from numcodecs import Zstd

DAYS, CELLS = 366, 50_048  # a multiple of the 64-cell swath runs
out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
rng = np.random.default_rng(1)
observed = rng.random((DAYS, CELLS // 64)) < 0.3  # swaths: runs of neighbouring cells
observed = np.repeat(observed, 64, axis=1)
values = np.where(observed, rng.random((DAYS, CELLS), dtype=np.float32) * 100, np.nan)
values = values.astype(np.float32)

print(f"{'time x cells':>14} {'zstd':>4} {'MB/var':>7} {'1 day, all cells':>17} "
      f"{'all days, 1000 cells':>21}")
for time_chunk, cell_chunk in [(1, 50_000), (8, 16384), (16, 16384), (32, 8192), (16, 65536),
                               (64, 4096), (366, 1024)]:
    for level in [3]:
        path = os.path.join(out, f"layout_{time_chunk}_{cell_chunk}.zarr")
        shutil.rmtree(path, ignore_errors=True)
        ds = xr.Dataset({"cloud_cover": (("time", "cell_ids"), values)},
                        coords={"time": np.arange(DAYS, dtype=np.int32) + 19723,
                                "cell_ids": np.arange(CELLS, dtype=np.uint64)})
        ds["time"].attrs["units"] = "days since 1970-01-01"
        encoding = {"cloud_cover": {"chunks": (time_chunk, cell_chunk),
                                    "compressor": Zstd(level=level)}}
        ds.to_zarr(path, encoding=encoding, consolidated=True)
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(path, "cloud_cover")) for f in fs)
        timings = []
        for read in [lambda c: c["cloud_cover"].isel(time=200).values,
                     lambda c: c["cloud_cover"].isel(cell_ids=slice(20_000, 21_000)).values]:
            best = 1e9
            for _ in range(3):
                cube = xr.open_zarr(path, consolidated=True)
                start = time.perf_counter()
                read(cube)
                best = min(best, time.perf_counter() - start)
            timings.append(best * 1000)
        print(f"{time_chunk:>5} x {cell_chunk:>6} {level:>4} {size / 1e6:>7.1f} "
              f"{timings[0]:>14.1f} ms {timings[1]:>18.1f} ms")
        shutil.rmtree(path)
