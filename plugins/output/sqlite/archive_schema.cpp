#include "archive_schema.hpp"

#include <opis/sdk.hpp>
#include <string>

namespace opis::sqlite_output {

namespace {

// Version 1: records with their full-text index, and one table per list of
// a record that searches filter on or that SQL users join.
//
// records.fts_rowid is an INTEGER PRIMARY KEY because the external-content
// FTS index refers to records by rowid, and only a declared rowid alias is
// kept stable by VACUUM. The triggers keep the index in step with every
// insert, delete and update of a record, whoever makes it; an update that
// leaves the indexed text as it was (a batch written again) costs no
// re-indexing.
//
// The child tables are WITHOUT ROWID with the key (record_rowid, position),
// record_rowid being the record's fts_rowid: the rows of one record are
// stored together, in their order in the record, the key is the only index
// a replacement needs, and as new records get ever larger rowids their rows
// are appended at the end of each table. (Keyed by the hex id, a batch
// would touch pages all over every table, and each commit rewrite them.)
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (0);

CREATE TABLE records (
  fts_rowid  INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL,
  parent_id  TEXT NOT NULL,
  title      TEXT NOT NULL,
  date_edtf  TEXT NOT NULL,
  date_begin TEXT,
  date_end   TEXT,
  summary    TEXT NOT NULL,
  text       TEXT NOT NULL,
  source_uri TEXT NOT NULL,
  record     BLOB NOT NULL
);
CREATE INDEX records_by_date ON records (date_begin, date_end);
CREATE INDEX records_by_kind ON records (kind);

CREATE VIRTUAL TABLE records_fts USING fts5(
  title, summary, text,
  content = 'records', content_rowid = 'fts_rowid',
  tokenize = 'unicode61 remove_diacritics 2');
-- Bulk loading spends most of its time building the index: leaf pages of
-- about 8 KB and merging 16 segments at a time (not 4) cut that by a
-- quarter, for a few more segments for a query to read.
INSERT INTO records_fts (records_fts, rank) VALUES ('pgsz', 8000);
INSERT INTO records_fts (records_fts, rank) VALUES ('automerge', 16);

CREATE TRIGGER records_fts_after_insert AFTER INSERT ON records BEGIN
  INSERT INTO records_fts (rowid, title, summary, text)
    VALUES (new.fts_rowid, new.title, new.summary, new.text);
END;
CREATE TRIGGER records_fts_after_delete AFTER DELETE ON records BEGIN
  INSERT INTO records_fts (records_fts, rowid, title, summary, text)
    VALUES ('delete', old.fts_rowid, old.title, old.summary, old.text);
END;
CREATE TRIGGER records_fts_after_update AFTER UPDATE ON records
WHEN old.fts_rowid IS NOT new.fts_rowid OR old.title IS NOT new.title
  OR old.summary IS NOT new.summary OR old.text IS NOT new.text
BEGIN
  INSERT INTO records_fts (records_fts, rowid, title, summary, text)
    VALUES ('delete', old.fts_rowid, old.title, old.summary, old.text);
  INSERT INTO records_fts (rowid, title, summary, text)
    VALUES (new.fts_rowid, new.title, new.summary, new.text);
END;

CREATE TABLE entities (
  record_rowid INTEGER NOT NULL,
  record_id    TEXT NOT NULL,
  position     INTEGER NOT NULL,
  type         TEXT NOT NULL,
  canonical    TEXT NOT NULL,
  surface      TEXT NOT NULL,
  authority_id TEXT NOT NULL,
  PRIMARY KEY (record_rowid, position, surface)
) WITHOUT ROWID;

CREATE TABLE citations (
  record_rowid INTEGER NOT NULL,
  record_id    TEXT NOT NULL,
  position     INTEGER NOT NULL,
  raw          TEXT NOT NULL,
  kind         TEXT NOT NULL,
  archive      TEXT NOT NULL,
  archive_name TEXT NOT NULL,
  fond         TEXT NOT NULL,
  opis         TEXT NOT NULL,
  delo         TEXT NOT NULL,
  pages        TEXT NOT NULL,
  publication  TEXT NOT NULL,
  date         TEXT NOT NULL,
  PRIMARY KEY (record_rowid, position)
) WITHOUT ROWID;

CREATE TABLE contributors (
  record_rowid INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  role      TEXT NOT NULL,
  PRIMARY KEY (record_rowid, position)
) WITHOUT ROWID;

CREATE TABLE dates (
  record_rowid INTEGER NOT NULL,
  record_id  TEXT NOT NULL,
  position   INTEGER NOT NULL,
  surface    TEXT NOT NULL,
  edtf       TEXT NOT NULL,
  date_begin TEXT,
  date_end   TEXT,
  PRIMARY KEY (record_rowid, position)
) WITHOUT ROWID;

CREATE TABLE footnotes (
  record_rowid INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  position  INTEGER NOT NULL,
  marker    TEXT NOT NULL,
  text      TEXT NOT NULL,
  PRIMARY KEY (record_rowid, position)
) WITHOUT ROWID;
)sql";

// Version 2: links between records (enrich/link), and the indexes that let
// searches find people by any spelling and records by archive without
// reading every row. The name indexes hold people only (partial indexes):
// the person filter is the only search by name, and places and
// organizations would double their cost. Records stored before get their links when they are
// written again (the stored record is protobuf, which SQL cannot unpack).
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE links (
  record_rowid INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  position  INTEGER NOT NULL,
  type      TEXT NOT NULL,
  target_id TEXT NOT NULL,
  score     REAL NOT NULL,
  PRIMARY KEY (record_rowid, position)
) WITHOUT ROWID;
CREATE INDEX links_by_target ON links (target_id);

CREATE INDEX people_by_canonical ON entities (canonical COLLATE NOCASE) WHERE type = 'person';
CREATE INDEX people_by_surface ON entities (surface COLLATE NOCASE) WHERE type = 'person';
CREATE INDEX citations_by_archive ON citations (archive COLLATE NOCASE);
CREATE INDEX citations_by_archive_name ON citations (archive_name COLLATE NOCASE);
)sql";

