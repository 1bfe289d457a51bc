/** @file sqlite_db.cpp
 * @brief RAII sqlite3 connection and statement with one-line errors.
 */
#include "store/sqlite_db.h"

#include <cmath>

#include "util/error.h"

namespace stac2h3::store {

SqliteDb::SqliteDb(const std::filesystem::path& path, int flags) : path_(path) {
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(path.string() + ": cannot open (" + message + ")");
  }
  sqlite3_extended_result_codes(db_, 1);
}

SqliteDb::~SqliteDb() {
  sqlite3_close(db_);
}

void SqliteDb::fail(const std::string& action) const {
  throw Error(path_.string() + ": " + action + " failed (" + sqlite3_errmsg(db_) + ")");
}

void SqliteDb::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw Error(path_.string() + ": " + text + " (in: " + sql.substr(0, 60) + ")");
  }
}

SqliteStatement SqliteDb::prepare(const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &statement, nullptr) !=
      SQLITE_OK) {
    fail("preparing '" + sql.substr(0, 60) + "'");
  }
  return SqliteStatement(*this, statement);
}

bool SqliteDb::hasTable(std::string_view name) {
  SqliteStatement query = prepare("SELECT 1 FROM sqlite_master WHERE name = ?");
  query.bindText(1, name);
  return query.step();
}

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(statement_);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), statement_(other.statement_) {
  other.statement_ = nullptr;
}

void SqliteStatement::bindText(int index, std::string_view text) {
  sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
}

void SqliteStatement::bindTextOrNull(int index, std::string_view text) {
  if (text.empty()) {
    bindNull(index);
  } else {
    bindText(index, text);
  }
}

void SqliteStatement::bindRealOrNull(int index, double value) {
  if (std::isnan(value)) {
    bindNull(index);
  } else {
    bindReal(index, value);
  }
}

void SqliteStatement::bindBlob(int index, std::span<const uint8_t> blob) {
  sqlite3_bind_blob(statement_, index, blob.data(), static_cast<int>(blob.size()),
                    SQLITE_TRANSIENT);
}

void SqliteStatement::bindNull(int index) {
  sqlite3_bind_null(statement_, index);
}

bool SqliteStatement::step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(statement_);
  db_->fail("a statement");
}

void SqliteStatement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

double SqliteStatement::columnRealOrNaN(int column) const {
  if (columnIsNull(column)) return std::nan("");
  return sqlite3_column_double(statement_, column);
}

double SqliteStatement::columnNumberOrNaN(int column) const {
  const int type = columnType(column);
  if (type != SQLITE_INTEGER && type != SQLITE_FLOAT) return std::nan("");
  return sqlite3_column_double(statement_, column);
}

std::string_view SqliteStatement::columnText(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  if (!text) return {};
  return {text, static_cast<size_t>(sqlite3_column_bytes(statement_, column))};
}

std::span<const uint8_t> SqliteStatement::columnBlob(int column) const {
  const auto* data = static_cast<const uint8_t*>(sqlite3_column_blob(statement_, column));
  if (!data) return {};
  return {data, static_cast<size_t>(sqlite3_column_bytes(statement_, column))};
}

std::string quoteIdentifier(std::string_view name) {
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace stac2h3::store
