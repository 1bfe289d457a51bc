/** @file items_reader.cpp
 * @brief ItemsReader / readItems / readMetadata: streaming the items table with one
 * prepared SELECT over a read-only connection.
 */
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>

#include "store/items_gpkg.h"
#include "store/items_schema.h"
#include "store/sqlite_db.h"
#include "util/error.h"

namespace stac2h3::store {

SqliteDb openItemsReadOnly(const std::filesystem::path& path) {
  if (!std::filesystem::is_regular_file(path)) throw Error(path.string() + ": no such file");
  // A writer killed mid-batch leaves a hot rollback journal or a WAL that needs recovery,
  // which a read-only connection cannot replay ("attempt to write a readonly database"): the
  // committed batches are there, so open read-write then, and let sqlite recover them first.
  const bool needs_recovery = std::filesystem::exists(path.string() + "-journal") ||
                              std::filesystem::exists(path.string() + "-wal");
  // A reader's connection is used by one thread at a time: without sqlite's per-call mutex,
  // reading a year of items spends ~10% less CPU.
  return SqliteDb(
      path, (needs_recovery ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX);
}

namespace {

// Columns of the SELECT: fid, geom, the text columns, the values, self_href, the extras.
constexpr int kFirstText = 2;
constexpr int kFirstValue = kFirstText + static_cast<int>(kItemTextColumns.size());
constexpr int kSelfHref = kFirstValue + stac::kNumValues;
constexpr int kFirstExtra = kSelfHref + 1;

std::string sqlNumber(double value) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  return std::string(text, end);
}

/** The WHERE clause of `filter` ("" for none); datetime bounds are parameters 1 and 2. */
std::string whereClause(const ItemsQuery& filter, bool has_rtree) {
  std::vector<std::string> conditions;
  if (!filter.boxes.empty() && has_rtree) {
    std::string boxes;
    for (const auto& [west, south, east, north] : filter.boxes) {
      if (!boxes.empty()) boxes += " UNION ";
      boxes += "SELECT id FROM rtree_items_geom WHERE minx <= " + sqlNumber(east) +
               " AND maxx >= " + sqlNumber(west) + " AND miny <= " + sqlNumber(north) +
               " AND maxy >= " + sqlNumber(south);
    }
    conditions.push_back("fid IN (" + boxes + ")");
  }
  if (!filter.datetime_from.empty()) conditions.emplace_back("datetime >= ?1");
  if (!filter.datetime_before.empty()) conditions.emplace_back("datetime < ?2");
  std::string where;
  for (const std::string& condition : conditions) {
    where += (where.empty() ? " WHERE " : " AND ") + condition;
  }
  return where;
}

}  // namespace

struct ItemsReader::Impl {
  Impl(const std::filesystem::path& file, const ItemsQuery& query)
      : path(file), db(openItemsReadOnly(file)) {
    // No memory map (sqlite's default): a mapped year of items counted ~2 GB of file pages
    // in the reader's resident memory and read no faster than sqlite's page reads.
    const ItemsColumns columns = readItemsColumns(db);
    extra_columns = columns.extra;
    // A simplified or older file may lack optional columns: they read as NULL.
    auto column = [&](std::string_view name) {
      return columns.has(name) ? std::string(name) : "NULL AS " + std::string(name);
    };
    // Columns the query leaves out are selected as NULL: the SELECT keeps its shape, and
    // sqlite decodes nothing for them.
    auto detail = [&](std::string_view name) {
      return query.all_columns ? column(name) : "NULL AS " + std::string(name);
    };
    std::string sql = "SELECT fid, geom";
    for (std::string_view c : kItemTextColumns) {
      sql += ", " + (c == "platform" ? detail(c) : column(c));
    }
    for (std::string_view c : stac::kValueNames) sql += ", " + column(c);
    sql += ", " + detail(kSelfHrefColumn);
    if (query.all_columns) {
      selected_extras = extra_columns.size();
      for (const std::string& c : extra_columns) sql += ", " + quoteIdentifier(c);
    }
    int next_column = kFirstExtra + static_cast<int>(selected_extras);
    for (const std::string& c : query.value_columns) {
      const auto value = std::find(stac::kValueNames.begin(), stac::kValueNames.end(), c);
      if (value != stac::kValueNames.end()) {
        // Read from the value column the SELECT has already (a simplified file's missing
        // one reads as NULL).
        number_columns.push_back(kFirstValue + static_cast<int>(value - stac::kValueNames.begin()));
      } else if (columns.isNumeric(c)) {
        sql += ", " + quoteIdentifier(c);
        number_columns.push_back(next_column++);
      } else {
        throw InputError(
            path.string() + ": column '" + c + "' " +
            (columns.hasAny(c) ? "holds text (TEXT), not numbers" : "is not in the items table"));
      }
    }
    numbers.resize(query.value_columns.size());
    const std::string where = whereClause(query, db.hasTable("rtree_items_geom"));
    select.emplace(db.prepare(sql + " FROM items" + where + " ORDER BY fid"));
    if (!query.datetime_from.empty()) select->bindText(1, query.datetime_from);
    if (!query.datetime_before.empty()) select->bindText(2, query.datetime_before);
  }

