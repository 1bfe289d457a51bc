/** @file items_gpkg.h
 * @brief The items GeoPackage (items.gpkg): writing batches of stac::Item, the resume table
 * of finished download slices, the key/value metadata table, and fast streaming reads.
 *
 * File layout (the contract between download/import/synth and cells/resample; the README's
 * "Items table" section says the same):
 * - table `items`: `fid` INTEGER PRIMARY KEY, `geom` MULTIPOLYGON (EPSG:4326, GeoPackage
 *   binary with an XY envelope, R-tree spatial index `rtree_items_geom`), `id` TEXT,
 *   `collection` TEXT, `datetime` TEXT (UTC ISO 8601), `platform` TEXT, `mgrs_tile` TEXT,
 *   `processing_baseline` TEXT, REAL `cloud_cover`, `nodata`, `snow_ice`, `vegetation`,
 *   `not_vegetated`, `water` (NULL when unknown, never 0), `self_href` TEXT (the item's
 *   `self` link, NULL when it has none; absent from older files, where it reads as NULL and
 *   a writer adds it), then one column per extra
 *   property (its key with ':' replaced by '_'), REAL when the first value stored in it was
 *   a JSON number, TEXT otherwise, added when some item first has the key; UNIQUE
 *   (collection, id).
 * - table `stac2h3_slices` (fid, key TEXT UNIQUE, finished TEXT): finished download slices.
 * - table `stac2h3_metadata` (fid, key TEXT UNIQUE, value TEXT): source API, collection,
 *   query, software version... copied into the cube's attributes; `items_file_id`, a random
 *   UUID naming the file (a simplified copy gets its own).
 * - table `stac2h3_replacements` (seq INTEGER PRIMARY KEY AUTOINCREMENT, fid INTEGER,
 *   datetime_before TEXT): one row per replacement of a stored (collection, id), written in
 *   the batch's transaction, with the datetime the row had before. Rows are never deleted
 *   and new rows get ever larger fids, so "rows with fid > F" and "replacements with
 *   seq > S" are everything that changed since a reader saw F and S (`resample --update`).
 * - index `items_datetime` on items(datetime): reading the rows of a few days is a range
 *   scan (ItemsQuery::datetime_from/datetime_before).
 * Writers add the last three to older files.
 *
 * Written with sqlite3 directly rather than through OGR: prepared statements inside one
 * transaction per batch avoid OGR's per-feature overhead, and the unique (collection, id)
 * rule needs a lookup OGR does not offer. The file is a standard GeoPackage 1.3 that
 * ogrinfo, QGIS and geopandas read.
 */
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/geometry.h"
#include "stac/item.h"

namespace stac2h3::store {

/** Table names. */
inline constexpr std::string_view kItemsTable = "items";
inline constexpr std::string_view kSlicesTable = "stac2h3_slices";
inline constexpr std::string_view kMetadataTable = "stac2h3_metadata";
inline constexpr std::string_view kReplacementsTableName = "stac2h3_replacements";

/** Well-known metadata keys (any other key may be stored too). */
inline constexpr std::string_view kMetaSourceApi = "source_api";       ///< e.g. the API URL
inline constexpr std::string_view kMetaCollection = "collection";      ///< e.g. sentinel-2-l2a
inline constexpr std::string_view kMetaQuery = "query";                ///< the query as JSON
inline constexpr std::string_view kMetaSoftware = "software_version";  ///< "stac2h3 0.1.0"
/** A random UUID given to the file when it is created (or first written by a version that
 * knows it): a cube records it so that `resample --update` reads only the file it came from. */
inline constexpr std::string_view kMetaItemsFileId = "items_file_id";

/** The column name of an extra property key: ':' (and any character other than a letter,
 * digit or '_') becomes '_', e.g. "s2:product_uri" -> "s2_product_uri". */
std::string extraColumnName(std::string_view property_key);

/**
 * Writes an items GeoPackage. Each write() is one transaction: a SIGKILL at any moment
 * leaves a valid file holding every batch whose write() returned.
 *
 * Duplicates: items are unique by (collection, id); a later copy REPLACES the stored row
 * (its values and footprint), so re-running a download refreshes reprocessed items and the
 * row count never grows from repeats.
 *
 * Thread-safety: none. One ItemsWriter per file and all calls from one thread at a time
 * (funnel the writes of parallel downloads through one thread). A second writer on the
 * same file, in this or another process, waits up to 10 s for the lock, then throws.
 */
class ItemsWriter {
 public:
  /**
   * Opens `path`, creating the GeoPackage and its tables when the file does not exist.
   * @param path              the .gpkg file.
   * @param extra_properties  the extra property keys, in the order of Item::extra; a column
   *                          missing from the file is added by the first write() where some
   *                          item has a value for its key, REAL for a number, else TEXT.
   * @throws stac2h3::Error when the file cannot be created or opened, is not a GeoPackage
   *         with an `items` table of this layout, or an extra column name collides with a
   *         fixed column or with another key's column.
   */
  explicit ItemsWriter(const std::filesystem::path& path,
                       std::vector<std::string> extra_properties = {});
  ~ItemsWriter();
  ItemsWriter(const ItemsWriter&) = delete;
  ItemsWriter& operator=(const ItemsWriter&) = delete;

