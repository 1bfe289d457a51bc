"""Appends one feature to an items GeoPackage through GDAL/OGR, as QGIS would.

Usage: append_with_gdal.py ITEMS.gpkg
Writes an item 'appended-by-gdal' with the footprint (1..3, 2..4) and prints its fid; the
file's own R-tree triggers must index it.
"""
import sys

from osgeo import ogr

ogr.UseExceptions()
source = ogr.Open(sys.argv[1], update=1)
layer = source.GetLayerByName("items")
feature = ogr.Feature(layer.GetLayerDefn())
feature.SetField("id", "appended-by-gdal")
feature.SetField("collection", "sentinel-2-l2a")
feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOLYGON (((1 2, 3 2, 3 4, 1 4, 1 2)))"))
layer.CreateFeature(feature)
print(feature.GetFID())
source = None
