// Read side of an opis archive (archive.sqlite, written by output/sqlite):
// full-text and field search, and whole records by id. `opis search` and the
// daemon's Search and GetRecord RPCs both use it, with the API's own
// messages, so they answer alike.
//
// Thread safety: one RecordStore may be shared by any number of threads.
// Each call borrows a read-only SQLite connection from a small pool (opening
// a new one when all are busy) and gives it back when done, so calls run in
// parallel and never share a connection. WAL mode lets them read while a
// pipeline writes the same file; each call sees the last committed batch.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "opis/core/error.hpp"
#include "opis/v1/archive_service.pb.h"

namespace opis::core {

// The archive cannot be read: missing, not an opis archive, a schema this
// build does not know, damaged. The message names the file and the reason.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The request is wrong (FTS5 syntax, an EDTF bound that does not parse): the
// caller can fix it. The daemon answers INVALID_ARGUMENT.
class QueryError : public UsageError {
 public:
  using UsageError::UsageError;
};

// Around each matched term in SearchHit.snippet.
struct Highlight {
  std::string open = "[";
  std::string close = "]";
};

class RecordStore {
 public:
  // Hits per page when SearchRequest.limit is 0, and the most one page holds.
  static constexpr uint32_t kDefaultLimit = 20;
  static constexpr uint32_t kMaxLimit = 1000;

  // Opens `db` read-only and checks that it is an opis archive this build
  // reads; throws StoreError naming the file and the reason.
  static RecordStore open(const std::filesystem::path& db);

  RecordStore(RecordStore&&) noexcept;
  RecordStore& operator=(RecordStore&&) noexcept;
  ~RecordStore();

  // request.query: FTS5 syntax over title, summary and text, ranked by BM25
  // (a title match weighs most); empty: every record passing the filters, by
  // date. person: records naming the same canonical person as any record
  // that spells the name so (case-insensitive; a whole-word part of a name
  // when no spelling matches whole). archive: a citation's archive as
  // written or expanded. kind: exact. from/to: EDTF; a record matches when
  // its date range overlaps [from's first day, to's last day]. Throws
  // QueryError for a bad query, StoreError when the archive fails.
  opis::v1::SearchResponse search(const opis::v1::SearchRequest& request,
                                  const Highlight& highlight = {}) const;

  // The whole record stored under `id`, or nullopt.
  std::optional<opis::v1::Record> get(std::string_view id) const;

  const std::filesystem::path& path() const;

 private:
  struct Impl;
  explicit RecordStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace opis::core
