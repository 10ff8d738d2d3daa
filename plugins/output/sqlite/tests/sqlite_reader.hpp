// A second connection to an archive the sqlite output wrote, as a reader of
// the archive would open it: plain SQL through SQLite, nothing of opis.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace sqlite_test {

inline const std::vector<std::string> kTables = {
    "records",   "entities", "citations",   "contributors",   "dates",
    "footnotes", "links",    "records_fts", "schema_version", "fts_deferred"};

class Reader {
 public:
  explicit Reader(const std::filesystem::path& path) {
    EXPECT_EQ(
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
        SQLITE_OK);
  }
  ~Reader() { sqlite3_close(db_); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Every row of `sql`, each as its columns joined with '|'; NULL as "NULL".
  std::vector<std::string> rows(const std::string& sql) const {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(db_);
    std::vector<std::string> out;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        if (i > 0) row += '|';
        const auto* text = sqlite3_column_text(stmt, i);
        row += text == nullptr ? "NULL" : reinterpret_cast<const char*>(text);
      }
      out.push_back(row);
    }
    sqlite3_finalize(stmt);
    return out;
  }
  // The first column of the first row as bytes (for BLOBs).
  std::string blob(const std::string& sql) const {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    std::string out;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, 0));
      out.assign(data, static_cast<size_t>(sqlite3_column_bytes(stmt, 0)));
    }
    sqlite3_finalize(stmt);
    return out;
  }
  std::string value(const std::string& sql) const {
    const auto all = rows(sql);
    return all.empty() ? "" : all.front();
  }
  int64_t count(const std::string& table) const {
    return std::stoll(value("SELECT count(*) FROM " + table));
  }
  std::map<std::string, int64_t> counts() const {
    std::map<std::string, int64_t> out;
    for (const auto& table : kTables) out[table] = count(table);
    return out;
  }
  // Records whose full-text index matches `query`.
  std::vector<std::string> matching(const std::string& query) const {
    return rows(
        "SELECT r.id FROM records_fts JOIN records r ON r.fts_rowid = records_fts.rowid "
        "WHERE records_fts MATCH '" +
        query + "' ORDER BY r.id");
  }
  // FTS5's own check that the index matches the records table exactly.
  bool index_in_sync() const {
    return sqlite3_exec(db_,
                        "INSERT INTO records_fts(records_fts, rank) VALUES('integrity-check', 1)",
                        nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  void execute(const std::string& sql) const {
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << error;
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace sqlite_test
