/** @file items_writer.cpp
 * @brief ItemsWriter: batches of items into items.gpkg, one transaction each, with the
 * resume and metadata tables.
 *
 * Journal: WAL with synchronous=NORMAL while writing. A committed batch survives a SIGKILL
 * (it is in the -wal file, which the next opener replays) without an fsync per batch; the
 * file goes back to a single-file rollback journal when the writer closes cleanly.
 *
 * History: a replacement (a stored (collection, id) written again) is an UPDATE that keeps
 * the fid, logged in stac2h3_replacements with the datetime the row had, in the batch's
 * transaction; `resample --update` reads that log and the rows past the fid it last saw.
 *
 * Speed: a batch suspends the R-tree triggers (RtreeTriggers) and writes each row's R-tree
 * entry itself from the envelope it has just encoded, so no SQL function runs per row and
 * the INSERT needs no statement journal; the triggers are back before COMMIT.
 */
#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <optional>

#include "store/gpkg_geometry.h"
#include "store/gpkg_rtree_triggers.h"
#include "store/gpkg_sql_functions.h"
#include "store/items_gpkg.h"
#include "store/items_schema.h"
#include "store/sqlite_db.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

// How long a writer waits for another connection's write lock before giving up.
constexpr int kBusyTimeoutMs = 10000;

/** The columns every write sets, in bind order (id and collection, the key, come apart). */
std::vector<std::string> rowColumns(const std::vector<std::string>& extra_columns) {
  std::vector<std::string> columns = {"geom"};
  for (std::string_view c : kItemTextColumns) {
    if (c != "id" && c != "collection") columns.emplace_back(c);
  }
  for (std::string_view c : stac::kValueNames) columns.emplace_back(c);
  columns.emplace_back(kSelfHrefColumn);
  for (const std::string& c : extra_columns) columns.push_back(quoteIdentifier(c));
  return columns;
}

// Inserts nothing when (collection, id) is stored already (no RETURNING: it doubles the cost
// of an insert, while sqlite3_changes and the last rowid say the same). The ON CONFLICT
// clause is safe only because the R-tree triggers are suspended while it runs: it would
// override the "INSERT OR REPLACE" inside them and make them fail.
std::string insertSql(const std::vector<std::string>& columns) {
  std::string names = "id, collection";
  std::string params = "?, ?";
  for (const std::string& c : columns) {
    names += ", " + c;
    params += ", ?";
  }
  return "INSERT INTO items (" + names + ") VALUES (" + params +
         ") ON CONFLICT (collection, id) DO NOTHING";
}

// Replaces the values of a stored (collection, id) in place (its fid stays) and returns the fid.
std::string updateSql(const std::vector<std::string>& columns) {
  std::string assignments;
  for (const std::string& c : columns)
    assignments += (assignments.empty() ? "" : ", ") + c + " = ?";
  return "UPDATE items SET " + assignments + " WHERE collection = ? AND id = ? RETURNING fid";
}

std::string nowUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

/**
 * Makes sure `file` exists as a complete items GeoPackage: a new one is built under a
 * temporary name and renamed into place, so a kill at any moment leaves either no file or
 * one with the whole schema, never an empty database that readers would reject.
 * @return `file`.
 */
const std::filesystem::path& ensureItemsFile(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) return file;
  const std::filesystem::path partial = file.string() + ".partial";
  std::filesystem::remove(partial);
  {
    SqliteDb fresh(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    createItemsSchema(fresh);
  }
  std::filesystem::rename(partial, file);
  return file;
}

}  // namespace

std::string extraColumnName(std::string_view property_key) {
  std::string name(property_key);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
  }
  return name;
}

