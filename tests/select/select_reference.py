"""@file select_reference.py
@brief Independent check of `stac2h3 select` on real items: coverage G and expected clear
fraction E of the selection estimated from random points of the AOI (shapely point-in-
polygon in a pyproj gnomonic projection, where geodesic edges are straight lines), and the
same figures for the usual rule "least cloud first, skip scenes adding no new coverage"
with as many scenes.

Usage: select_reference.py ITEMS.ndjson W,S,E,N START END SELECTED.ndjson POINTS SEED [MAX_CLOUD]
Prints one JSON object: {"coverage", "expected_clear", "baseline_expected_clear",
"baseline_scenes", "candidates"}.
"""
import json
import math
import random
import sys

from pyproj import Proj
from shapely.geometry import Point, Polygon, shape
from shapely.prepared import prep

RADIUS_M = 6371007.180918475


def main():
    items_path, bbox_text, start, end, selected_path, points_text, seed_text = sys.argv[1:8]
    max_cloud = float(sys.argv[8]) if len(sys.argv) > 8 else None
    west, south, east, north = (float(v) for v in bbox_text.split(","))
    gnomonic = Proj(proj="gnom", lon_0=(west + east) / 2, lat_0=(south + north) / 2, R=RADIUS_M)

    def project(ring):
        xs, ys = gnomonic([p[0] for p in ring], [p[1] for p in ring])
        return list(zip(xs, ys))

    def projected(geometry):
        geom = shape(geometry)
        parts = [geom] if geom.geom_type == "Polygon" else list(geom.geoms)
        polygons = [Polygon(project(p.exterior.coords), [project(h.coords) for h in p.interiors]) for p in parts]
        merged = polygons[0]
        for polygon in polygons[1:]:
            merged = merged.union(polygon)
        return merged

    corners = [(west, south), (east, south), (east, north), (west, north)]
    aoi = Polygon(project(corners))
    aoi_prepared = prep(aoi)

    # Points uniform on the sphere within the box's latitudes and longitudes (uniform in
    # sin(latitude)), kept when inside the AOI with its geodesic edges.
    rng = random.Random(int(seed_text))
    wanted = int(points_text)
    lo, hi = math.sin(math.radians(south - 0.5)), math.sin(math.radians(north + 0.5))
    points = []
    while len(points) < wanted:
        lon = rng.uniform(west - 0.5, east + 0.5)
        lat = math.degrees(math.asin(rng.uniform(lo, hi)))
        x, y = gnomonic(lon, lat)
        point = Point(x, y)
        if aoi_prepared.contains(point):
            points.append(point)

    selected_ids = [json.loads(line)["id"] for line in open(selected_path) if line.strip()]
    candidates = []
    for line in open(items_path):
        item = json.loads(line)
        when = item["properties"].get("datetime") or ""
        if not (start <= when[:10] <= end) or item.get("geometry") is None:
            continue
        footprint = projected(item["geometry"])
        if not footprint.intersection(aoi).area > 0:
            continue
        cloud = item["properties"].get("eo:cloud_cover")
        if max_cloud is not None and (cloud is None or cloud > max_cloud):
            continue
        candidates.append({"id": item["id"], "datetime": when, "cloud": cloud, "footprint": prep(footprint)})

    def figures(chosen):
        covered = 0
        clear = 0.0
        for point in points:
            not_clear = 1.0
            seen = False
            for item in chosen:
                if item["footprint"].contains(point):
                    seen = True
                    not_clear *= (item["cloud"] if item["cloud"] is not None else 100.0) / 100.0
            covered += seen
            clear += 1.0 - not_clear
        return covered / len(points), clear / len(points)

    by_id = {c["id"]: c for c in candidates}
    chosen = [by_id[i] for i in selected_ids]
    coverage, expected_clear = figures(chosen)

    # Least cloud first, skipping scenes that add no new coverage, as many as selected.
    baseline = []
    seen = [False] * len(points)
    for item in sorted(candidates, key=lambda c: (c["cloud"] if c["cloud"] is not None else 101, c["datetime"], c["id"])):
        if len(baseline) == len(chosen):
            break
        hits = [i for i, p in enumerate(points) if not seen[i] and item["footprint"].contains(p)]
        if not hits:
            continue
        for i in hits:
            seen[i] = True
        baseline.append(item)
    _, baseline_clear = figures(baseline)
    print(json.dumps({"coverage": coverage, "expected_clear": expected_clear,
                      "baseline_expected_clear": baseline_clear, "baseline_scenes": len(baseline),
                      "candidates": len(candidates)}))


if __name__ == "__main__":
    main()
