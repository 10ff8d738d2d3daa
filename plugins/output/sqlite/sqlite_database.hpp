// RAII over the SQLite C API, just what the writer needs: a connection that
// throws opis::sdk errors naming the file, and prepared statements that are
// reset for reuse.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace opis::sqlite_output {

class Statement;

class Database {
 public:
  // Opens (creating) `path` for reading and writing.
  explicit Database(std::string path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

  // Runs one or more statements that return no rows.
  void execute(std::string_view sql);
  // The first column of the first row of `sql`, as an integer; `fallback`
  // when there is no row.
  int64_t integer(std::string_view sql, int64_t fallback = 0);
  Statement prepare(std::string_view sql);

  // Throws an I/O error "PATH: WHAT: <sqlite message>".
  [[noreturn]] void fail(const std::string& what) const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Bind by 1-based position; text is copied by SQLite only when asked, so
  // the views must outlive run(); run() resets the statement.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);
  // Steps to completion, then resets and clears the bindings.
  void run();
  // The first column of the first row as an integer, nullopt when there is
  // no row; then resets and clears the bindings.
  std::optional<int64_t> first_integer();

 private:
  Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace opis::sqlite_output
