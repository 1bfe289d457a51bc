#!/usr/bin/python3
"""@file api_reference.py
@brief The zone-data API against xarray: for zones at every level of a pyramid, depths,
windows, properties and aggregations, `stac2h3 serve` returns the cells and values that
numpy computes from the level's arrays (xarray.open_zarr(store, group=level)); f=bin carries
the same numbers as f=json; SIGINT stops the server with status 0.

Usage: api_reference.py STAC2H3 PYRAMID.zarr   (exit status 0 when every check passes)
"""
import json
import re
import signal
import struct
import subprocess
import sys
import urllib.request
import warnings

import numpy as np
import xarray as xr

warnings.simplefilter("ignore")
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def ancestor(cells, level, zone_res):
    """The ancestor at zone_res of uint64 cells of `level`: resolution bits set, the digits
    below zone_res set to 7 (the H3 index layout)."""
    cells = cells.astype(np.uint64)
    out = (cells & ~np.uint64(0xF << 52)) | np.uint64(zone_res << 52)
    for r in range(zone_res + 1, 16):
        out |= np.uint64(7 << ((15 - r) * 3))
    return out


def aggregate(values, agg):
    """Per cell over axis 0, NaN ignored; NaN where a cell has no value."""
    finite = ~np.isnan(values)
    count = finite.sum(axis=0)
    with np.errstate(all="ignore"):
        result = {
            "mean": lambda: np.nanmean(values.astype(np.float64), axis=0),
            "median": lambda: np.nanmedian(values.astype(np.float64), axis=0),
            "min": lambda: np.nanmin(values, axis=0),
            "max": lambda: np.nanmax(values, axis=0),
            "count": lambda: count.astype(np.float64),
        }[agg]()
    return np.where(count > 0, result, np.nan)


def expected(store, zone, depth, window, properties, agg):
    zone_id = int(zone, 16)
    zone_res = (zone_id >> 52) & 0xF
    level = zone_res + depth
    ds = xr.open_zarr(store, group=str(level))
    days = ds["time"].values.astype("datetime64[D]")
    in_window = (days >= np.datetime64(window[0])) & (days <= np.datetime64(window[1]))
    cells = ds["cell_ids"].values
    mine = ancestor(cells, level, zone_res) == np.uint64(zone_id)
    values = {p: aggregate(ds[p].values[in_window][:, mine].astype(np.float32), agg) for p in properties}
    n_items = ds["n_items"].values[in_window][:, mine].astype(np.int64).sum(axis=0)
    observed = (n_items > 0) | np.any([~np.isnan(v) for v in values.values()], axis=0)
    return level, cells[mine][observed], {p: v[observed] for p, v in values.items()}, n_items[observed]


def same_values(got, want):
    got = np.array([np.nan if v is None else v for v in got], dtype=np.float64)
    return got.shape == want.shape and bool(np.all(np.isnan(got) == np.isnan(want))) and \
        bool(np.allclose(got[~np.isnan(got)], want[~np.isnan(want)], rtol=2e-6, atol=1e-5))


def fetch(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return response.read()


def decode_binary(body, properties):
    n, p, level, lift, vertices = struct.unpack_from("<IIIfI", body, 4)
    check(body[:4] == b"H3Z1" and p == len(properties), f"binary header ({n} cells, level {level})")
    at = 24
    cells = np.frombuffer(body, "<u8", n, at)
    at += 8 * n
    values = {}
    for name in properties:
        values[name] = np.frombuffer(body, "<f4", n, at)
        at += 4 * n
    n_items = np.frombuffer(body, "<u4", n, at)
    at += 4 * n
    counts = np.frombuffer(body, "u1", n, at)
    at += n + (4 - n % 4) % 4
    lonlat = np.frombuffer(body, "<f4", 2 * vertices, at)
    at += 8 * vertices
    check(at == len(body) and counts.sum() == vertices and counts.min() >= 5 and counts.max() <= 10 and
          lift > 0 and np.all(np.abs(lonlat[1::2]) <= 90),
          f"binary layout: {vertices} polygon vertices in {n} cells, {len(body)} bytes")
    return level, cells, values, n_items


def main():
    binary, store = sys.argv[1:3]
    server = subprocess.Popen([binary, "serve", store, "--port", "0"], stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    check(match is not None, f"server announces its address ({line.strip()})")
    if not match:
        server.kill()
        return 1
    base = f"http://127.0.0.1:{match.group(1)}"
    try:
        collection = json.loads(fetch(base, "/collections/cube"))
        names = [v["name"] for v in collection["variables"]]
        ds = xr.open_zarr(store, group="3")
        check(sorted(names) == sorted(ds.data_vars), f"variables listed from the cube ({names})")
        check([l["level"] for l in collection["levels"]] == [0, 1, 2, 3] and
              collection["levels"][3]["cells"] == ds.sizes["cell_ids"], "levels and their cell counts")

        cases = [
            ("8001fffffffffff", 0, ("2024-01-01", "2024-02-14"), ["cloud_cover"], "mean"),
            ("8001fffffffffff", 3, ("2024-01-03", "2024-01-31"), ["cloud_cover", "water"], "mean"),
            ("8003fffffffffff", 2, ("2024-01-08", "2024-01-14"), ["snow_ice"], "median"),
            ("807ffffffffffff", 3, ("2024-01-05", "2024-01-05"), ["vegetation", "n_items"], "max"),
            ("80f3fffffffffff", 3, ("2024-01-01", "2024-01-30"), ["water"], "min"),  # a pentagon
            ("81083ffffffffff", 2, ("2024-01-10", "2024-02-10"), ["nodata", "obs_fraction"], "count"),
            ("820807fffffffff", 1, ("2024-01-01", "2024-01-20"), ["not_vegetated"], "median"),
            ("8047fffffffffff", 1, ("2024-02-01", "2024-02-14"), ["cloud_cover"], "mean"),
        ]
        for zone, depth, window, properties, agg in cases:
            path = (f"/collections/cube/dggs/H3/zones/{zone}/data?zone-depth={depth}"
                    f"&datetime={window[0]}/{window[1]}&properties={','.join(properties)}&agg={agg}")
            got = json.loads(fetch(base, path))
            level, cells, values, n_items = expected(store, zone, depth, window, properties, agg)
            what = f"{zone} depth {depth} {agg} {','.join(properties)} {window[0]}/{window[1]}"
            check(got["level"] == level and got["zone"] == zone and got["agg"] == agg and
                  got["datetime"] == f"{window[0]}/{window[1]}", f"{what}: header")
            check(got["cells"] == [format(int(c), "x") for c in cells] and len(cells) > 0,
                  f"{what}: the {len(cells)} observed descendants, sorted")
            for p in properties:
                check(same_values(got["values"][p], values[p]), f"{what}: {p} values equal numpy's")
            check(got["n_items"] == n_items.tolist(), f"{what}: n_items summed over the window")
            b_level, b_cells, b_values, b_items = decode_binary(fetch(base, path + "&f=bin"), properties)
            check(b_level == level and b_cells.tolist() == [int(c) for c in cells] and
                  all(same_values([None if np.isnan(v) else float(v) for v in b_values[p]], values[p])
                      for p in properties) and b_items.tolist() == n_items.tolist(),
                  f"{what}: f=bin carries the same cells and values")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            status = server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            status = None
    check(status == 0, f"SIGINT stops the server cleanly (status {status})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