  /**
   * Writes a batch in one transaction; optionally marks a slice finished in the same
   * transaction (so a slice is never recorded without its last items).
   * @param items           items whose footprint is not empty (an empty one throws).
   * @param finished_slice  a slice key to record as finished, or "" for none.
   * @return how many of the items were new (not replacing a stored (collection, id)).
   * @throws stac2h3::Error on a disk or database error (the batch is rolled back) or when
   *         an item has the wrong number of extra values or an empty footprint.
   */
  int64_t write(std::span<const stac::Item> items, const std::string& finished_slice = "");

  /** Records a finished slice (its own transaction). @throws stac2h3::Error on failure. */
  void markSliceDone(const std::string& key);
  /** The keys of every finished slice. */
  std::set<std::string> doneSlices() const;

  /** Sets one metadata entry (its own transaction). @throws stac2h3::Error on failure. */
  void setMetadata(const std::string& key, const std::string& value);
  /** Every metadata entry. */
  std::map<std::string, std::string> metadata() const;

  /** Rows in the items table. */
  int64_t itemCount() const;
  /** The file's path. */
  const std::filesystem::path& path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/** One row as stored, without decoding the footprint. The views point into the reader's
 * buffers and stay valid until the next call to ItemsReader::next. */
struct RawItem {
  int64_t fid = 0;
  std::string_view id, collection, datetime, platform, mgrs_tile, processing_baseline;
  std::array<double, stac::kNumValues> values{};  ///< NaN for NULL
  /** The ItemsQuery::value_columns in order, NaN for NULL (and for text in a REAL column). */
  std::span<const double> numbers;
  std::string_view self_href;  ///< empty for NULL
  /** The GeoPackage geometry blob (header + WKB). Equal blobs are equal footprints, so a
   * caller can recognise repeated footprints without decoding them. */
  std::span<const uint8_t> geometry;
};

/** What an ItemsReader reads besides the fixed columns. */
struct ItemsQuery {
  /** Columns read as numbers into RawItem::numbers, in this order: value columns (NULL when
   * a simplified file dropped them) or REAL extra columns (the six value columns by
   * default). */
  std::vector<std::string> value_columns{stac::kValueNames.begin(), stac::kValueNames.end()};
  /** Boxes {west, south, east, north} in degrees (west <= east): only rows whose R-tree
   * envelope meets one of them (a superset of the footprints that do; a file without the
   * R-tree is read without this filter). Empty: everywhere. */
  std::vector<std::array<double, 4>> boxes;
  /** Only rows whose `datetime` text sorts in [datetime_from, datetime_before) (ISO 8601
   * text compares as time for one offset; widen by a day to catch other offsets); "" leaves
   * that end open. */
  std::string datetime_from;
  std::string datetime_before;
  /** false: what the resampler needs only: `platform`, `self_href` and the extra columns
   * (other than value_columns) are not read (RawItem's stay empty, Item::extra too). */
  bool all_columns = true;
};

/**
 * Streams the items table in fid order (insertion order). Read-only; any number of readers
 * may run, also while a writer is writing (each sees the committed batches).
 */
class ItemsReader {
 public:
  /** @throws stac2h3::Error when `path` is missing or not an items GeoPackage;
   *          stac2h3::InputError when a value column is missing or holds text (TEXT). */
  explicit ItemsReader(const std::filesystem::path& path, const ItemsQuery& query = {});
  ~ItemsReader();
  ItemsReader(const ItemsReader&) = delete;
  ItemsReader& operator=(const ItemsReader&) = delete;

  /** Rows in the items table (a COUNT, cheap thanks to the primary key). */
  int64_t count() const;
  /** Names of the extra columns, in table order. */
  const std::vector<std::string>& extraColumns() const;

  /**
   * The next row, decoded into `item` (its buffers are reused: pass the same Item each call).
   * @return false at the end.
   * @throws stac2h3::Error on a database error or an undecodable geometry (naming the fid).
   */
  bool next(stac::Item& item);
  /** The next row without decoding its footprint; false at the end. */
  bool next(RawItem& raw);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/**
 * Decodes a GeoPackage geometry blob holding a Polygon or MultiPolygon.
 * @param blob  the blob (GeoPackage header, optional envelope, WKB, either byte order).
 * @param out   receives the footprint (its buffers are reused).
 * @throws stac2h3::Error when the blob is truncated or not a (Multi)Polygon.
 */
void decodeGpkgGeometry(std::span<const uint8_t> blob, geo::MultiPolygon& out);

/**
 * Calls `callback` for every item of the file, in insertion order.
 * @throws stac2h3::Error as ItemsReader, or whatever the callback throws.
 */
void readItems(const std::filesystem::path& path,
               const std::function<void(const stac::Item&)>& callback);

/** The metadata table of an items file. @throws stac2h3::Error when unreadable. */
std::map<std::string, std::string> readMetadata(const std::filesystem::path& path);

}  // namespace stac2h3::store
