// The rows one record puts into one child table (entities, citations, ...),
// inserted with multi-row INSERT statements: a record has a few dozen child
// rows, and running one single-row INSERT per row spent as much time
// starting and finishing statements as storing the rows.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sqlite_database.hpp"

namespace opis::sqlite_output {

class ChildRows {
 public:
  // A column's value; NULL is std::monostate. Text is not copied: it must
  // outlive insert().
  using Value = std::variant<std::monostate, std::string_view, int64_t, double>;

  // `insert_head` is the statement up to VALUES, e.g.
  // "INSERT INTO footnotes (record_rowid, position, marker) VALUES".
  ChildRows(Database& db, std::string insert_head, int columns);

  // Appends one value of the current row; a row is `columns` values.
  ChildRows& operator<<(Value value) {
    values_.push_back(value);
    return *this;
  }

  // Inserts the rows appended since the last insert() or clear(), then
  // forgets them.
  void insert();
  void clear() { values_.clear(); }

 private:
  void insert_all();
  // Prepared on first use, one per row count up to kMaxRowsPerStatement.
  Statement& statement_for(size_t rows);

  Database& db_;
  std::string insert_head_;
  size_t columns_;
  std::vector<Value> values_;
  std::vector<std::unique_ptr<Statement>> statements_;
};

}  // namespace opis::sqlite_output