// Version 3: the writer indexes the records of a batch in one statement
// before it commits, instead of the insert trigger indexing them one by one.
// FTS5 writes what it has buffered as a new segment of the index at every
// savepoint and every statement that may roll back, so a trigger firing per
// record turned each record into a segment of its own, and the index spent
// its time writing and merging thousands of tiny segments: indexing a
// batch at once halves the cost of a new record.
//
// fts_deferred holds a row only inside the writer's own transaction (it
// inserts the row when the transaction begins and deletes it just before
// COMMIT), so no other connection ever sees it: an insert made by anyone
// else is still indexed by the trigger, as in version 1. Updates and
// deletes keep their triggers: they remove the indexed values, which must
// be the old ones.
//
// FTS5 also writes a segment whenever its buffer outgrows 'hashsize' (1 MB
// by default), which a batch of 1000 records does several times over: 8 MB
// holds a typical batch, so a batch is one segment, for 8 MB of memory at
// most while a batch is indexed.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE fts_deferred (writer TEXT NOT NULL);
INSERT INTO records_fts (records_fts, rank) VALUES ('hashsize', 8388608);

DROP TRIGGER records_fts_after_insert;
CREATE TRIGGER records_fts_after_insert AFTER INSERT ON records
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred)
BEGIN
  INSERT INTO records_fts (rowid, title, summary, text)
    VALUES (new.fts_rowid, new.title, new.summary, new.text);
END;
)sql";

// Version 4: records.record no longer holds title, summary and text, which
// are in columns of the same row (stored_record.hpp): the text was stored
// twice, and the stored record was about twice the size of the text. The
// reader puts the three fields back from the columns, for any version, so
// the records written before, which still hold them, need no change and
// read as before. Nothing else changes.
constexpr std::string_view kVersion4 = R"sql(
SELECT 1;
)sql";

constexpr std::string_view kMigrations[] = {kVersion1, kVersion2, kVersion3, kVersion4};
static_assert(std::size(kMigrations) == static_cast<size_t>(kSchemaVersion));

// PRAGMA application_id, or why the file cannot be read as a database.
int64_t application_id(Database& db) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db.handle(), "PRAGMA application_id", -1, &stmt, nullptr);
  int64_t id = 0;
  if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
    id = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  if (rc == SQLITE_ROW) return id;
  if ((rc & 0xff) == SQLITE_NOTADB) {
    throw opis::sdk::Error(OPIS_INVALID_CONFIG,
                           db.path() + ": not an opis archive: not an SQLite database");
  }
  db.fail("cannot read the database");
}

}  // namespace

std::span<const std::string_view> migrations() {
  return kMigrations;
}

void prepare_archive(Database& db) {
  const int64_t id = application_id(db);
  const bool empty = db.integer("SELECT count(*) FROM sqlite_schema") == 0;
  if (id != kApplicationId && !(id == 0 && empty)) {
    throw opis::sdk::Error(
        OPIS_INVALID_CONFIG,
        db.path() + ": not an opis archive: an SQLite database " +
            (id == 0 ? std::string("with tables of its own")
                     : "of another application (application_id " + std::to_string(id) + ")") +
            "; choose another path");
  }
  // WAL: readers (opis search, the daemon) keep reading while a batch is
  // written. It is a property of the file, set outside any transaction.
  if (empty) db.execute("PRAGMA journal_mode = WAL");

  db.execute("BEGIN IMMEDIATE");
  try {
    const int64_t version = empty ? 0 : db.integer("SELECT max(version) FROM schema_version", 0);
    if (version > kSchemaVersion) {
      throw opis::sdk::Error(OPIS_INVALID_CONFIG, db.path() + ": the archive has schema version " +
                                                      std::to_string(version) +
                                                      ", newer than this plugin knows (" +
                                                      std::to_string(kSchemaVersion) +
                                                      "); use a newer opis or another path");
    }
    if (version < kSchemaVersion) {
      for (int64_t v = version; v < kSchemaVersion; ++v) db.execute(kMigrations[v]);
      db.execute("UPDATE schema_version SET version = " + std::to_string(kSchemaVersion));
      db.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
    }
    db.execute("COMMIT");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace opis::sqlite_output
