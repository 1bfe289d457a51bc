"""Independent check of an items GeoPackage written by stac2h3 from real NDJSON files.

Usage: check_items_gpkg.py ITEMS.gpkg SOURCE.ndjson...
Reads the GeoPackage with geopandas (GDAL/OGR underneath) and the sources with the json
module, and checks, for every item: the value columns against the s2:* / eo:* properties
(NULL where the property is absent or null), the footprint area and bounds against
shapely, the R-tree, and that the geometry column is a MultiPolygon in EPSG:4326.
Prints "ok N" on success; exits 1 with a message otherwise.
"""
import json
import math
import sys

import geopandas
import shapely.geometry

VALUES = {
    "cloud_cover": "eo:cloud_cover",
    "nodata": "s2:nodata_pixel_percentage",
    "snow_ice": "s2:snow_ice_percentage",
    "vegetation": "s2:vegetation_percentage",
    "not_vegetated": "s2:not_vegetated_percentage",
    "water": "s2:water_percentage",
}


def fail(message):
    print(message)
    sys.exit(1)


def main():
    gpkg, sources = sys.argv[1], sys.argv[2:]
    frame = geopandas.read_file(gpkg, layer="items")
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        fail(f"crs is {frame.crs}")
    if set(frame.geom_type) != {"MultiPolygon"}:
        fail(f"geometry types {set(frame.geom_type)}")
    rows = {(r.collection, r.id): r for r in frame.itertuples()}
    checked = 0
    for source in sources:
        for line in open(source):
            item = json.loads(line)
            if not item.get("geometry"):
                continue
            row = rows.get((item.get("collection", ""), item["id"]))
            if row is None:
                fail(f"{item['id']} missing")
            props = item["properties"]
            for column, key in VALUES.items():
                # Older Earth Search items spell s2:* as sentinel2:* (same meaning).
                expected = props.get(key, props.get(key.replace("s2:", "sentinel2:")))
                got = getattr(row, column)
                if expected is None:
                    if not (got is None or (isinstance(got, float) and math.isnan(got))):
                        fail(f"{item['id']} {column}: expected NULL, got {got}")
                elif not math.isclose(float(got), float(expected), rel_tol=0, abs_tol=1e-12):
                    fail(f"{item['id']} {column}: expected {expected}, got {got}")
            source_shape = shapely.geometry.shape(item["geometry"])
            stored = row.geometry
            crosses = source_shape.bounds[2] - source_shape.bounds[0] > 180
            if not crosses and not math.isclose(stored.area, source_shape.area, rel_tol=1e-9):
                fail(f"{item['id']}: area {stored.area} != {source_shape.area}")
            if stored.bounds[0] < -180 or stored.bounds[2] > 180:
                fail(f"{item['id']}: bounds {stored.bounds}")
            checked += 1
    # The spatial index answers a bbox query like a full scan does.
    box = (-110.0, 36.0, -104.0, 40.0)
    indexed = geopandas.read_file(gpkg, layer="items", bbox=box)
    scanned = frame[frame.intersects(shapely.geometry.box(*box))]
    if len(indexed) < len(scanned) or len(scanned) == 0:
        fail(f"bbox query returned {len(indexed)}, scan {len(scanned)}")
    print(f"ok {checked}")


main()