  std::filesystem::path path;
  SqliteDb db;
  std::vector<std::string> extra_columns;
  size_t selected_extras = 0;       // extra columns in the SELECT (none unless all_columns)
  std::vector<int> number_columns;  // the SELECT's column of each of the query's numbers
  std::vector<double> numbers;
  std::optional<SqliteStatement> select;
};

ItemsReader::ItemsReader(const std::filesystem::path& path, const ItemsQuery& query)
    : impl_(std::make_unique<Impl>(path, query)) {}
ItemsReader::~ItemsReader() = default;

int64_t ItemsReader::count() const {
  SqliteStatement query = impl_->db.prepare("SELECT count(*) FROM items");
  query.step();
  return query.columnInt(0);
}

const std::vector<std::string>& ItemsReader::extraColumns() const {
  return impl_->extra_columns;
}

bool ItemsReader::next(RawItem& raw) {
  SqliteStatement& row = *impl_->select;
  if (!row.step()) return false;
  raw.fid = row.columnInt(0);
  raw.geometry = row.columnBlob(1);
  std::string_view* texts[] = {&raw.id,       &raw.collection, &raw.datetime,
                               &raw.platform, &raw.mgrs_tile,  &raw.processing_baseline};
  for (int i = 0; i < static_cast<int>(kItemTextColumns.size()); ++i) {
    *texts[i] = row.columnText(kFirstText + i);
  }
  // Each value column is read once: as a value (NULL is NaN) and as a number of the query
  // (anything but an integer or a real is NaN), which the six variables by default are.
  std::array<double, stac::kNumValues> value_numbers;
  for (int v = 0; v < stac::kNumValues; ++v) {
    const int type = row.columnType(kFirstValue + v);
    const double value = type == SQLITE_NULL ? std::nan("") : row.columnDouble(kFirstValue + v);
    raw.values[v] = value;
    value_numbers[v] = type == SQLITE_INTEGER || type == SQLITE_FLOAT ? value : std::nan("");
  }
  std::vector<double>& numbers = impl_->numbers;
  for (size_t i = 0; i < numbers.size(); ++i) {
    const int column = impl_->number_columns[i];
    numbers[i] =
        column < kSelfHref ? value_numbers[column - kFirstValue] : row.columnNumberOrNaN(column);
  }
  raw.numbers = numbers;
  raw.self_href = row.columnText(kSelfHref);
  return true;
}

bool ItemsReader::next(stac::Item& item) {
  RawItem raw;
  if (!next(raw)) return false;
  item.id.assign(raw.id);
  item.collection.assign(raw.collection);
  item.datetime.assign(raw.datetime);
  item.platform.assign(raw.platform);
  item.mgrs_tile.assign(raw.mgrs_tile);
  item.processing_baseline.assign(raw.processing_baseline);
  item.values = raw.values;
  item.self_href.assign(raw.self_href);
  const SqliteStatement& row = *impl_->select;
  item.extra.resize(impl_->selected_extras);
  for (size_t i = 0; i < item.extra.size(); ++i) {
    const int column = kFirstExtra + static_cast<int>(i);
    switch (row.columnType(column)) {
      case SQLITE_NULL:
        item.extra[i] = std::monostate{};
        break;
      case SQLITE_INTEGER:
      case SQLITE_FLOAT:
        item.extra[i] = row.columnRealOrNaN(column);
        break;
      default:
        item.extra[i] = std::string(row.columnText(column));
    }
  }
  try {
    decodeGpkgGeometry(raw.geometry, item.footprint);
  } catch (const Error& e) {
    throw Error(impl_->path.string() + ": item fid " + std::to_string(raw.fid) + ": " + e.what());
  }
  return true;
}

void readItems(const std::filesystem::path& path,
               const std::function<void(const stac::Item&)>& callback) {
  ItemsReader reader(path);
  stac::Item item;
  while (reader.next(item)) callback(item);
}

std::map<std::string, std::string> readMetadata(const std::filesystem::path& path) {
  SqliteDb db = openItemsReadOnly(path);
  std::map<std::string, std::string> entries;
  if (!db.hasTable("stac2h3_metadata")) return entries;
  SqliteStatement query = db.prepare("SELECT key, value FROM stac2h3_metadata");
  while (query.step()) entries.emplace(query.columnText(0), query.columnText(1));
  return entries;
}

}  // namespace stac2h3::store
