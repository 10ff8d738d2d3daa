// output/sqlite through the real plugin binary: the layout, upserts that
// leave exactly the same rows, batching, migration and the errors. The
// database is inspected with plain SQL, as any user of the archive would.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "archive_schema.hpp"
#include "opis/v1/record.pb.h"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using opis::test::PluginHarness;
using opis::test::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::vector<std::string> kTables = {
    "records",   "entities", "citations",   "contributors",   "dates",
    "footnotes", "links",    "records_fts", "schema_version", "fts_deferred"};

PluginHarness sqlite_writer(const fs::path& path, json config = json::object()) {
  config["path"] = path.string();
  return PluginHarness::builtin("output", "sqlite", config);
}

std::string start_error(const json& config) {
  try {
    PluginHarness::builtin("output", "sqlite", config);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

// A record with something in every list the archive has a table for.
std::unique_ptr<opis_record> full_record(const std::string& id, const std::string& text) {
  auto r = opis::test::make_record(text, "Telegram " + id);
  auto& m = r->message;
  m.set_id(id);
  m.set_kind("record");
  m.set_summary("Summary of " + id);
  m.mutable_source()->set_uri("corpus/" + id + ".txt");
  m.mutable_date()->set_edtf("1961-11-27/1961-12-01");
  auto* person = m.add_entities();
  person->set_type("person");
  person->set_canonical("Pak Hon-yong");
  person->add_surface("Pak Heonyeong");
  person->add_surface("Bak Heonyeong");
  person->set_authority_id("wikidata:Q1");
  auto* place = m.add_entities();
  place->set_type("place");
  place->set_canonical("Pyongyang");
  auto* citation = m.add_citations();
  citation->set_raw("RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85");
  citation->set_archive("RGANI");
  citation->set_fond("5");
  citation->set_opis("28");
  citation->set_delo("410");
  citation->set_pages("73-85");
  auto* contributor = m.add_contributors();
  contributor->set_name("Owen Castellan");
  contributor->set_role("translator");
  auto* date = m.add_dates();
  date->set_surface("the summer of 1956");
  date->set_edtf("1956-22");
  auto* footnote = m.add_footnotes();
  footnote->set_marker("1");
  footnote->set_text("A note.");
  auto* link = m.add_links();
  link->set_type("full_record");
  link->set_target_id("other");
  link->set_score(0.5);
  return r;
}

void write(PluginHarness& writer, const opis_record& record) {
  const auto result = writer.write(record);
  ASSERT_TRUE(result.ok()) << result.message;
}

void flush(PluginHarness& writer) {
  const auto result = writer.flush();
  ASSERT_TRUE(result.ok()) << result.message;
}

// A second connection, as a reader of the archive would open it.
class Reader {
 public:
  explicit Reader(const fs::path& path) {
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

TEST(SqliteWriter, CreatesTheDocumentedLayoutInWalMode) {
  TempDir dir;
  const fs::path path = dir / "out" / "archive.sqlite";
  auto writer = sqlite_writer(path);
  Reader db(path);
  for (const auto& table : kTables) {
    EXPECT_EQ(db.value("SELECT count(*) FROM sqlite_schema WHERE name = '" + table + "'"), "1")
        << table;
  }
  EXPECT_EQ(db.value("SELECT version FROM schema_version"),
            std::to_string(opis::sqlite_output::kSchemaVersion));
  EXPECT_EQ(db.value("PRAGMA application_id"), std::to_string(opis::sqlite_output::kApplicationId));
  EXPECT_EQ(db.value("PRAGMA journal_mode"), "wal");
}

TEST(SqliteWriter, StoresEveryPartOfARecord) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  auto writer = sqlite_writer(path);
  write(writer, *full_record("r-1", "Mikoyan met Pak Heonyeong."));
  flush(writer);

  Reader db(path);
  EXPECT_THAT(db.rows("SELECT id, kind, title, date_edtf, date_begin, date_end, summary, text, "
                      "source_uri FROM records"),
              ElementsAre("r-1|record|Telegram r-1|1961-11-27/1961-12-01|1961-11-27|1961-12-01|"
                          "Summary of r-1|Mikoyan met Pak Heonyeong.|corpus/r-1.txt"));
  opis::v1::Record stored;
  ASSERT_TRUE(stored.ParseFromString(db.blob("SELECT record FROM records")));
  EXPECT_EQ(stored.id(), "r-1");
  EXPECT_EQ(stored.entities(0).surface(1), "Bak Heonyeong");
  EXPECT_EQ(stored.citations(0).archive(), "RGANI");
  // Rows of a record come in key order: position, then spelling.
  EXPECT_THAT(db.rows("SELECT record_id, position, type, canonical, surface, authority_id "
                      "FROM entities"),
              ElementsAre("r-1|0|person|Pak Hon-yong|Bak Heonyeong|wikidata:Q1",
                          "r-1|0|person|Pak Hon-yong|Pak Heonyeong|wikidata:Q1",
                          "r-1|1|place|Pyongyang||"));
  EXPECT_THAT(
      db.rows("SELECT record_id, position, raw, archive, fond, opis, delo, pages FROM citations"),
      ElementsAre("r-1|0|RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85|RGANI|5|28|410|73-85"));
  EXPECT_THAT(db.rows("SELECT record_id, position, name, role FROM contributors"),
              ElementsAre("r-1|0|Owen Castellan|translator"));
  EXPECT_THAT(db.rows("SELECT record_id, position, surface, edtf, date_begin, date_end FROM dates"),
              ElementsAre("r-1|0|the summer of 1956|1956-22|1956-06-01|1956-08-31"));
  EXPECT_THAT(db.rows("SELECT record_id, position, marker, text FROM footnotes"),
              ElementsAre("r-1|0|1|A note."));
  EXPECT_THAT(db.rows("SELECT record_id, position, type, target_id, score FROM links"),
              ElementsAre("r-1|0|full_record|other|0.5"));
  EXPECT_THAT(db.matching("heonyeong"), ElementsAre("r-1"));
  EXPECT_THAT(db.matching("title:telegram"), ElementsAre("r-1"));
  EXPECT_THAT(db.matching("summary:summary"), ElementsAre("r-1"));
}

TEST(SqliteWriter, UndatedAndUnparsableDatesHaveNoRange) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  auto writer = sqlite_writer(path);
  auto undated = opis::test::make_record("Text.");
  undated->message.set_id("undated");
  auto odd = opis::test::make_record("Text.");
  odd->message.set_id("odd");
  odd->message.mutable_date()->set_edtf("sometime in spring");
  write(writer, *undated);
  write(writer, *odd);
  flush(writer);
  Reader db(path);
  EXPECT_THAT(db.rows("SELECT id, date_edtf, date_begin, date_end FROM records ORDER BY id"),
              ElementsAre("odd|sometime in spring|NULL|NULL", "undated||NULL|NULL"));
}

TEST(SqliteWriter, WritingTheSameBatchTwiceLeavesExactlyTheSameRows) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  const auto batch = [] {
    std::vector<std::unique_ptr<opis_record>> records;
    for (int i = 0; i < 5; ++i) {
      records.push_back(full_record("r-" + std::to_string(i), "Text number " + std::to_string(i)));
    }
    return records;
  }();
  const auto run = [&] {
    auto writer = sqlite_writer(path, {{"batch_size", 2}});
    for (const auto& r : batch) write(writer, *r);
    flush(writer);
  };
  run();
  const auto once = Reader(path).counts();
  EXPECT_EQ(once.at("records"), 5);
  EXPECT_EQ(once.at("entities"), 15);
  EXPECT_EQ(once.at("citations"), 5);
  EXPECT_EQ(once.at("contributors"), 5);
  EXPECT_EQ(once.at("dates"), 5);
  EXPECT_EQ(once.at("footnotes"), 5);
  EXPECT_EQ(once.at("links"), 5);
  EXPECT_EQ(once.at("records_fts"), 5);
  EXPECT_EQ(once.at("schema_version"), 1);

  run();
  EXPECT_EQ(Reader(path).counts(), once);

  // The same record twice within one batch, too.
  {
    auto writer = sqlite_writer(path);
    write(writer, *batch[0]);
    write(writer, *batch[0]);
    flush(writer);
  }
  Reader db(path);
  EXPECT_EQ(db.counts(), once);
  EXPECT_TRUE(db.index_in_sync());
}

TEST(SqliteWriter, ReplacingARecordReplacesItsRowsAndItsFullTextEntry) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  auto writer = sqlite_writer(path);
  write(writer, *full_record("r-1", "The alpha text."));
  write(writer, *full_record("r-2", "Another alpha."));
  flush(writer);

  auto changed = opis::test::make_record("The beta text.", "New title");
  changed->message.set_id("r-1");
  auto* contributor = changed->message.add_contributors();
  contributor->set_name("Lena Hartwig");
  contributor->set_role("translator");
  write(writer, *changed);
  flush(writer);

  Reader db(path);
  EXPECT_THAT(db.matching("alpha"), ElementsAre("r-2"));
  EXPECT_THAT(db.matching("beta"), ElementsAre("r-1"));
  EXPECT_THAT(db.matching("telegram"), ElementsAre("r-2"));
  EXPECT_TRUE(db.index_in_sync());
  EXPECT_THAT(db.rows("SELECT title, date_edtf, date_begin FROM records WHERE id = 'r-1'"),
              ElementsAre("New title||NULL"));
  EXPECT_THAT(db.rows("SELECT record_id, name FROM contributors ORDER BY record_id"),
              ElementsAre("r-1|Lena Hartwig", "r-2|Owen Castellan"));
  for (const std::string table : {"entities", "citations", "dates", "footnotes", "links"}) {
    EXPECT_THAT(db.rows("SELECT DISTINCT record_id FROM " + table), ElementsAre("r-2")) << table;
  }
}

