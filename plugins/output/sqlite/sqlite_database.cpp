#include "sqlite_database.hpp"

#include <opis/sdk.hpp>

namespace opis::sqlite_output {

Database::Database(std::string path) : path_(std::move(path)) {
  const int rc =
      sqlite3_open_v2(path_.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw opis::sdk::Error(OPIS_IO_ERROR, path_ + ": cannot open: " + reason);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
  sqlite3_close(db_);
}

void Database::fail(const std::string& what) const {
  throw opis::sdk::Error(OPIS_IO_ERROR, path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

void Database::execute(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string reason = message != nullptr ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw opis::sdk::Error(OPIS_IO_ERROR, path_ + ": " + reason);
  }
}

int64_t Database::integer(std::string_view sql, int64_t fallback) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    fail("cannot read the database");
  }
  const int rc = sqlite3_step(stmt);
  const int64_t value = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : fallback;
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail("cannot read the database");
  return value;
}

Statement Database::prepare(std::string_view sql) {
  return Statement(*this, sql);
}

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
  // Persistent: these statements live as long as the writer and run
  // thousands of times.
  if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
    db.fail("cannot prepare a statement");
  }
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
  // An empty view may have a null data pointer, which SQLite reads as NULL:
  // store '' instead, so "no value" is one thing in the database.
  sqlite3_bind_text64(stmt_, index, text.empty() ? "" : text.data(), text.size(), SQLITE_STATIC,
                      SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.empty() ? "" : bytes.data(), bytes.size(), SQLITE_STATIC);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

std::optional<int64_t> Statement::first_integer() {
  const int rc = sqlite3_step(stmt_);
  std::optional<int64_t> value;
  if (rc == SQLITE_ROW) value = sqlite3_column_int64(stmt_, 0);
  std::string error;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    error = db_->path() + ": cannot read the database: " + sqlite3_errmsg(db_->handle());
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (!error.empty()) throw opis::sdk::Error(OPIS_IO_ERROR, error);
  return value;
}

void Statement::run() {
  int rc;
  while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
  }
  std::string error;
  if (rc != SQLITE_DONE) error = db_->path() + ": write failed: " + sqlite3_errmsg(db_->handle());
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (!error.empty()) throw opis::sdk::Error(OPIS_IO_ERROR, error);
}

}  // namespace opis::sqlite_output
