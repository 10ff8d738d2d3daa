// output/sqlite writing records: what it stores, upserts that leave exactly
// the same rows, batching, full-text indexing and migration. The database is
// inspected with plain SQL, as any user of the archive would. Host-based on
// purpose (opis::test::PluginHarness): the plugin stores each record's
// protobuf bytes, which it asks the host for (record_serialize); the SDK's
// harness has no protobuf and answers OPIS_UNSUPPORTED, and these tests also
// read those bytes back as opis.v1.Record. The layout, refusals and config
// are tested through opis/testing.hpp in sqlite_writer_test.cpp.
#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "archive_schema.hpp"
#include "opis/v1/record.pb.h"
#include "sqlite_reader.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using opis::test::PluginHarness;
using opis::test::TempDir;
using sqlite_test::Reader;
using ::testing::ElementsAre;

PluginHarness sqlite_writer(const fs::path& path, json config = json::object()) {
  config["path"] = path.string();
  return PluginHarness::builtin("output", "sqlite", config);
}

// A record with something in every list the archive has a table for.
std::unique_ptr<opis_record> full_record(const std::string& id, const std::string& text) {
  auto r = opis::test::make_record(text, "Telegram " + id);
  auto& m = r->message();
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
  // The stored record is the record without title, summary and text, which
  // are in their columns only.
  opis::v1::Record stored;
  ASSERT_TRUE(stored.ParseFromString(db.blob("SELECT record FROM records")));
  EXPECT_EQ(stored.title(), "");
  EXPECT_EQ(stored.summary(), "");
  EXPECT_EQ(stored.text(), "");
  EXPECT_EQ(stored.entities(0).surface(1), "Bak Heonyeong");
  auto written = full_record("r-1", "Mikoyan met Pak Heonyeong.")->message();
  written.clear_title();
  written.clear_summary();
  written.clear_text();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(stored, written));
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
  undated->message().set_id("undated");
  auto odd = opis::test::make_record("Text.");
  odd->message().set_id("odd");
  odd->message().mutable_date()->set_edtf("sometime in spring");
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
  changed->message().set_id("r-1");
  auto* contributor = changed->message().add_contributors();
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

TEST(SqliteWriter, MigratesAVersion3ArchiveKeepingItsWholeRecords) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  opis::v1::Record old;
  old.set_id("old");
  old.set_title("Old title");
  old.set_text("Old text about Mikoyan.");
  {
    // Versions 2 and 3 stored the whole record, text included.
    Reader v3(path);
    v3.execute("PRAGMA journal_mode = WAL");
    for (int v = 0; v < 3; ++v) v3.execute(std::string(opis::sqlite_output::migrations()[v]));
    v3.execute("UPDATE schema_version SET version = 3; PRAGMA application_id = " +
               std::to_string(opis::sqlite_output::kApplicationId));
    v3.execute(
        "INSERT INTO records (id, kind, parent_id, title, date_edtf, summary, text, source_uri, "
        "record) VALUES ('old', 'record', '', 'Old title', '', '', 'Old text about Mikoyan.', '', "
        "X'" +
        hex(old.SerializeAsString()) + "')");
  }
  {
    auto writer = sqlite_writer(path);
    write(writer, *full_record("new", "New text about Mikoyan."));
    flush(writer);
  }
  Reader db(path);
  EXPECT_EQ(db.value("SELECT version FROM schema_version"), "4");
  opis::v1::Record kept;
  ASSERT_TRUE(kept.ParseFromString(db.blob("SELECT record FROM records WHERE id = 'old'")));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(kept, old));
  opis::v1::Record stored;
  ASSERT_TRUE(stored.ParseFromString(db.blob("SELECT record FROM records WHERE id = 'new'")));
  EXPECT_EQ(stored.id(), "new");
  EXPECT_EQ(stored.text(), "");
  EXPECT_THAT(db.matching("mikoyan"), ElementsAre("new", "old"));
  EXPECT_TRUE(db.index_in_sync());
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

}  // namespace