TEST(SqliteWriter, CommitsEveryBatchSizeRecordsAndAtFlush) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  auto writer = sqlite_writer(path, {{"batch_size", 2}});
  Reader db(path);
  write(writer, *full_record("a", "One."));
  EXPECT_EQ(db.count("records"), 0);  // not committed yet: other readers see nothing
  write(writer, *full_record("b", "Two."));
  EXPECT_EQ(db.count("records"), 2);
  write(writer, *full_record("c", "Three."));
  EXPECT_EQ(db.count("records"), 2);
  flush(writer);
  EXPECT_EQ(db.count("records"), 3);
}

TEST(SqliteWriter, DestroyCommitsWhatWasNotFlushed) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  {
    auto writer = sqlite_writer(path);
    write(writer, *full_record("a", "One."));
  }
  EXPECT_EQ(Reader(path).count("records"), 1);
}

TEST(SqliteWriter, RecordWithoutIdIsRefused) {
  TempDir dir;
  auto writer = sqlite_writer(dir / "archive.sqlite");
  auto record = opis::test::make_record("Text.");
  record->message.clear_id();
  const auto result = writer.write(*record);
  EXPECT_EQ(result.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.message, HasSubstr("no id"));
}

std::string hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

TEST(SqliteWriter, MigratesAVersion1ArchiveKeepingItsRecords) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  opis::v1::Record old;
  old.set_id("old");
  old.set_title("Old title");
  old.set_text("Old text about Mikoyan.");
  {
    // An archive as the first release wrote it, with one record.
    Reader v1(path);
    v1.execute("PRAGMA journal_mode = WAL");
    v1.execute(std::string(opis::sqlite_output::migrations()[0]));
    v1.execute("UPDATE schema_version SET version = 1; PRAGMA application_id = " +
               std::to_string(opis::sqlite_output::kApplicationId));
    v1.execute(
        "INSERT INTO records (id, kind, parent_id, title, date_edtf, summary, text, source_uri, "
        "record) VALUES ('old', 'record', '', 'Old title', '', '', 'Old text about Mikoyan.', '', "
        "X'" +
        hex(old.SerializeAsString()) + "')");
    v1.execute(
        "INSERT INTO entities (record_rowid, record_id, position, type, canonical, surface, "
        "authority_id) SELECT fts_rowid, id, 0, 'person', 'A. I. Mikoyan', 'Mikoyan', '' "
        "FROM records");
    EXPECT_EQ(v1.value("SELECT count(*) FROM sqlite_schema WHERE name = 'links'"), "0");
  }
  {
    auto writer = sqlite_writer(path);
    write(writer, *full_record("new", "New text."));
    flush(writer);
  }
  Reader db(path);
  EXPECT_EQ(db.value("SELECT version FROM schema_version"),
            std::to_string(opis::sqlite_output::kSchemaVersion));
  EXPECT_EQ(db.count("schema_version"), 1);
  EXPECT_THAT(db.rows("SELECT id FROM records ORDER BY id"), ElementsAre("new", "old"));
  opis::v1::Record kept;
  ASSERT_TRUE(kept.ParseFromString(db.blob("SELECT record FROM records WHERE id = 'old'")));
  EXPECT_EQ(kept.text(), "Old text about Mikoyan.");
  EXPECT_THAT(db.rows("SELECT record_id, type, target_id FROM links"),
              ElementsAre("new|full_record|other"));
  EXPECT_THAT(db.matching("mikoyan"), ElementsAre("old"));
  EXPECT_TRUE(db.index_in_sync());
  // The new indexes serve the old rows too.
  EXPECT_THAT(db.rows("SELECT record_id FROM entities INDEXED BY people_by_surface "
                      "WHERE type = 'person' AND surface = 'mikoyan' COLLATE NOCASE"),
              ElementsAre("old"));
}

