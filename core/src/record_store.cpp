#include "opis/core/record_store.hpp"

#include <sqlite3.h>

#include <mutex>
#include <nlohmann/json.hpp>
#include <opis/edtf_range.hpp>
#include <vector>

namespace opis::core {

namespace {

namespace fs = std::filesystem;

// What output/sqlite writes (plugins/output/sqlite/archive_schema.hpp): the
// application id "opis" and the layouts this reader understands. Version 1
// lacks the indexes the person and archive filters rely on; writing to it
// with `opis run` migrates it. Version 3 changes only how the writer
// indexes; version 4 leaves title, summary and text out of the stored
// record, and stored_record() puts them back from their columns for every
// version (in 2 and 3 they are the same in both places).
constexpr int64_t kApplicationId = 0x6f706973;
constexpr int64_t kOldestReadableSchema = 2;
constexpr int64_t kNewestReadableSchema = 4;

// How many idle connections the pool keeps; more may be open while calls
// overlap, and are closed when they come back to a full pool.
constexpr size_t kIdleConnections = 8;

// Words of a record's opening shown as its snippet when there is no query.
constexpr size_t kLeadWords = 30;

class Connection {
 public:
  explicit Connection(const fs::path& path) : path_(path.string()) {
    // NOMUTEX: the pool hands a connection to one thread at a time.
    const int rc =
        sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      const std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      db_ = nullptr;
      throw StoreError(path_ + ": cannot open the archive: " + reason);
    }
    // A writer's commit holds the WAL lock for an instant; wait it out.
    sqlite3_busy_timeout(db_, 5000);
  }
  ~Connection() { sqlite3_close(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

// A prepared statement with string parameters bound in order.
class Query {
 public:
  Query(const Connection& connection, const std::string& sql) : connection_(connection) {
    if (sqlite3_prepare_v2(connection.handle(), sql.c_str(), static_cast<int>(sql.size()), &stmt_,
                           nullptr) != SQLITE_OK) {
      fail();
    }
  }
  ~Query() { sqlite3_finalize(stmt_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  // The parameters, numbered from 1 in order; SQLITE_TRANSIENT copies them.
  Query& bind(const std::vector<std::string>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      sqlite3_bind_text(stmt_, static_cast<int>(i + 1), values[i].data(),
                        static_cast<int>(values[i].size()), SQLITE_TRANSIENT);
    }
    return *this;
  }

  // True while there is a row.
  bool next() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }

  std::string text(int column) const {
    const auto* data = sqlite3_column_text(stmt_, column);
    return data == nullptr ? std::string()
                           : std::string(reinterpret_cast<const char*>(data),
                                         static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  std::string_view blob(int column) const {
    const void* data = sqlite3_column_blob(stmt_, column);
    return data == nullptr
               ? std::string_view()
               : std::string_view(static_cast<const char*>(data),
                                  static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }

  // A plain SQL error (SQLITE_ERROR) while a full-text query runs comes
  // from the query: this file's statements are fixed and open() checked the
  // layout. Such errors are the caller's to fix; damage, I/O and locking
  // errors have codes of their own and stay the archive's.
  void on_query_error(std::string query) { query_ = std::move(query); }

 private:
  [[noreturn]] void fail() const {
    const std::string reason = sqlite3_errmsg(connection_.handle());
    if (query_ && (sqlite3_errcode(connection_.handle()) & 0xff) == SQLITE_ERROR) {
      throw QueryError("invalid search query \"" + *query_ + "\": " + reason);
    }
    throw StoreError(connection_.path() + ": cannot read the archive: " + reason);
  }

  const Connection& connection_;
  sqlite3_stmt* stmt_ = nullptr;
  std::optional<std::string> query_;
};

// Runs of whitespace (line breaks of the text) as one space: a snippet is
// shown on one line.
std::string single_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The first kLeadWords words of `text` on one line, with "…" when cut.
std::string lead(std::string_view text) {
  const std::string line = single_line(text);
  size_t words = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == ' ' && ++words == kLeadWords) return line.substr(0, i) + " …";
  }
  return line;
}

// The columns a stored record is read from, in this order: records.record
// holds the serialized opis.v1.Record (fields a newer opis added are kept as
// unknown fields) without title, summary and text from schema version 4
// on, which are read from their columns.
constexpr const char* kStoredRecordColumns = "r.record, r.title, r.summary, r.text";

// The record whose kStoredRecordColumns start at column `first`.
opis::v1::Record stored_record(const Query& row, int first, const std::string& path) {
  const std::string_view bytes = row.blob(first);
  opis::v1::Record record;
  if (!record.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    throw StoreError(path + ": a stored record does not parse as opis.v1.Record");
  }
  record.set_title(row.text(first + 1));
  record.set_summary(row.text(first + 2));
  record.set_text(row.text(first + 3));
  return record;
}

std::string like_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The first (for `from`) or last (for `to`) day of an EDTF bound.
std::string day_bound(const std::string& edtf, bool first, const char* option) {
  const auto range = opis::sdk::edtf_range(edtf);
  if (!range) {
    throw QueryError(std::string(option) + ": \"" + edtf +
                     "\" is not an EDTF date (e.g. 1961, 1961-12, 1961-12-01, 1956-22)");
  }
  return first ? range->first : range->last;
}

// The WHERE clause of a search beyond the full-text match, and its
// parameters in order.
struct Filters {
  std::string sql;
  std::vector<std::string> values;

  void add(const std::string& clause, std::initializer_list<std::string> parameters) {
    sql += " AND " + clause;
    values.insert(values.end(), parameters);
  }
};

}  // namespace

struct RecordStore::Impl {
  fs::path path;
  std::mutex mutex;
  std::vector<std::unique_ptr<Connection>> idle;

  // A connection for the duration of one call, back to the pool after.
  class Lease {
   public:
    explicit Lease(Impl& impl) : impl_(impl) {
      {
        std::lock_guard lock(impl_.mutex);
        if (!impl_.idle.empty()) {
          connection_ = std::move(impl_.idle.back());
          impl_.idle.pop_back();
        }
      }
      if (!connection_) connection_ = std::make_unique<Connection>(impl_.path);
    }
    ~Lease() {
      std::lock_guard lock(impl_.mutex);
      if (impl_.idle.size() < kIdleConnections) impl_.idle.push_back(std::move(connection_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    const Connection& operator*() const { return *connection_; }

   private:
    Impl& impl_;
    std::unique_ptr<Connection> connection_;
  };

  // Canonical names of the people `name` denotes: those with a canonical
  // form or a spelling equal to it, or else containing it as whole words.
  std::vector<std::string> people_named(const Connection& db, const std::string& name) const {
    std::vector<std::string> canonicals;
    Query exact(db,
                "SELECT canonical FROM entities WHERE type = 'person' AND "
                "canonical = ?1 COLLATE NOCASE UNION SELECT canonical FROM entities "
                "WHERE type = 'person' AND surface = ?1 COLLATE NOCASE");
    exact.bind({name});
    while (exact.next()) canonicals.push_back(exact.text(0));
    if (!canonicals.empty()) return canonicals;
    Query partial(db,
                  "SELECT DISTINCT canonical FROM entities WHERE type = 'person' AND "
                  "(' ' || canonical || ' ' LIKE ?1 ESCAPE '\\' OR "
                  "' ' || surface || ' ' LIKE ?1 ESCAPE '\\')");
    partial.bind({"% " + like_escaped(name) + " %"});
    while (partial.next()) canonicals.push_back(partial.text(0));
    return canonicals;
  }
};

RecordStore::RecordStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RecordStore::RecordStore(RecordStore&&) noexcept = default;
RecordStore& RecordStore::operator=(RecordStore&&) noexcept = default;
RecordStore::~RecordStore() = default;

const fs::path& RecordStore::path() const {
  return impl_->path;
}

RecordStore RecordStore::open(const fs::path& db) {
  std::error_code ec;
  if (!fs::exists(db, ec)) {
    throw StoreError(db.string() +
                     ": no such archive; `opis run` writes one (default: "
                     "opis-out/archive.sqlite)");
  }
  if (fs::is_directory(db, ec)) throw StoreError(db.string() + ": is a directory, not an archive");
  auto impl = std::make_unique<Impl>();
  impl->path = db;
  auto connection = std::make_unique<Connection>(db);
  const std::string name = db.string();
  {
    int64_t application_id = 0;
    try {
      Query read_id(*connection, "PRAGMA application_id");
      if (read_id.next()) application_id = read_id.integer(0);
    } catch (const StoreError&) {
      throw StoreError(name + ": not an opis archive: not an SQLite database");
    }
    if (application_id != kApplicationId) {
      throw StoreError(name + ": not an opis archive (SQLite application_id " +
                       std::to_string(application_id) + ", expected " +
                       std::to_string(kApplicationId) + ")");
    }
    Query read_version(*connection, "SELECT max(version) FROM schema_version");
    const int64_t version = read_version.next() ? read_version.integer(0) : 0;
    if (version > kNewestReadableSchema) {
      throw StoreError(name + ": the archive has schema version " + std::to_string(version) +
                       ", newer than this opis reads (" + std::to_string(kNewestReadableSchema) +
                       "); use a newer opis");
    }
    if (version < kOldestReadableSchema) {
      throw StoreError(name + ": the archive has schema version " + std::to_string(version) +
                       ", older than this opis reads (" + std::to_string(kOldestReadableSchema) +
                       "); write to it once with `opis run` to migrate it");
    }
  }
  impl->idle.push_back(std::move(connection));
  return RecordStore(std::move(impl));
}

opis::v1::SearchResponse RecordStore::search(const opis::v1::SearchRequest& request,
                                             const Highlight& highlight) const {
  opis::v1::SearchResponse response;
  const Impl::Lease db(*impl_);

  Filters filters;
  const std::string person = single_line(request.person());
  if (!person.empty()) {
    const auto canonicals = impl_->people_named(*db, person);
    if (canonicals.empty()) return response;  // nobody of that name: no hits
    filters.add(
        "r.id IN (SELECT e.record_id FROM json_each(?) AS n JOIN entities AS e "
        "ON e.canonical = n.value COLLATE NOCASE WHERE e.type = 'person')",
        {nlohmann::json(canonicals).dump()});
  }
  const std::string archive = single_line(request.archive());
  if (!archive.empty()) {
    filters.add(
        "r.id IN (SELECT record_id FROM citations WHERE archive = ? COLLATE NOCASE "
        "UNION SELECT record_id FROM citations WHERE archive_name = ? COLLATE NOCASE)",
        {archive, archive});
  }
  if (!request.kind().empty()) filters.add("r.kind = ?", {request.kind()});
  if (!request.from().empty()) {
    filters.add("r.date_end >= ?", {day_bound(request.from(), true, "from")});
  }
  if (!request.to().empty())
    filters.add("r.date_begin <= ?", {day_bound(request.to(), false, "to")});

  const bool full_text = !single_line(request.query()).empty();
  const std::string from_clause =
      full_text ? " FROM records_fts JOIN records AS r ON r.fts_rowid = records_fts.rowid"
                  " WHERE records_fts MATCH ?"
                : " FROM records AS r WHERE 1";
  std::vector<std::string> values;
  if (full_text) values.push_back(request.query());
  values.insert(values.end(), filters.values.begin(), filters.values.end());

  {
    Query count(*db, "SELECT count(*)" + from_clause + filters.sql);
    if (full_text) count.on_query_error(request.query());
    count.bind(values);
    response.set_total(count.next() ? static_cast<uint64_t>(count.integer(0)) : 0);
  }

  const uint32_t limit =
      request.limit() == 0 ? kDefaultLimit : std::min(request.limit(), kMaxLimit);
  const std::string columns =
      full_text ? "SELECT r.id, r.title, r.date_edtf, snippet(records_fts, -1, ?, ?, '…', 24), "
                  "bm25(records_fts, 10.0, 5.0, 1.0) AS score, r.kind"
                : "SELECT r.id, r.title, r.date_edtf, CASE WHEN r.summary <> '' THEN r.summary "
                  "ELSE substr(r.text, 1, 2000) END, 0.0 AS score, r.kind";
  // BM25 is lower for better matches; ties and unranked lists go by date,
  // then id, so pages are stable.
  const std::string order = full_text ? " ORDER BY score, r.date_begin, r.id"
                                      : " ORDER BY r.date_begin IS NULL, r.date_begin, r.id";
  std::vector<std::string> page_values;
  if (full_text) page_values = {highlight.open, highlight.close};
  page_values.insert(page_values.end(), values.begin(), values.end());
  Query page(*db, columns +
                      (request.include_records() ? std::string(", ") + kStoredRecordColumns
                                                 : std::string()) +
                      from_clause + filters.sql + order + " LIMIT " + std::to_string(limit) +
                      " OFFSET " + std::to_string(request.offset()));
  if (full_text) page.on_query_error(request.query());
  page.bind(page_values);
  while (page.next()) {
    auto* hit = response.add_hits();
    hit->set_id(page.text(0));
    hit->set_title(page.text(1));
    hit->set_date(page.text(2));
    hit->set_snippet(full_text ? single_line(page.text(3)) : lead(page.text(3)));
    hit->set_score(-page.real(4));
    hit->set_kind(page.text(5));
    if (request.include_records()) {
      *hit->mutable_record() = stored_record(page, 6, impl_->path.string());
    }
  }
  return response;
}

std::optional<opis::v1::Record> RecordStore::get(std::string_view id) const {
  const Impl::Lease db(*impl_);
  Query query(*db,
              std::string("SELECT ") + kStoredRecordColumns + " FROM records AS r WHERE r.id = ?");
  query.bind({std::string(id)});
  if (!query.next()) return std::nullopt;
  return stored_record(query, 0, impl_->path.string());
}

}  // namespace opis::core
