"""@file split_granules_reference.py
@brief An independent computation of what each item of the split-granule pairs in the real
Planetary Computer items contributes (the numbers in acquisition_test.cpp).

Per pair: rank (newest baseline, least nodata, larger id), project both footprints to a PROJ
gnomonic projection about the pair (the mean of their vertices) (great circles are straight lines there), take the second
minus the first with shapely, drop pieces no wider (twice the distance from polylabel's pole
of inaccessibility to the boundary) than the largest gap between an edge read as a geodesic
and read as a straight lon/lat line, plus 10 m; project back and measure the area with
pyproj.Geod on the authalic sphere (the pieces' edges are geodesics).

Usage: split_granules_reference.py ITEMS.ndjson  (prints one line per pair)
reference_resample.py imports effective_footprints() for the whole acquisition rule.
"""
import json
import math
import sys
from collections import defaultdict

import pyproj
from shapely.geometry import MultiPolygon, shape
from shapely.ops import polylabel, transform, unary_union

R_M = 6371007.180918475
GEOD = pyproj.Geod(a=R_M, b=R_M)
SLIVER_MARGIN_M = 10.0


def reading_gap(geometry):
    """Largest distance between an edge's lon/lat midpoint and the edge's geodesic."""
    gap = 0.0
    polygons = [geometry] if geometry.geom_type == "Polygon" else list(geometry.geoms)
    for polygon in polygons:
        coords = polygon.exterior.coords
        for (x0, y0), (x1, y1) in zip(coords[:-1], coords[1:]):
            azimuth, _, length = GEOD.inv(x0, y0, x1, y1)
            gx, gy, _ = GEOD.fwd(x0, y0, azimuth, length / 2)
            gap = max(gap, GEOD.inv((x0 + x1) / 2, (y0 + y1) / 2, gx, gy)[2])
    return gap


def sphere_area_km2(polygon_lonlat):
    area, _ = GEOD.geometry_area_perimeter(polygon_lonlat)
    return abs(area) / 1e6


def unit_vector(lon, lat):
    lon, lat = math.radians(lon), math.radians(lat)
    return (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))


def parts_of(geometry):
    return [g for g in getattr(geometry, "geoms", [geometry]) if not g.is_empty]


def effective_footprints(geometries):
    """For shapely lon/lat (Multi)Polygons ranked best first, what each adds to those before it
    (a lon/lat MultiPolygon), None when nothing is left; the geometry itself when nothing
    before it overlaps it."""
    vectors = [unit_vector(*point) for g in geometries for part in parts_of(g)
               for point in part.exterior.coords]
    x, y, z = (sum(v[i] for v in vectors) for i in range(3))
    lon0, lat0 = math.degrees(math.atan2(y, x)), math.degrees(math.atan2(z, math.hypot(x, y)))
    lonlat = pyproj.CRS.from_proj4(f"+proj=longlat +R={R_M!r}")
    gnomonic = pyproj.CRS.from_proj4(f"+proj=gnom +lat_0={lat0!r} +lon_0={lon0!r} +R={R_M!r}")
    forward = pyproj.Transformer.from_crs(lonlat, gnomonic, always_xy=True).transform
    back = pyproj.Transformer.from_crs(gnomonic, lonlat, always_xy=True).transform
    result, covered, gap = [], None, 0.0
    for geometry in geometries:
        projected = unary_union([transform(forward, part) for part in parts_of(geometry)])
        gap = max(gap, reading_gap(geometry))
        if covered is None or not projected.intersects(covered):
            result.append(geometry)
        else:
            width = gap + SLIVER_MARGIN_M
            pieces = [piece for piece in parts_of(projected.difference(covered))
                      if piece.geom_type == "Polygon" and
                      2 * piece.exterior.distance(polylabel(piece, width / 8)) > width]
            result.append(transform(back, MultiPolygon(pieces)) if pieces else None)
        covered = projected if covered is None else covered.union(projected)
    return result


def ranked(items, baseline, nodata, name):
    """Items ranked best first: newest baseline, least nodata (None last), larger name."""
    return sorted(items, key=lambda i: (-baseline(i), nodata(i) is None, nodata(i) or 0.0,
                                        [-ord(c) for c in name(i)] + [1]))


def main(path):
    groups = defaultdict(list)
    for line in open(path):
        item = json.loads(line)
        props = item["properties"]
        groups[(props["s2:mgrs_tile"], props["datetime"])].append(item)
    for (tile, when), items in sorted(groups.items()):
        if len(items) < 2:
            continue
        items = ranked(items, lambda i: int(i["properties"]["s2:processing_baseline"].replace(".", "")),
                       lambda i: i["properties"]["s2:nodata_pixel_percentage"],
                       lambda i: i["id"])
        first, second = (shape(i["geometry"]) for i in items)
        adds = effective_footprints([first, second])[1]
        kept = 0.0 if adds is None else sum(sphere_area_km2(p) for p in parts_of(adds))
        print(f'{tile} {when} first {items[0]["id"]} {sphere_area_km2(first):.6f} '
              f'second {items[1]["id"]} {sphere_area_km2(second):.6f} adds {kept:.6f}')


if __name__ == "__main__":
    main(sys.argv[1])
