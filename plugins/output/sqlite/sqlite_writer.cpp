// output/sqlite: records into an SQLite archive with a full-text index
// (README.md documents the layout). Writing a record whose id is already
// there replaces it and everything stored for it, so re-running a batch or a
// redelivered document never duplicates anything.
#include <filesystem>
#include <opis/edtf_range.hpp>
#include <opis/sdk.hpp>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "archive_schema.hpp"
#include "child_rows.hpp"
#include "sqlite_database.hpp"
#include "stored_record.hpp"

namespace {

namespace fs = std::filesystem;
using opis::sqlite_output::ChildRows;
using opis::sqlite_output::Database;
using opis::sqlite_output::Statement;

std::string creating_parent(std::string path) {
  const fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (ec) {
    throw opis::sdk::Error(
        OPIS_IO_ERROR, path + ": cannot create directory " + parent.string() + ": " + ec.message());
  }
  return path;
}

// Statements prepared once and reused for every record.
struct Statements {
  static constexpr const char* kRecordColumns =
      "kind = ?2, parent_id = ?3, title = ?4, date_edtf = ?5, date_begin = ?6, date_end = ?7, "
      "summary = ?8, text = ?9, source_uri = ?10, record = ?11";

  explicit Statements(Database& db)
      : savepoint(db.prepare("SAVEPOINT record")),
        release(db.prepare("RELEASE record")),
        // See archive_schema.cpp, version 3: while this row exists, only
        // inside this writer's transaction, inserted records wait for
        // index_unindexed instead of being indexed one by one.
        defer_indexing(db.prepare("INSERT INTO fts_deferred (writer) VALUES ('output/sqlite')")),
        stop_deferring(db.prepare("DELETE FROM fts_deferred")),
        index_unindexed(db.prepare(
            "INSERT INTO records_fts (rowid, title, summary, text) "
            "SELECT fts_rowid, title, summary, text FROM records WHERE fts_rowid >= ?1")),
        find_record(db.prepare("SELECT fts_rowid FROM records WHERE id = ?1")),
        delete_children{db.prepare("DELETE FROM entities WHERE record_rowid = ?1"),
                        db.prepare("DELETE FROM citations WHERE record_rowid = ?1"),
                        db.prepare("DELETE FROM contributors WHERE record_rowid = ?1"),
                        db.prepare("DELETE FROM dates WHERE record_rowid = ?1"),
                        db.prepare("DELETE FROM footnotes WHERE record_rowid = ?1"),
                        db.prepare("DELETE FROM links WHERE record_rowid = ?1")},
        insert_record(db.prepare(
            "INSERT INTO records (id, kind, parent_id, title, date_edtf, date_begin, date_end, "
            "summary, text, source_uri, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
            "?11)")),
        update_record(
            db.prepare(std::string("UPDATE records SET ") + kRecordColumns + " WHERE id = ?1")),
        // A spelling repeated within one entity is one row.
        entities(db,
                 "INSERT OR IGNORE INTO entities (record_rowid, record_id, position, type, "
                 "canonical, surface, authority_id) VALUES",
                 7),
        citations(db,
                  "INSERT INTO citations (record_rowid, record_id, position, raw, kind, archive, "
                  "archive_name, fond, opis, delo, pages, publication, date) VALUES",
                  13),
        contributors(
            db, "INSERT INTO contributors (record_rowid, record_id, position, name, role) VALUES",
            5),
        dates(db,
              "INSERT INTO dates (record_rowid, record_id, position, surface, edtf, date_begin, "
              "date_end) VALUES",
              7),
        footnotes(db,
                  "INSERT INTO footnotes (record_rowid, record_id, position, marker, text) VALUES",
                  5),
        links(db,
              "INSERT INTO links (record_rowid, record_id, position, type, target_id, score) "
              "VALUES",
              6) {}

