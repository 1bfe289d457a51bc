"""@file geopandas_reference.py
@brief The "original script" way of resampling, for comparison with `stac2h3 resample`:
geopandas overlay of footprints with H3 cell polygons in an equal-area CRS, then a
groupby area-weighted mean per cell and day.

Usage: /usr/bin/python3 bench/geopandas_reference.py ITEMS.gpkg CELLS.gpkg [MAX_ITEMS]
Prints the rows produced and the seconds taken (reading included).
"""
import sys
import time

import geopandas as gpd
import pandas as pd

VALUES = ["cloud_cover", "nodata", "snow_ice", "vegetation", "not_vegetated", "water"]
EQUAL_AREA = "EPSG:6933"  # WGS 84 / NSIDC EASE-Grid 2.0 Global (cylindrical equal-area)

start = time.perf_counter()
rows = int(sys.argv[3]) if len(sys.argv) > 3 else None
items = gpd.read_file(sys.argv[1], layer="items", rows=rows)
cells = gpd.read_file(sys.argv[2], layer="cells")
items["day"] = pd.to_datetime(items["datetime"], utc=True, format="ISO8601").dt.floor("D")
items = items.to_crs(EQUAL_AREA)
cells = cells.to_crs(EQUAL_AREA)
cells["cell_area"] = cells.geometry.area
pieces = gpd.overlay(items[["day", *VALUES, "geometry"]], cells[["cell", "cell_area", "geometry"]],
                     how="intersection", keep_geom_type=True)
pieces["a"] = pieces.geometry.area
pieces = pieces[pieces["a"] > 0]
for v in VALUES:
    known = pieces[v].notna()
    pieces[v + "_w"] = pieces["a"].where(known, 0.0)
    pieces[v + "_wv"] = (pieces["a"] * pieces[v]).where(known, 0.0)
grouped = pieces.groupby(["cell", "day"])
result = pd.DataFrame({"n_items": grouped.size(),
                       "obs_fraction": grouped["a"].sum() / grouped["cell_area"].first()})
for v in VALUES:
    result[v] = grouped[v + "_wv"].sum() / grouped[v + "_w"].sum()
elapsed = time.perf_counter() - start
print(f"geopandas reference: {len(items)} items, {len(result)} cell-days, {elapsed:.1f} s")
