"""@file geopandas_reference.py
@brief The "original script" way of resampling, for comparison with `stac2h3 resample`:
geopandas overlay of footprints with H3 cell polygons in an equal-area CRS, then a
groupby area-weighted mean per cell and day.

To do the same job as stac2h3 (geodesic edges), every ring is first densified along great
circles (a point every ~6 km) so that straight lines in the projection stay within metres of
the geodesics; without it the results differ by up to several % at high latitudes.
The synthetic items have no duplicated acquisitions, so no deduplication is done here.

Usage: /usr/bin/python3 bench/geopandas_reference.py ITEMS.gpkg CELLS.gpkg [MAX_ITEMS] [OUT.csv]
Prints the rows produced and the seconds taken (reading included); OUT.csv receives the
result (cell, day, n_items, obs_fraction, values) so that it can be compared with the cube.
"""
import sys
import time

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import MultiPolygon, Polygon

VALUES = ["cloud_cover", "nodata", "snow_ice", "vegetation", "not_vegetated", "water"]
EQUAL_AREA = "EPSG:6933"  # WGS 84 / NSIDC EASE-Grid 2.0 Global (cylindrical equal-area)
STEP_RAD = 0.001  # ~6.4 km between densified points


def densify_ring(coords):
    """The ring's points plus points along each geodesic edge, lon/lat degrees."""
    lonlat = np.radians(np.asarray(coords)[:, :2])
    cos_lat = np.cos(lonlat[:, 1])
    xyz = np.stack([cos_lat * np.cos(lonlat[:, 0]), cos_lat * np.sin(lonlat[:, 0]),
                    np.sin(lonlat[:, 1])], axis=1)
    a, b = xyz[:-1], xyz[1:]
    angles = np.arccos(np.clip(np.einsum("ij,ij->i", a, b), -1.0, 1.0))
    counts = np.maximum(1, np.ceil(angles / STEP_RAD).astype(int))
    edge = np.repeat(np.arange(len(a)), counts)
    t = (np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)) / counts[edge]
    angle = angles[edge]
    safe = np.where(angle < 1e-15, 1.0, np.sin(angle))
    wa = np.where(angle < 1e-15, 1.0 - t, np.sin((1 - t) * angle) / safe)
    wb = np.where(angle < 1e-15, t, np.sin(t * angle) / safe)
    points = wa[:, None] * a[edge] + wb[:, None] * b[edge]
    lon = np.degrees(np.arctan2(points[:, 1], points[:, 0]))
    lat = np.degrees(np.arctan2(points[:, 2], np.hypot(points[:, 0], points[:, 1])))
    # Pieces split at ±180° keep their side of the antimeridian.
    side = np.sign(np.mean(np.asarray(coords)[:, 0]))
    lon = np.where((np.abs(lon) > 179.999999) & (np.sign(lon) != side), -lon, lon)
    return np.column_stack([lon, lat])


def densify(geometry):
    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    return MultiPolygon([Polygon(densify_ring(p.exterior.coords),
                                 [densify_ring(h.coords) for h in p.interiors]) for p in polygons])


start = time.perf_counter()
rows = int(sys.argv[3]) if len(sys.argv) > 3 else None
items = gpd.read_file(sys.argv[1], layer="items", rows=rows)
cells = gpd.read_file(sys.argv[2], layer="cells")
items["day"] = pd.to_datetime(items["datetime"], utc=True).dt.floor("D")
items["geometry"] = items.geometry.apply(densify)
cells["geometry"] = cells.geometry.apply(densify)
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
if len(sys.argv) > 4:
    result.reset_index().to_csv(sys.argv[4], index=False)
print(f"geopandas reference: {len(items)} items, {len(result)} cell-days, {elapsed:.1f} s")
