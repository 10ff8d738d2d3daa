// What records.record holds from schema version 4 on: the record's protobuf
// bytes without title, summary and text, which the records table has in
// columns of their own. Storing the text twice made the stored record
// about twice the size of the text, and every byte of it is written twice
// (to the WAL, then into the database); the reader (core/src/
// record_store.cpp) puts the three fields back from their columns.
#pragma once

#include <string>
#include <string_view>

namespace opis::sqlite_output {

// `serialized` (an opis.v1.Record) without its top-level fields title (10),
// summary (12) and text (13), written into `out`, which it returns. The
// bytes are copied as they are, field by field: nothing is parsed but the
// tags and lengths. Bytes that do not read as protobuf are kept whole.
std::string_view without_text_fields(std::string_view serialized, std::string& out);

}  // namespace opis::sqlite_output
