/** @file items_schema.h
 * @brief The SQL layout of items.gpkg (the GeoPackage core tables, the `items` feature table
 * with its R-tree, the slices and metadata tables). Internal to src/store; items_gpkg.h
 * documents the layout for users.
 */
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "stac/item.h"
#include "store/sqlite_db.h"

namespace stac2h3::store {

/** The fixed text columns of `items`, in table order (after fid and geom); the REAL value
 * columns (stac::kValueNames) follow them, then the extra columns. */
inline constexpr std::array<std::string_view, 6> kItemTextColumns = {
    "id", "collection", "datetime", "platform", "mgrs_tile", "processing_baseline"};

/** The nullable TEXT column holding each item's `self` link. Files written before it existed
 * lack it: readers read NULL, writers add it. It follows the value columns. */
inline constexpr std::string_view kSelfHrefColumn = "self_href";

/** Opens an items file for reading (read-write only when a killed writer left a journal or
 * WAL to recover). @throws stac2h3::Error when it is missing or not a database. */
SqliteDb openItemsReadOnly(const std::filesystem::path& path);

/** Creates every table of an empty GeoPackage with no extra columns (one transaction),
 * with the history of ensureItemsHistory(). */
void createItemsSchema(SqliteDb& db);

/**
 * Adds what `resample --update` reads to a writable items file that lacks it (files from
 * before it existed; a no-op on a current file): the `items_file_id` metadata entry (a new
 * random UUID), the `stac2h3_replacements` log and the index on `items(datetime)` (built
 * once: a few seconds for a year of items). Runs in the caller's transaction, if any.
 */
void ensureItemsHistory(SqliteDb& db);

/** A new random (version 4) UUID, the identity of a new items file. */
std::string newItemsFileId();

/** Columns every items table has, even a simplified one. */
inline constexpr std::array<std::string_view, 5> kRequiredColumns = {"fid", "geom", "id",
                                                                     "collection", "datetime"};

/** What an existing items table holds. */
struct ItemsColumns {
  std::vector<std::string> fixed;        ///< fixed columns present (required and optional)
  std::vector<std::string> extra;        ///< extra property columns, in table order
  std::vector<std::string> extra_types;  ///< their declared types, upper case ("REAL", "TEXT")
  bool complete = false;  ///< every fixed column but perhaps self_href present (not simplified)
  /** True when `name` is a fixed column present. */
  bool has(std::string_view name) const;
  /** True when `name` is a value column present or a REAL extra column: one resample can
   * map. */
  bool isNumeric(std::string_view name) const;
  /** True when `name` is any column present. */
  bool hasAny(std::string_view name) const;
};

/** The columns of the items table.
 * @throws stac2h3::Error when `items` is missing or lacks a required column. */
ItemsColumns readItemsColumns(SqliteDb& db);

/** True for fid, geom, the text columns, the value columns and self_href. */
bool isFixedColumn(std::string_view name);

/** The declared type of an extra column holding `value` (the first value stored in it):
 * "REAL" for a number, "TEXT" otherwise. */
std::string_view extraColumnType(const stac::PropertyValue& value);

/** Adds an extra column of declared type `type` ("REAL" or "TEXT") to `items`.
 * @throws InputError when `column` is the name of a fixed column. */
void addExtraColumn(SqliteDb& db, const std::string& column, std::string_view type);

}  // namespace stac2h3::store
