/** @file rtree_check.h
 * @brief Test helper: checks an items GeoPackage's R-tree index against its rows with plain
 * sqlite3 (no stac2h3 code): the six GeoPackage triggers exist, every row has exactly one
 * index entry, and each entry holds the envelope of the row's geometry blob.
 */
#pragma once

#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>

namespace stac2h3::test {

/** A double from 8 bytes in the given byte order. */
inline double readDouble(const unsigned char* bytes, bool little_endian) {
  unsigned char ordered[8];
  for (int i = 0; i < 8; ++i) ordered[i] = little_endian ? bytes[i] : bytes[7 - i];
  double value = 0;
  std::memcpy(&value, ordered, 8);
  return value;
}

/**
 * Checks the `items` R-tree of `path`.
 * @return "" when the index is complete and right, else the first problem found.
 */
inline std::string rtreeProblem(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open " + path.string();
  }
  std::string problem;
  const auto scalar = [&](const char* sql) {
    sqlite3_stmt* statement = nullptr;
    int64_t value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      value = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
    return value;
  };
  const int64_t triggers = scalar(
      "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'items' AND "
      "name IN ('rtree_items_geom_insert', 'rtree_items_geom_update1', "
      "'rtree_items_geom_update2', 'rtree_items_geom_update3', 'rtree_items_geom_update4', "
      "'rtree_items_geom_delete')");
  const int64_t rows = scalar("SELECT count(*) FROM items");
  const int64_t entries = scalar("SELECT count(*) FROM rtree_items_geom");
  if (triggers != 6) {
    problem = std::to_string(triggers) + " of the 6 R-tree triggers";
  } else if (rows != entries) {
    problem = std::to_string(rows) + " rows but " + std::to_string(entries) + " index entries";
  }
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT i.fid, i.geom, r.minx, r.maxx, r.miny, r.maxy FROM items i "
                     "LEFT JOIN rtree_items_geom r ON r.id = i.fid",
                     -1, &statement, nullptr);
  while (problem.empty() && sqlite3_step(statement) == SQLITE_ROW) {
    const std::string fid = std::to_string(sqlite3_column_int64(statement, 0));
    if (sqlite3_column_type(statement, 2) == SQLITE_NULL) {
      problem = "fid " + fid + " has no index entry";
      break;
    }
    // GeoPackage blob: "GP", version, flags (bit 0 byte order, bits 1-3 envelope kind),
    // srs id, then the envelope (min x, max x, min y, max y first).
    const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(statement, 1));
    const int size = sqlite3_column_bytes(statement, 1);
    if (size < 40 || blob[0] != 'G' || blob[1] != 'P' || ((blob[3] >> 1) & 7) == 0) {
      problem = "fid " + fid + " has no GeoPackage envelope";
      break;
    }
    const bool little = blob[3] & 1;
    for (int k = 0; k < 4; ++k) {
      const double expected = readDouble(blob + 8 + 8 * k, little);
      const double indexed = sqlite3_column_double(statement, 2 + k);
      // The R-tree stores 32-bit floats rounded outwards.
      const bool outwards = k % 2 == 0 ? indexed <= expected : indexed >= expected;
      if (!outwards || std::abs(indexed - expected) > 1e-4) {
        problem = "fid " + fid + " bound " + std::to_string(k) + ": index " +
                  std::to_string(indexed) + ", geometry " + std::to_string(expected);
        break;
      }
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return problem;
}

}  // namespace stac2h3::test