TEST(SqliteWriter, WritingAnUnchangedRecordAgainKeepsItsFullTextEntry) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  auto writer = sqlite_writer(path);
  write(writer, *full_record("a", "Same text."));
  write(writer, *full_record("b", "Other text."));
  flush(writer);
  Reader db(path);
  const auto before = db.rows("SELECT id, fts_rowid FROM records ORDER BY id");
  write(writer, *full_record("a", "Same text."));
  flush(writer);
  EXPECT_EQ(db.rows("SELECT id, fts_rowid FROM records ORDER BY id"), before);
  EXPECT_THAT(db.matching("same"), ElementsAre("a"));
  EXPECT_TRUE(db.index_in_sync());
}

TEST(SqliteWriter, IndexesABatchWhetherItsIdsAreNewOrRepeated) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  {
    auto writer = sqlite_writer(path, {{"batch_size", 3}});
    write(writer, *full_record("a", "Alpha text."));
    write(writer, *full_record("b", "Beta text."));
    // Replaced with other text before the batch is committed (and indexed).
    write(writer, *full_record("a", "Gamma text."));
    write(writer, *full_record("c", "Delta text."));
    write(writer, *full_record("c", "Epsilon text."));
  }  // the last batch is committed when the writer closes
  Reader db(path);
  EXPECT_TRUE(db.index_in_sync());
  EXPECT_EQ(db.count("records_fts"), 3);
  EXPECT_THAT(db.matching("alpha"), ElementsAre());
  EXPECT_THAT(db.matching("gamma"), ElementsAre("a"));
  EXPECT_THAT(db.matching("beta"), ElementsAre("b"));
  EXPECT_THAT(db.matching("delta"), ElementsAre());
  EXPECT_THAT(db.matching("epsilon"), ElementsAre("c"));
  // The writer's marker never outlives its transaction.
  EXPECT_EQ(db.count("fts_deferred"), 0);
}

