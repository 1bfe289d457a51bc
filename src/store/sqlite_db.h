/** @file sqlite_db.h
 * @brief A thin RAII layer over sqlite3 (connection, prepared statement) that turns every
 * failure into a one-line stac2h3::Error naming the file. Internal to src/store.
 */
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace stac2h3::store {

class SqliteStatement;

/** One sqlite3 connection. Not thread-safe (sqlite's own serialisation aside). */
class SqliteDb {
 public:
  /**
   * @param path   the database file.
   * @param flags  sqlite3_open_v2 flags, e.g. SQLITE_OPEN_READONLY.
   * @throws stac2h3::Error when the file cannot be opened.
   */
  SqliteDb(const std::filesystem::path& path, int flags);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  /** Runs one or more statements without results. @throws stac2h3::Error on failure. */
  void exec(const std::string& sql);
  /** Compiles one statement. @throws stac2h3::Error on failure. */
  SqliteStatement prepare(const std::string& sql);
  /** True when the table exists. */
  bool hasTable(std::string_view name);
  /** Rows changed by the last INSERT, UPDATE or DELETE that completed. */
  int64_t changes() const { return sqlite3_changes64(db_); }
  /** The rowid of the last row inserted. */
  int64_t lastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  /** An Error naming the file, the action and sqlite's message. */
  [[noreturn]] void fail(const std::string& action) const;

  sqlite3* handle() const { return db_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
};

/** One prepared statement; bind, step, read columns, reset. Indices are 1-based for binds
 * and 0-based for columns, as in sqlite. */
class SqliteStatement {
 public:
  SqliteStatement(SqliteDb& db, sqlite3_stmt* statement) : db_(&db), statement_(statement) {}
  ~SqliteStatement();
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;
  SqliteStatement(const SqliteStatement&) = delete;

  void bindText(int index, std::string_view text);
  /** Binds NULL for an empty string. */
  void bindTextOrNull(int index, std::string_view text);
  /** Binds NULL for NaN. */
  void bindRealOrNull(int index, double value);
  void bindBlob(int index, std::span<const uint8_t> blob);
  void bindNull(int index);
  void bindInt(int index, int64_t value) { sqlite3_bind_int64(statement_, index, value); }
  void bindReal(int index, double value) { sqlite3_bind_double(statement_, index, value); }
  /** @return true when a row is available, false when done. @throws stac2h3::Error. */
  bool step();
  /** Resets the statement and clears its bindings. */
  void reset();

  int64_t columnInt(int column) const { return sqlite3_column_int64(statement_, column); }
  /** sqlite's conversion to a double: 0 for NULL, text read as a number. */
  double columnDouble(int column) const { return sqlite3_column_double(statement_, column); }
  /** NaN for NULL. */
  double columnRealOrNaN(int column) const;
  /** "" for NULL; valid until the next step. */
  std::string_view columnText(int column) const;
  bool columnIsNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  /** SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_BLOB. */
  int columnType(int column) const { return sqlite3_column_type(statement_, column); }
  /** The value when it is stored as a number; NaN for NULL, text and blobs. */
  double columnNumberOrNaN(int column) const;
  std::span<const uint8_t> columnBlob(int column) const;

 private:
  SqliteDb* db_;
  sqlite3_stmt* statement_;
};

/** Quotes an SQL identifier ("a""b"). */
std::string quoteIdentifier(std::string_view name);

}  // namespace stac2h3::store
