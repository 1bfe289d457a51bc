"""@file reference_resample.py
@brief An independent computation of the cube from real STAC items, compared with
stac2h3's: shapely/GEOS overlaps in a Lambert azimuthal equal-area projection (authalic
sphere) centred on each footprint, geodesic edges densified, cells and cell areas from h3-js.

Usage: reference_resample.py [--value-key KEY] RES OURS.txt NODE_MODULES ITEMS.ndjson...
OURS.txt: one line per observed (cell, day): "hexcell day value obs_fraction n_items"
(value "nan" when none), the value being the mean of the property KEY (default
eo:cloud_cover). Exits 0 when every value agrees to 1e-3 relative.
"""
import json
import math
import subprocess
import sys
from datetime import datetime, timezone

import numpy as np
import pyproj
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.ops import unary_union
from shapely.prepared import prep

from split_granules_reference import effective_footprints, ranked

R_M = 6371007.180918475  # authalic sphere, metres
SAME_ACQUISITION_S = 60
TOLERANCE = 1e-3
SLIVER = 1e-6  # overlaps below this share of a cell may differ between methods
VALUE_KEYS = ["eo:cloud_cover", "s2:nodata_pixel_percentage", "s2:snow_ice_percentage",
              "s2:vegetation_percentage", "s2:not_vegetated_percentage", "s2:water_percentage"]


def to_vec(lon, lat):
    lo, la = math.radians(lon), math.radians(lat)
    return np.array([math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)])


def to_lonlat(v):
    return math.degrees(math.atan2(v[1], v[0])), math.degrees(math.atan2(v[2], math.hypot(v[0], v[1])))


def densify(ring, step_rad):
    """Points along the geodesic edges of a closed ring (lon/lat degrees), every step_rad."""
    out = []
    for i in range(len(ring)):
        a, b = to_vec(*ring[i]), to_vec(*ring[(i + 1) % len(ring)])
        angle = math.acos(max(-1.0, min(1.0, float(a @ b))))
        n = max(1, int(math.ceil(angle / step_rad)))
        for k in range(n):
            t = k / n
            if angle < 1e-15:
                v = a
            else:
                v = (math.sin((1 - t) * angle) * a + math.sin(t * angle) * b) / math.sin(angle)
            out.append(to_lonlat(v / np.linalg.norm(v)))
    return out


def tile_of(props):
    code = props.get("grid:code") or props.get("s2:mgrs_tile") or ""
    code = code.replace("MGRS-", "")
    if not code and "sentinel:utm_zone" in props:
        code = f"{props['sentinel:utm_zone']}{props.get('sentinel:latitude_band', '')}" \
               f"{props.get('sentinel:grid_square', '')}"
    if code.startswith("T") and len(code) == 6:
        code = code[1:]
    if len(code) == 4:
        code = "0" + code
    return code.upper()


def baseline_of(props):
    text = props.get("s2:processing_baseline") or props.get("sentinel2:processing_baseline") or \
        props.get("sentinel:processing_baseline") or ""
    digits = "".join(c for c in str(text) if c.isdigit())
    return int(digits) if digits else -1


def read_items(paths, value_key):
    items = []
    for path in paths:
        for line in open(path):
            line = line.strip()
            if not line:
                continue
            feature = json.loads(line)
            geometry = feature.get("geometry")
            if feature.get("type") != "Feature" or not geometry:
                continue
            props = feature.get("properties", {})
            when = datetime.fromisoformat(props["datetime"].replace("Z", "+00:00"))
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else \
                [geometry["coordinates"]]
            cloud = props.get(value_key)
            nodata = props.get("s2:nodata_pixel_percentage")
            items.append({
                "id": feature.get("id", ""), "collection": feature.get("collection", ""),
                "nodata": None if nodata is None else float(nodata),
                "time": when.timestamp(), "day": (when.astimezone(timezone.utc).date()
                                                  - datetime(1970, 1, 1).date()).days,
                "tile": tile_of(props), "baseline": baseline_of(props),
                "known": sum(props.get(k) is not None for k in VALUE_KEYS),
                "cloud": math.nan if cloud is None else float(cloud),
                "polygons": [[ring[:-1] if ring[0] == ring[-1] else ring for ring in p]
                             for p in polygons]})
    return items


def apply_acquisition_rule(items):
    """One acquisition counts each piece of ground once: the items of one tile whose times
    chain within 60 s are ranked and each keeps what those before it do not cover
    (split_granules_reference.effective_footprints); items left with nothing are dropped."""
    keep = [True] * len(items)
    order = sorted((i for i in range(len(items)) if items[i]["tile"]),
                   key=lambda i: (items[i]["tile"], items[i]["time"], i))
    groups, group = [], []
    for i in order + [None]:
        if group and (i is None or items[i]["tile"] != items[group[-1]]["tile"] or
                      items[i]["time"] - items[group[-1]]["time"] > SAME_ACQUISITION_S):
            groups.append(group)
            group = []
        if i is not None:
            group.append(i)
    for group in groups:
        if len(group) < 2:
            continue
        group = ranked(group, lambda j: items[j]["baseline"], lambda j: items[j]["nodata"],
                       lambda j: items[j]["id"] + "\n" + items[j]["collection"])
        footprints = [MultiPolygon([(p[0], p[1:]) for p in items[j]["polygons"]]) for j in group]
        for j, footprint, adds in zip(group, footprints, effective_footprints(footprints)):
            if adds is None:
                keep[j] = False
            elif adds is not footprint:
                items[j]["polygons"] = [[list(p.exterior.coords)[:-1]] +
                                        [list(h.coords)[:-1] for h in p.interiors]
                                        for p in adds.geoms]
    return [item for item, k in zip(items, keep) if k]