  Statement savepoint;
  Statement release;
  Statement defer_indexing;
  Statement stop_deferring;
  Statement index_unindexed;
  Statement find_record;
  Statement delete_children[6];
  Statement insert_record;
  Statement update_record;
  ChildRows entities;
  ChildRows citations;
  ChildRows contributors;
  ChildRows dates;
  ChildRows footnotes;
  ChildRows links;
};

// Binds an EDTF date's first and last day, or NULLs when it has no range.
void bind_range(Statement& statement, int first_index, const std::string_view edtf,
                opis::sdk::EdtfRange& storage) {
  if (auto range = opis::sdk::edtf_range(edtf)) {
    storage = std::move(*range);
    statement.bind(first_index, storage.first).bind(first_index + 1, storage.last);
  } else {
    statement.bind_null(first_index).bind_null(first_index + 1);
  }
}

class SqliteWriter : public opis::sdk::Writer {
 public:
  SqliteWriter(const opis::sdk::Config& config, opis::sdk::Context& context)
      : host_(context.host()),
        db_(creating_parent(config.string("path"))),
        batch_size_(config.integer("batch_size", 1000)) {
    db_.execute("PRAGMA busy_timeout = 10000");
    opis::sqlite_output::prepare_archive(db_);
    db_.execute("PRAGMA synchronous = " + config.string("synchronous", "normal"));
    // Room for the FTS index's pending segments and the b-tree pages a batch
    // touches; SQLite's default (2 MB) makes large batches spill.
    db_.execute("PRAGMA cache_size = -65536");
    db_.execute("PRAGMA temp_store = MEMORY");
    // Checkpoint (copy the WAL into the database and sync both) every 40 MB
    // of WAL instead of SQLite's 4 MB: a batch of large records would
    // otherwise checkpoint, and sync, every few hundred records, which
    // doubles the cost of writing them.
    db_.execute("PRAGMA wal_autocheckpoint = 10000");
    statements_.emplace(db_);
  }

  ~SqliteWriter() override {
    try {
      commit();
    } catch (const std::exception& e) {
      const std::string message = std::string("records not committed: ") + e.what();
      host_->log(nullptr, OPIS_LOG_ERROR, opis::sdk::str(message));
    }
    statements_.reset();  // finalized before the connection closes
  }

  SqliteWriter(SqliteWriter&&) = delete;

  void write(const opis::sdk::RecordView& record, opis::sdk::Context&) override {
    const std::string_view id = record.id();
    if (id.empty()) throw opis::sdk::InputError("record has no id; the sqlite output needs one");
    if (!in_transaction_) {
      db_.execute("BEGIN");
      in_transaction_ = true;
      statements_->defer_indexing.run();
    }
    // A record either lands whole or not at all, without undoing the
    // others of the batch. Rolling it back also undoes any indexing done
    // while it was stored, so what is waiting to be indexed is as before.
    const std::optional<int64_t> unindexed_before = first_unindexed_rowid_;
    statements_->savepoint.run();
    try {
      store(record, id);
      statements_->release.run();
    } catch (...) {
      sqlite3_exec(db_.handle(), "ROLLBACK TO record; RELEASE record", nullptr, nullptr, nullptr);
      first_unindexed_rowid_ = unindexed_before;
      throw;
    }
    if (++pending_ >= batch_size_) commit();
  }

  void flush(opis::sdk::Context&) override { commit(); }

 private:
  void commit() {
    if (!in_transaction_) return;
    index_unindexed();
    statements_->stop_deferring.run();
    db_.execute("COMMIT");
    in_transaction_ = false;
    pending_ = 0;
  }

  // Indexes, in one statement, the records inserted since the last time:
  // they have the largest rowids, as SQLite gives a new row the largest
  // rowid plus one and this writer holds the write lock.
  void index_unindexed() {
    if (!first_unindexed_rowid_) return;
    statements_->index_unindexed.bind(1, *first_unindexed_rowid_).run();
    first_unindexed_rowid_.reset();
  }

  void store(const opis::sdk::RecordView& record, std::string_view id) {
    Statements& s = *statements_;
    // A replaced record keeps its row (and so its full-text entry when its
    // text is unchanged); its child rows are written anew.
    const std::optional<int64_t> existing = s.find_record.bind(1, id).first_integer();
    if (existing) {
      // The update trigger removes the record's indexed text, which must be
      // there: a record inserted earlier in this transaction is indexed
      // first (rare: the same id twice in one batch).
      if (first_unindexed_rowid_ && *existing >= *first_unindexed_rowid_) index_unindexed();
      for (auto& statement : s.delete_children) statement.bind(1, *existing).run();
    }
    Statement& row = existing ? s.update_record : s.insert_record;
    opis::sdk::EdtfRange range;
    const std::string_view date = record.date_edtf();
    row.bind(1, id)
        .bind(2, record.kind())
        .bind(3, record.get(OPIS_FIELD_PARENT_ID))
        .bind(4, record.title())
        .bind(5, date);
    bind_range(row, 6, date, range);
    row.bind(8, record.summary())
        .bind(9, record.text())
        .bind(10, record.source_uri())
        .bind_blob(11,
                   opis::sqlite_output::without_text_fields(record.serialize(), stored_record_));
    row.run();
    // The key of the record's child rows (see archive_schema.cpp).
    const int64_t rowid = existing ? *existing : sqlite3_last_insert_rowid(db_.handle());
    if (!existing && !first_unindexed_rowid_) first_unindexed_rowid_ = rowid;

    store_children(record, id, rowid);
  }

