// A record as rows of PostgreSQL's COPY text format, one buffer per table,
// encoded when the record is written (its views are valid only then) and
// sent at commit.
#pragma once

#include <opis/sdk.hpp>
#include <string>

namespace opis::postgres {

// The tables a record's rows go to, in the order of `RecordRows::rows`.
inline constexpr const char* kChildTables[] = {"entities", "citations", "contributors",
                                               "dates",    "footnotes", "links"};
inline constexpr size_t kChildTableCount = std::size(kChildTables);

// The COPY column lists of the staging table and of each child table.
extern const char* const kRecordColumns;
extern const char* const kChildColumns[kChildTableCount];

struct RecordRows {
  std::string record;                      // one line for opis_staging_records
  std::string children[kChildTableCount];  // zero or more lines per child table
  size_t text_bytes = 0;                   // title, summary and text, for the figures
};

RecordRows copy_rows(const opis::sdk::RecordView& record);

// Appends `value` as one COPY text field: backslash, tab, line feed and
// carriage return escaped; NUL bytes and invalid UTF-8 (which PostgreSQL's
// text type refuses) replaced by U+FFFD.
void append_copy_field(std::string& out, std::string_view value);

}  // namespace opis::postgres
