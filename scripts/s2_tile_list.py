#!/usr/bin/env python3
"""Regenerates src/synth/data/s2_tiles.txt, the codes of ESA's Sentinel-2 tiling grid.

Source: ESA's grid KML (S2A_OPER_GIP_TILPAR_MPC__20151209T095117_V20150622T000000_21000101T000000_B00),
as sen2r's s2_tiles.rds converted to GeoJSON in ../shared/data/s2-tiling-grid/s2_tiles.geojson.gz
(56,686 tiles; see that folder's README). Only the tile codes are kept.

Format: one line per grid zone designator (UTM zone + latitude band), then one word per
100 km column: the column letter followed by the row letters of that column's tiles, e.g.
"33U UPQRSTUV VNPQRSTUV" holds 33UUP ... 33UUV and 33UVN ... 33UVV. Lines starting with '#'
are comments.

Usage: scripts/s2_tile_list.py [GRID.geojson.gz] > src/synth/data/s2_tiles.txt
"""
import collections
import gzip
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
grid = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    here, "..", "..", "shared", "data", "s2-tiling-grid", "s2_tiles.geojson.gz")
with gzip.open(grid, "rt") as f:
    codes = sorted({feature["properties"]["tile_id"] for feature in json.load(f)["features"]})

zones = collections.OrderedDict()
for code in codes:
    assert len(code) == 5 and code[:2].isdigit(), code
    zones.setdefault(code[:3], collections.OrderedDict()).setdefault(code[3], []).append(code[4])

print("# ESA Sentinel-2 tiling grid: %d tile codes, from %s" % (len(codes), os.path.basename(grid)))
print("# (ESA's S2A_OPER_GIP_TILPAR_MPC__20151209T095117 KML via sen2r); regenerate with")
print("# scripts/s2_tile_list.py. Line: zone+band, then per column: column letter + row letters.")
for gzd, columns in zones.items():
    print(gzd + " " + " ".join(column + "".join(rows) for column, rows in columns.items()))