TEST(SqliteWriter, RecordsInsertedWithSqlAreStillIndexedByTheTrigger) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  {
    auto writer = sqlite_writer(path);
    write(writer, *full_record("a", "Written by opis."));
  }
  Reader db(path);
  db.execute(
      "INSERT INTO records (id, kind, parent_id, title, date_edtf, summary, text, source_uri, "
      "record) VALUES ('by-hand', 'record', '', 'By hand', '', '', 'Typed into sqlite3.', '', "
      "X'')");
  EXPECT_THAT(db.matching("typed"), ElementsAre("by-hand"));
  EXPECT_THAT(db.matching("opis"), ElementsAre("a"));
  EXPECT_TRUE(db.index_in_sync());
}

TEST(SqliteWriter, RefusesAnArchiveOfANewerSchema) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  { auto writer = sqlite_writer(path); }
  Reader(path).execute("UPDATE schema_version SET version = 99");
  const std::string error = start_error({{"path", path.string()}});
  EXPECT_THAT(error, HasSubstr(path.string()));
  EXPECT_THAT(error, HasSubstr("schema version 99, newer than this plugin knows (3)"));
  EXPECT_EQ(Reader(path).value("SELECT version FROM schema_version"), "99");  // left alone
}

TEST(SqliteWriter, RefusesFilesThatAreNotOpisArchives) {
  TempDir dir;
  const fs::path text = dir.write("notes.txt", "Just some notes, not a database at all.\n");
  EXPECT_THAT(start_error({{"path", text.string()}}),
              HasSubstr(text.string() + ": not an opis archive: not an SQLite database"));

  const fs::path other = dir / "other.sqlite";
  Reader(other).execute("CREATE TABLE customers (name TEXT)");
  EXPECT_THAT(start_error({{"path", other.string()}}),
              HasSubstr(other.string() + ": not an opis archive: an SQLite database with tables "
                                         "of its own"));

  const fs::path tagged = dir / "tagged.sqlite";
  Reader(tagged).execute("PRAGMA application_id = 42; CREATE TABLE t (x)");
  EXPECT_THAT(start_error({{"path", tagged.string()}}),
              HasSubstr("of another application (application_id 42)"));
}

TEST(SqliteWriter, UnwritablePathIsAnErrorNamingThePath) {
  TempDir dir;
  const fs::path blocker = dir.write("blocker", "a regular file, not a directory");
  const fs::path path = blocker / "archive.sqlite";
  const std::string error = start_error({{"path", path.string()}});
  EXPECT_THAT(error, HasSubstr(path.string()));
  EXPECT_THAT(error, HasSubstr("Not a directory"));

  const fs::path directory = dir / "a-directory";
  fs::create_directories(directory);
  EXPECT_THAT(start_error({{"path", directory.string()}}),
              HasSubstr(directory.string() + ": cannot open"));
}

TEST(SqliteWriter, SchemaRequiresAPathAndKnownValues) {
  TempDir dir;
  const std::string path = (dir / "archive.sqlite").string();
  EXPECT_THAT(start_error(json::object()), HasSubstr("path"));
  EXPECT_THAT(start_error({{"path", path}, {"batch_size", 0}}), HasSubstr("batch_size"));
  EXPECT_THAT(start_error({{"path", path}, {"synchronous", "sometimes"}}),
              HasSubstr("synchronous"));
  EXPECT_THAT(start_error({{"path", path}, {"table", "x"}}), HasSubstr("table"));
  EXPECT_EQ(start_error({{"path", path}, {"batch_size", 10}, {"synchronous", "full"}}), "");
}

}  // namespace