def main(res, ours_path, node_modules, paths, value_key):
    items = apply_acquisition_rule(read_items(paths, value_key))
    edge_km = {2: 158.0, 3: 59.8, 4: 22.6, 5: 8.5, 6: 3.2}[res]  # h3 minimum edge lengths
    step = 1.0 / 6371.0  # densify every ~1 km
    shapes, samples = [], []
    for item in items:
        ring_points = [densify(ring, step) for p in item["polygons"] for ring in p]
        centre = sum(to_vec(lon, lat) for ring in ring_points for lon, lat in ring)
        lon0, lat0 = to_lonlat(centre / np.linalg.norm(centre))
        laea = pyproj.Proj(proj="laea", lat_0=lat0, lon_0=lon0, R=R_M)
        parts = []
        for p in item["polygons"]:
            rings = [list(zip(*laea(*zip(*densify(ring, step))))) for ring in p]
            parts.append(Polygon(rings[0], rings[1:]).buffer(0))
        shape = unary_union(parts)
        # Sample points: the densified boundary and a grid inside, closer than half an edge.
        points = [(lat, lon) for ring in ring_points for lon, lat in ring]
        minx, miny, maxx, maxy = shape.bounds
        spacing = edge_km * 1000 / 3
        inside = prep(shape)
        for x in np.arange(minx, maxx, spacing):
            for y in np.arange(miny, maxy, spacing):
                if inside.contains(Point(x, y)):
                    lon, lat = laea(x, y, inverse=True)
                    points.append((lat, lon))
        shapes.append((laea, shape))
        samples.append(points)

    node = subprocess.run(["node", sys.path[0] + "/reference_cells.mjs", node_modules + "/h3-js"],
                          input=json.dumps({"res": res, "footprints": samples}),
                          capture_output=True, text=True, check=True)
    h3out = json.loads(node.stdout)

    sums = {}  # (cell, day) -> [sum a, sum a (cloud known), sum a*cloud, n]
    for item, (laea, shape), candidates in zip(items, shapes, h3out["candidates"]):
        for cell in candidates:
            boundary = [(lon, lat) for lat, lon in h3out["cells"][cell]["boundary"]]
            projected = list(zip(*laea(*zip(*densify(boundary, step)))))
            area_km2 = shape.intersection(Polygon(projected)).area / 1e6
            if area_km2 <= 0:
                continue
            s = sums.setdefault((cell, item["day"]), [0.0, 0.0, 0.0, 0, 0])
            s[0] += area_km2
            s[3] += 1  # items with any overlap
            if area_km2 > SLIVER * h3out["cells"][cell]["area_km2"]:
                s[4] += 1  # items with more than a sliver
            if not math.isnan(item["cloud"]):
                s[1] += area_km2
                s[2] += area_km2 * item["cloud"]

    ours = {}
    for line in open(ours_path):
        cell, day, cloud, obs, n = line.split()
        ours[(cell, int(day))] = (float(cloud), float(obs), int(n))

    problems, compared = [], 0
    for key in set(sums) | set(ours):
        s = sums.get(key)
        cell_area = h3out["cells"][key[0]]["area_km2"] if key[0] in h3out["cells"] else None
        ref_obs = s[0] / cell_area if s else 0.0
        if key not in ours:
            if ref_obs > SLIVER:
                problems.append(f"{key}: missing from stac2h3 (reference obs {ref_obs:.3g})")
            continue
        cloud, obs, n = ours[key]
        if s is None:
            if obs > SLIVER:
                problems.append(f"{key}: stac2h3 obs {obs:.3g}, reference has none")
            continue
        compared += 1
        if abs(obs - ref_obs) > TOLERANCE * max(ref_obs, 1e-12):
            problems.append(f"{key}: obs_fraction {obs} vs reference {ref_obs}")
        if not s[4] <= n <= s[3]:
            problems.append(f"{key}: n_items {n} vs reference {s[4]}..{s[3]}")
        ref_cloud = s[2] / s[1] if s[1] > 0 else math.nan
        if math.isnan(ref_cloud) != math.isnan(cloud) or (
                not math.isnan(cloud) and abs(cloud - ref_cloud) > TOLERANCE * max(abs(ref_cloud), 1e-3)):
            problems.append(f"{key}: {value_key} {cloud} vs reference {ref_cloud}")
    print(f"reference: {len(items)} items after the acquisition rule, {compared} cell-days compared, "
          f"{len(problems)} problems")
    for p in problems[:20]:
        print(p)
    return 1 if problems or compared == 0 else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    key = "eo:cloud_cover"
    if args[0] == "--value-key":
        key, args = args[1], args[2:]
    sys.exit(main(int(args[0]), args[1], args[2], args[3:], key))
