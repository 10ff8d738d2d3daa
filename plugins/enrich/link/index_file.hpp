// The index on disk: JSON lines, one entry each, so a later run (or a
// daemon) can link records to the ones an earlier run saw.
//
//   {"id":"…","key":"title|1957-03-14","kind":"record",
//    "minhash":"<64 × 16 hex digits>","text_hash":"<16 hex digits>","words":412}
//
// "key", "minhash", "text_hash" and "words" are left out when the record
// had none. Hashes are hex strings because JSON numbers above 2^53 are not
// exact in most readers.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "link_index.hpp"

namespace opis::link {

// Calls `on_entry` for every entry of `path` until it
// returns false. A missing file is an empty index (the first run); an
// unreadable or malformed one throws std::runtime_error naming the file,
// the line and the reason.
void load_index_file(const std::string& path, const std::function<bool(IndexEntry)>& on_entry);

// Writes `entries` sorted by id (so the file does not depend on the order
// workers indexed them) to a temporary file renamed over `path`. Throws
// std::runtime_error naming the file and the reason.
void save_index_file(const std::string& path, std::vector<const IndexEntry*> entries);

}  // namespace opis::link
