"""@file overlap_reference.py
@brief Independent reference for footprint and overlap areas: shapely intersections in a
pyproj gnomonic projection (where geodesics are straight lines, so the planar intersection is
the spherical one), unprojected and measured by pyproj's geodesic polygon area on the
authalic sphere.

Reads one JSON object per line from stdin: {"center": [lon, lat], "footprint": [polygon, ...],
"cells": [ring, ...]}, a polygon being [outer, hole, ...] and a ring [[lon, lat], ...] (open).
Writes one JSON object per line: {"footprint_km2": a, "cells_km2": [a, ...]}.
"""
import json
import sys

from pyproj import Geod, Proj
from shapely.geometry import Polygon
from shapely.ops import unary_union

RADIUS_M = 6371007.180918475
GEOD = Geod(a=RADIUS_M, b=RADIUS_M)


def ring_area_m2(lonlat):
    area, _ = GEOD.polygon_area_perimeter([p[0] for p in lonlat], [p[1] for p in lonlat])
    return abs(area)


def polygon_area_m2(polygon):
    return ring_area_m2(polygon[0]) - sum(ring_area_m2(h) for h in polygon[1:])


def main():
    for line in sys.stdin:
        case = json.loads(line)
        lon0, lat0 = case["center"]
        gnomonic = Proj(proj="gnom", lon_0=lon0, lat_0=lat0, R=RADIUS_M)

        def project(ring):
            xs, ys = gnomonic([p[0] for p in ring], [p[1] for p in ring])
            return list(zip(xs, ys))

        def unproject(coords):
            lons, lats = gnomonic([c[0] for c in coords], [c[1] for c in coords], inverse=True)
            return list(zip(lons, lats))

        footprint = unary_union(
            [Polygon(project(p[0]), [project(h) for h in p[1:]]) for p in case["footprint"]])
        cells_km2 = []
        for ring in case["cells"]:
            piece = footprint.intersection(Polygon(project(ring)))
            parts = getattr(piece, "geoms", [piece])
            area = 0.0
            for part in parts:
                if part.geom_type != "Polygon" or part.is_empty:
                    continue
                rings = [list(part.exterior.coords)[:-1]] + [list(h.coords)[:-1] for h in part.interiors]
                area += polygon_area_m2([unproject(r) for r in rings])
            cells_km2.append(area / 1e6)
        footprint_km2 = sum(polygon_area_m2(p) for p in case["footprint"]) / 1e6
        print(json.dumps({"footprint_km2": footprint_km2, "cells_km2": cells_km2}))


if __name__ == "__main__":
    main()