  // The record's rows of the child tables, one INSERT per table (see
  // child_rows.hpp). The lists are kept until the rows are inserted: the
  // rows refer to their text.
  void store_children(const opis::sdk::RecordView& record, std::string_view id, int64_t rowid) {
    Statements& s = *statements_;
    for (ChildRows* table :
         {&s.entities, &s.citations, &s.contributors, &s.dates, &s.footnotes, &s.links}) {
      table->clear();  // what a failed record left
    }
    const auto row = [&](ChildRows& table, int64_t position) -> ChildRows& {
      return table << rowid << id << position;
    };

    const auto entities = record.entities();
    for (size_t i = 0; i < entities.size(); ++i) {
      const auto& entity = entities[i];
      // One row per spelling, so a search finds the entity by any of them.
      const auto add = [&](std::string_view surface) {
        row(s.entities, static_cast<int64_t>(i))
            << entity.type << entity.canonical << surface << entity.authority_id;
      };
      if (entity.surfaces.empty()) add({});
      for (const auto surface : entity.surfaces) add(surface);
    }
    s.entities.insert();

    const auto citations = record.citations();
    for (size_t i = 0; i < citations.size(); ++i) {
      const auto& c = citations[i];
      row(s.citations, static_cast<int64_t>(i))
          << c.raw << c.kind << c.archive << c.archive_name << c.fond << c.opis << c.delo << c.pages
          << c.publication << c.date;
    }
    s.citations.insert();

    const auto contributors = record.contributors();
    for (size_t i = 0; i < contributors.size(); ++i) {
      row(s.contributors, static_cast<int64_t>(i)) << contributors[i].name << contributors[i].role;
    }
    s.contributors.insert();

    const auto dates = record.dates();
    // Every range first: the rows refer to these strings, which must not
    // move while the vector grows.
    date_ranges_.clear();
    for (const auto& d : dates) date_ranges_.push_back(opis::sdk::edtf_range(d.edtf));
    for (size_t i = 0; i < dates.size(); ++i) {
      row(s.dates, static_cast<int64_t>(i)) << dates[i].surface << dates[i].edtf;
      if (const auto& range = date_ranges_[i]) {
        s.dates << std::string_view(range->first) << std::string_view(range->last);
      } else {
        s.dates << std::monostate{} << std::monostate{};
      }
    }
    s.dates.insert();

    const auto footnotes = record.footnotes();
    for (size_t i = 0; i < footnotes.size(); ++i) {
      row(s.footnotes, static_cast<int64_t>(i)) << footnotes[i].marker << footnotes[i].text;
    }
    s.footnotes.insert();

    const auto links = record.links();
    for (size_t i = 0; i < links.size(); ++i) {
      row(s.links, static_cast<int64_t>(i))
          << links[i].type << links[i].target_id << links[i].score;
    }
    s.links.insert();
  }

  const opis_host_api* host_;
  Database db_;
  std::optional<Statements> statements_;
  int64_t batch_size_;
  int64_t pending_ = 0;
  bool in_transaction_ = false;
  // The rowid from which the records of the open transaction are not in the
  // full-text index yet; none when all are.
  std::optional<int64_t> first_unindexed_rowid_;
  // The stored form of the record being stored (stored_record.hpp).
  std::string stored_record_;
  // The date ranges of the record being stored (store_children).
  std::vector<std::optional<opis::sdk::EdtfRange>> date_ranges_;
};

}  // namespace

// The schema is JSON in a raw string; clang-format 14 would reflow it.
// clang-format off
OPIS_EXPORT_WRITER(SqliteWriter, "sqlite", "1.0.0",
                   "Records into an SQLite archive with a full-text index (FTS5), upserted by id",
                   R"({
  "type": "object",
  "additionalProperties": false,
  "required": ["path"],
  "properties": {
    "path": {"type": "string", "minLength": 1,
             "description": "The archive file, created when missing, with its parent directories"},
    "batch_size": {"type": "integer", "minimum": 1, "default": 1000,
                   "description": "Records per transaction; every flush commits as well"},
    "synchronous": {"enum": ["off", "normal", "full"], "default": "normal",
                    "description": "SQLite's PRAGMA synchronous: normal survives a crash of opis, full also a power loss"}
  }
})")
// clang-format on
