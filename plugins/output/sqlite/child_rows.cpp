#include "child_rows.hpp"

#include <algorithm>

namespace opis::sqlite_output {

namespace {

// Rows per statement: a record's rows of one table fit in one statement but
// for the longest lists; the statements for 1 to 64 rows are prepared as
// they are needed (some 6 per table in practice), and a citations statement
// of 64 rows binds 768 values, far below SQLite's limit of 32766.
constexpr size_t kMaxRowsPerStatement = 64;

}  // namespace

ChildRows::ChildRows(Database& db, std::string insert_head, int columns)
    : db_(db),
      insert_head_(std::move(insert_head)),
      columns_(static_cast<size_t>(columns)),
      statements_(kMaxRowsPerStatement + 1) {}

Statement& ChildRows::statement_for(size_t rows) {
  auto& statement = statements_[rows];
  if (!statement) {
    std::string row = "(?";
    for (size_t c = 1; c < columns_; ++c) row += ",?";
    row += ")";
    std::string sql = insert_head_ + " " + row;
    for (size_t r = 1; r < rows; ++r) sql += "," + row;
    statement = std::make_unique<Statement>(db_.prepare(sql));
  }
  return *statement;
}

void ChildRows::insert() {
  try {
    insert_all();
  } catch (...) {
    values_.clear();  // a failed record's rows are not the next one's
    throw;
  }
  values_.clear();
}

void ChildRows::insert_all() {
  const size_t rows = values_.size() / columns_;
  size_t next = 0;  // index in values_
  for (size_t done = 0; done < rows;) {
    const size_t count = std::min(rows - done, kMaxRowsPerStatement);
    Statement& statement = statement_for(count);
    for (int index = 1; index <= static_cast<int>(count * columns_); ++index) {
      const Value& value = values_[next++];
      if (const auto* text = std::get_if<std::string_view>(&value)) {
        statement.bind(index, *text);
      } else if (const auto* integer = std::get_if<int64_t>(&value)) {
        statement.bind(index, *integer);
      } else if (const auto* real = std::get_if<double>(&value)) {
        statement.bind(index, *real);
      } else {
        statement.bind_null(index);
      }
    }
    statement.run();
    done += count;
  }
}

}  // namespace opis::sqlite_output