struct ItemsWriter::Impl {
  Impl(const std::filesystem::path& file, std::vector<std::string> extra_properties)
      : path(file), db(ensureItemsFile(file), SQLITE_OPEN_READWRITE) {
    sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
    registerGpkgSqlFunctions(db.handle());
    // Each page a batch dirties costs a system call at commit and again at checkpoint: a
    // 64 MB page cache keeps the R-tree and the unique index in memory, and a checkpoint
    // every 16,384 pages of WAL (128 MB with 8 KiB pages, not the default 1,000) copies a
    // page changed by many batches only once.
    // temp_store = MEMORY keeps statement journals (a statement's undo log, needed when
    // another program's triggers are on the table) off disk: they are never needed after a
    // crash, which rolls back through the WAL.
    db.exec(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; "
        "PRAGMA wal_autocheckpoint = 16384; PRAGMA temp_store = MEMORY;");
    if (!db.hasTable("items")) {
      SqliteStatement any = db.prepare("SELECT 1 FROM sqlite_master");
      if (any.step()) throw Error(file.string() + ": not an items GeoPackage (no 'items' table)");
      createItemsSchema(db);
    }
    const ItemsColumns present = readItemsColumns(db);
    if (!present.complete) {
      throw Error(file.string() +
                  ": a simplified items file (some columns dropped) cannot be "
                  "written to; write a new file");
    }
    if (!present.has(kSelfHrefColumn)) {  // a file from before the self link was stored
      db.exec("ALTER TABLE items ADD COLUMN " + std::string(kSelfHrefColumn) + " TEXT");
    }
    db.exec("BEGIN IMMEDIATE");
    try {
      ensureItemsHistory(db);
      db.exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    for (const std::string& key : extra_properties) {
      const std::string column = extraColumnName(key);
      if (isFixedColumn(column)) {
        throw InputError("extra property column '" + column + "' collides with a fixed column");
      }
      if (std::find(extra_columns.begin(), extra_columns.end(), column) != extra_columns.end()) {
        throw InputError("two extra properties share the column name '" + column + "'");
      }
      extra_columns.push_back(column);
      extra_stored.push_back(std::find(present.extra.begin(), present.extra.end(), column) !=
                             present.extra.end());
    }
    rtree_triggers.emplace(db, "items", "geom");
    prepareRowStatements();
    index_row.emplace(db.prepare("INSERT OR REPLACE INTO rtree_items_geom VALUES (?, ?, ?, ?, ?)"));
    stored_row.emplace(
        db.prepare("SELECT fid, datetime FROM items WHERE collection = ? AND id = ?"));
    log_replacement.emplace(
        db.prepare("INSERT INTO stac2h3_replacements (fid, datetime_before) VALUES (?, ?)"));
    mark_slice.emplace(
        db.prepare("INSERT INTO stac2h3_slices (key, finished) VALUES (?, ?) "
                   "ON CONFLICT (key) DO UPDATE SET finished = excluded.finished"));
    touch.emplace(
        db.prepare("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                   "WHERE table_name = 'items'"));
  }

  /** (Re)prepares the insert and update over the extra columns the table has. */
  void prepareRowStatements() {
    std::vector<std::string> stored;
    for (size_t i = 0; i < extra_columns.size(); ++i) {
      if (extra_stored[i]) stored.push_back(extra_columns[i]);
    }
    const std::vector<std::string> columns = rowColumns(stored);
    insert.emplace(db.prepare(insertSql(columns)));
    update.emplace(db.prepare(updateSql(columns)));
  }

  /** Adds the extra columns that first get a value in `items` (inside the batch's
   * transaction), typed by that value: a column exists once some item had the key. */
  void addColumnsFor(std::span<const stac::Item> items) {
    bool added = false;
    for (size_t i = 0; i < extra_columns.size(); ++i) {
      if (extra_stored[i]) continue;
      for (const stac::Item& item : items) {
        if (i >= item.extra.size() || std::holds_alternative<std::monostate>(item.extra[i])) {
          continue;
        }
        addExtraColumn(db, extra_columns[i], extraColumnType(item.extra[i]));
        extra_stored[i] = true;
        added = true;
        break;
      }
    }
    if (added) prepareRowStatements();
  }

  ~Impl() {
    insert.reset();
    update.reset();
    index_row.reset();
    stored_row.reset();
    log_replacement.reset();
    mark_slice.reset();
    touch.reset();
    // Back to a single file; harmless when another connection keeps the WAL alive.
    sqlite3_exec(db.handle(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
  }

  /** Binds `blob` (the encoded footprint), the text columns but id/collection, the values,
   * the self link and the extras from `column` on; leaves `column` at the next free index. */
  void bindRow(SqliteStatement& row, int& column, const stac::Item& item) {
    row.bindBlob(column++, blob);
    for (const std::string* text :
         {&item.datetime, &item.platform, &item.mgrs_tile, &item.processing_baseline}) {
      row.bindTextOrNull(column++, *text);
    }
    for (double value : item.values) row.bindRealOrNull(column++, value);
    row.bindTextOrNull(column++, item.self_href);
    for (size_t i = 0; i < item.extra.size(); ++i) {
      if (!extra_stored[i]) continue;  // no item had the key yet: the value is missing
      const stac::PropertyValue& extra = item.extra[i];
      if (const double* number = std::get_if<double>(&extra)) {
        row.bindRealOrNull(column++, *number);
      } else if (const std::string* text = std::get_if<std::string>(&extra)) {
        row.bindText(column++, *text);
      } else {
        row.bindNull(column++);
      }
    }
  }

  void markSlice(const std::string& key) {
    mark_slice->reset();
    mark_slice->bindText(1, key);
    mark_slice->bindText(2, nowUtc());
    mark_slice->step();
  }

  /** Logs that the stored row of (item.collection, item.id) is being replaced, with the
   * datetime it has before (in the batch's transaction). */
  void logReplacement(const stac::Item& item) {
    stored_row->bindText(1, item.collection);
    stored_row->bindText(2, item.id);
    if (!stored_row->step()) throw Error(path.string() + ": item " + item.id + " vanished");
    log_replacement->bindInt(1, stored_row->columnInt(0));
    if (stored_row->columnIsNull(1)) {
      log_replacement->bindNull(2);
    } else {
      log_replacement->bindText(2, stored_row->columnText(1));
    }
    log_replacement->step();
    log_replacement->reset();
    stored_row->reset();
  }

  /** Stores one item (inserted, or replacing the stored (collection, id) in place) and its
   * R-tree entry. @return true when it was new. */
  bool store(const stac::Item& item) {
    encodeGpkgGeometry(item.footprint, blob);
    int column = 1;
    insert->bindText(column++, item.id);
    insert->bindText(column++, item.collection);
    bindRow(*insert, column, item);
    insert->step();
    const bool added = db.changes() == 1;
    int64_t fid = added ? db.lastInsertRowid() : 0;
    insert->reset();
    if (!added) {
      logReplacement(item);
      column = 1;
      bindRow(*update, column, item);
      update->bindText(column++, item.collection);
      update->bindText(column, item.id);
      update->step();
      fid = update->columnInt(0);
      update->reset();
    }
    const Envelope envelope = gpkgEnvelope(blob);
    index_row->bindInt(1, fid);
    index_row->bindReal(2, envelope.min_x);
    index_row->bindReal(3, envelope.max_x);
    index_row->bindReal(4, envelope.min_y);
    index_row->bindReal(5, envelope.max_y);
    index_row->step();
    index_row->reset();
    return added;
  }

  /** ItemsWriter::write, in one transaction. */
  int64_t writeBatch(std::span<const stac::Item> items, const std::string& finished_slice);

  /** Runs `body` in one write transaction, rolling back when it throws. */
  template <typename Body>
  auto inTransaction(Body&& body) {
    db.exec("BEGIN IMMEDIATE");
    try {
      auto result = body();
      db.exec("COMMIT");
      return result;
    } catch (...) {
      sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  std::filesystem::path path;
  SqliteDb db;
  std::vector<std::string> extra_columns;  ///< column of each Item::extra entry
  std::vector<bool> extra_stored;          ///< that column exists in the table
  std::optional<RtreeTriggers> rtree_triggers;
  std::optional<SqliteStatement> insert;
  std::optional<SqliteStatement> update;
  std::optional<SqliteStatement> index_row;
  std::optional<SqliteStatement> stored_row;       ///< fid and datetime of a (collection, id)
  std::optional<SqliteStatement> log_replacement;  ///< a row into stac2h3_replacements
  std::optional<SqliteStatement> mark_slice;
  std::optional<SqliteStatement> touch;
  std::vector<uint8_t> blob;
};

ItemsWriter::ItemsWriter(const std::filesystem::path& path,
                         std::vector<std::string> extra_properties)
    : impl_(std::make_unique<Impl>(path, std::move(extra_properties))) {}

ItemsWriter::~ItemsWriter() = default;

int64_t ItemsWriter::write(std::span<const stac::Item> items, const std::string& finished_slice) {
  Impl& s = *impl_;
  // A rolled-back batch takes the columns it added with it.
  const std::vector<bool> stored_before = s.extra_stored;
  try {
    return s.writeBatch(items, finished_slice);
  } catch (...) {
    if (s.extra_stored != stored_before) {
      s.extra_stored = stored_before;
      s.prepareRowStatements();
    }
    throw;
  }
}

int64_t ItemsWriter::Impl::writeBatch(std::span<const stac::Item> items,
                                      const std::string& finished_slice) {
  Impl& s = *this;
  return s.inTransaction([&] {
    int64_t added = 0;
    for (const stac::Item& item : items) {
      if (item.extra.size() != s.extra_columns.size()) {
        throw Error(s.path.string() + ": item " + item.id + " has " +
                    std::to_string(item.extra.size()) + " extra values, the file expects " +
                    std::to_string(s.extra_columns.size()));
      }
    }
    s.addColumnsFor(items);
    if (!items.empty()) s.rtree_triggers->suspend();
    for (const stac::Item& item : items) {
      if (item.footprint.empty()) {
        throw Error(s.path.string() + ": item " + item.id + " has an empty footprint");
      }
      added += s.store(item) ? 1 : 0;
    }
    if (!items.empty()) s.rtree_triggers->restore();
    if (!finished_slice.empty()) s.markSlice(finished_slice);
    s.touch->reset();
    s.touch->step();
    return added;
  });
}

void ItemsWriter::markSliceDone(const std::string& key) {
  impl_->inTransaction([&] {
    impl_->markSlice(key);
    return 0;
  });
}

std::set<std::string> ItemsWriter::doneSlices() const {
  SqliteStatement query = impl_->db.prepare("SELECT key FROM stac2h3_slices");
  std::set<std::string> keys;
  while (query.step()) keys.emplace(query.columnText(0));
  return keys;
}

void ItemsWriter::setMetadata(const std::string& key, const std::string& value) {
  impl_->inTransaction([&] {
    SqliteStatement upsert = impl_->db.prepare(
        "INSERT INTO stac2h3_metadata (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bindText(1, key);
    upsert.bindText(2, value);
    upsert.step();
    return 0;
  });
}

std::map<std::string, std::string> ItemsWriter::metadata() const {
  SqliteStatement query = impl_->db.prepare("SELECT key, value FROM stac2h3_metadata");
  std::map<std::string, std::string> entries;
  while (query.step()) entries.emplace(query.columnText(0), query.columnText(1));
  return entries;
}

int64_t ItemsWriter::itemCount() const {
  SqliteStatement query = impl_->db.prepare("SELECT count(*) FROM items");
  query.step();
  return query.columnInt(0);
}

const std::filesystem::path& ItemsWriter::path() const {
  return impl_->path;
}

}  // namespace stac2h3::store
