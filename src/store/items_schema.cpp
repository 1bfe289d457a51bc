/** @file items_schema.cpp
 * @brief GeoPackage 1.3 core tables and the items layout, created with plain SQL.
 */
#include "store/items_schema.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>

#include "stac/item.h"
#include "store/gpkg_geometry.h"
#include "store/items_gpkg.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

// 'GPKG' as the SQLite application id and 10300 as user_version mark a GeoPackage 1.3.
constexpr const char* kCoreTables = R"sql(
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326,
   'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (
  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
)sql";

constexpr const char* kItemsTables = R"sql(
CREATE TABLE items (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON,
  id TEXT NOT NULL, collection TEXT NOT NULL, datetime TEXT, platform TEXT, mgrs_tile TEXT,
  processing_baseline TEXT, cloud_cover REAL, nodata REAL, snow_ice REAL, vegetation REAL,
  not_vegetated REAL, water REAL, self_href TEXT,
  CONSTRAINT items_collection_id UNIQUE (collection, id));
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
  VALUES ('items', 'features', 'items', 'Sentinel-2 L2A STAC items (stac2h3)', -180, -90, 180, 90, 4326);
INSERT INTO gpkg_geometry_columns VALUES ('items', 'geom', 'MULTIPOLYGON', 4326, 0, 0);
CREATE VIRTUAL TABLE rtree_items_geom USING rtree(id, minx, maxx, miny, maxy);
INSERT INTO gpkg_extensions VALUES ('items', 'geom', 'gpkg_rtree_index',
  'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
CREATE TRIGGER rtree_items_geom_insert AFTER INSERT ON items
  WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
  BEGIN INSERT OR REPLACE INTO rtree_items_geom VALUES (NEW.fid,
    ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER rtree_items_geom_update1 AFTER UPDATE OF geom ON items
  WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
  BEGIN INSERT OR REPLACE INTO rtree_items_geom VALUES (NEW.fid,
    ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER rtree_items_geom_update2 AFTER UPDATE OF geom ON items
  WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
  BEGIN DELETE FROM rtree_items_geom WHERE id = OLD.fid; END;
CREATE TRIGGER rtree_items_geom_update3 AFTER UPDATE ON items
  WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
  BEGIN DELETE FROM rtree_items_geom WHERE id = OLD.fid;
    INSERT OR REPLACE INTO rtree_items_geom VALUES (NEW.fid,
    ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER rtree_items_geom_update4 AFTER UPDATE ON items
  WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
  BEGIN DELETE FROM rtree_items_geom WHERE id IN (OLD.fid, NEW.fid); END;
CREATE TRIGGER rtree_items_geom_delete AFTER DELETE ON items WHEN old.geom NOT NULL
  BEGIN DELETE FROM rtree_items_geom WHERE id = OLD.fid; END;
CREATE TABLE stac2h3_slices (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  key TEXT NOT NULL UNIQUE, finished TEXT NOT NULL);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('stac2h3_slices', 'attributes', 'stac2h3_slices', 'download slices already finished');
CREATE TABLE stac2h3_metadata (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  key TEXT NOT NULL UNIQUE, value TEXT);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('stac2h3_metadata', 'attributes', 'stac2h3_metadata', 'source API, collection, query');
)sql";

// The history `resample --update` reads: which rows a replacement changed, and which day each
// left; rows only ever get new, larger fids, so new rows need no log.
constexpr const char* kReplacementsTable = R"sql(
CREATE TABLE stac2h3_replacements (seq INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  fid INTEGER NOT NULL, datetime_before TEXT);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('stac2h3_replacements', 'attributes', 'stac2h3_replacements',
          'rows replaced in place (fid) and the datetime each had before');
)sql";

}  // namespace

bool isFixedColumn(std::string_view name) {
  if (name == "fid" || name == "geom" || name == kSelfHrefColumn) return true;
  if (std::find(kItemTextColumns.begin(), kItemTextColumns.end(), name) != kItemTextColumns.end()) {
    return true;
  }
  return std::find(stac::kValueNames.begin(), stac::kValueNames.end(), name) !=
         stac::kValueNames.end();
}

void createItemsSchema(SqliteDb& db) {
  // Only an empty database takes a page size. A commit writes every page a batch touched in
  // the unique index and the R-tree (whose nodes are a page each): in bench_items 8 KiB
  // pages stored 10-30 % faster than 4 KiB (fewer pages, a shallower R-tree) and as fast as
  // 16 KiB.
  db.exec("PRAGMA page_size = 8192");
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(kCoreTables);
    db.exec(kItemsTables);
    ensureItemsHistory(db);
    db.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void ensureItemsHistory(SqliteDb& db) {
  if (!db.hasTable(kReplacementsTableName)) db.exec(kReplacementsTable);
  db.exec("CREATE INDEX IF NOT EXISTS items_datetime ON items (datetime)");
  SqliteStatement id = db.prepare(
      "INSERT INTO stac2h3_metadata (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING");
  id.bindText(1, kMetaItemsFileId);
  id.bindText(2, newItemsFileId());
  id.step();
}

std::string newItemsFileId() {
  std::random_device entropy;  // /dev/urandom on Linux
  std::array<uint8_t, 16> bytes{};
  for (size_t i = 0; i < bytes.size(); i += 4) {
    const uint32_t word = entropy();
    for (size_t b = 0; b < 4; ++b) bytes[i + b] = static_cast<uint8_t>(word >> (8 * b));
  }
  bytes[6] = static_cast<uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<uint8_t>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
                bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
  return text;
}

bool ItemsColumns::has(std::string_view name) const {
  return std::find(fixed.begin(), fixed.end(), name) != fixed.end();
}

bool ItemsColumns::isNumeric(std::string_view name) const {
  if (std::find(stac::kValueNames.begin(), stac::kValueNames.end(), name) !=
      stac::kValueNames.end()) {
    return has(name);
  }
  const auto found = std::find(extra.begin(), extra.end(), name);
  return found != extra.end() && extra_types[static_cast<size_t>(found - extra.begin())] == "REAL";
}

bool ItemsColumns::hasAny(std::string_view name) const {
  return has(name) || std::find(extra.begin(), extra.end(), name) != extra.end();
}

ItemsColumns readItemsColumns(SqliteDb& db) {
  SqliteStatement info =
      db.prepare("SELECT name, upper(type) FROM pragma_table_info('items') ORDER BY cid");
  ItemsColumns columns;
  bool any = false;
  while (info.step()) {
    any = true;
    std::string name(info.columnText(0));
    if (isFixedColumn(name)) {
      columns.fixed.push_back(std::move(name));
    } else {
      columns.extra.push_back(std::move(name));
      columns.extra_types.emplace_back(info.columnText(1));
    }
  }
  if (!any) throw Error(db.path().string() + ": no 'items' table (not an items GeoPackage)");
  for (std::string_view required : kRequiredColumns) {
    if (!columns.has(required)) {
      throw Error(db.path().string() + ": the 'items' table has no '" + std::string(required) +
                  "' column");
    }
  }
  columns.complete = std::all_of(kItemTextColumns.begin(), kItemTextColumns.end(),
                                 [&](std::string_view name) { return columns.has(name); }) &&
                     std::all_of(stac::kValueNames.begin(), stac::kValueNames.end(),
                                 [&](std::string_view name) { return columns.has(name); });
  return columns;
}

std::string_view extraColumnType(const stac::PropertyValue& value) {
  return std::holds_alternative<double>(value) ? "REAL" : "TEXT";
}

void addExtraColumn(SqliteDb& db, const std::string& column, std::string_view type) {
  if (isFixedColumn(column)) {
    throw InputError("extra property column '" + column + "' collides with a fixed column");
  }
  db.exec("ALTER TABLE items ADD COLUMN " + quoteIdentifier(column) + " " + std::string(type));
}

}  // namespace stac2h3::store
