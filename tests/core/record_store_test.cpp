// RecordStore over an archive written by the real output/sqlite plugin:
// ranking, snippets, every filter, paging, whole records, errors, and many
// threads at once.
#include "opis/core/record_store.hpp"

#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace opis {
namespace {

namespace fs = std::filesystem;
using core::QueryError;
using core::RecordStore;
using core::StoreError;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

struct Sample {
  std::string id, kind, title, date, text, person_canonical, person_surface, archive;
};

const std::vector<Sample> kSamples = {
    {"r1957", "record", "Telegram from Ambassador Ivanov to A. I. Mikoyan", "1957-03-14",
     "The harvest failed. Pak Heonyeong was mentioned once.", "Pak Hon-yong", "Pak Heonyeong",
     "RGANI"},
    {"r1960", "record", "Speech by Kim Il Sung at a Reception", "1960-06-18",
     "Comrades, the errors of Bak Heonyeong are behind us.", "Pak Hon-yong", "Bak Heonyeong",
     "GARF"},
    {"r1962", "listing_entry", "Report of the Bulgarian Embassy", "1961-11-27/1961-12-01",
     "The delegation spoke of rice. Later the delegation met Mikoyan in Moscow.", "A. M. Puzanov",
     "A.M. Puzanov", "Central State Archive, Sofia"},
    {"undated", "record", "A Note without a Date", "", "Nothing about anyone in particular here.",
     "", "", ""},
};

class RecordStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = test::PluginHarness::builtin("output", "sqlite", {{"path", path().string()}});
    for (const auto& s : kSamples) {
      auto r = test::make_record(s.text, s.title);
      r->message().set_id(s.id);
      r->message().set_kind(s.kind);
      r->message().mutable_date()->set_edtf(s.date);
      if (!s.person_canonical.empty()) {
        auto* e = r->message().add_entities();
        e->set_type("person");
        e->set_canonical(s.person_canonical);
        e->add_surface(s.person_surface);
      }
      if (!s.archive.empty()) r->message().add_citations()->set_archive(s.archive);
      ASSERT_TRUE(writer.write(*r).ok());
    }
    ASSERT_TRUE(writer.flush().ok());
  }

  fs::path path() const { return dir_ / "archive.sqlite"; }

  std::vector<std::string> ids(const v1::SearchRequest& request) const {
    std::vector<std::string> out;
    const auto response = RecordStore::open(path()).search(request);
    for (const auto& hit : response.hits()) out.push_back(hit.id());
    return out;
  }

  test::TempDir dir_;
};

v1::SearchRequest query(const std::string& text) {
  v1::SearchRequest request;
  request.set_query(text);
  return request;
}

TEST_F(RecordStoreTest, FullTextRanksTitleMatchesFirstWithHighlightedSnippets) {
  const auto store = RecordStore::open(path());
  const auto response = store.search(query("Mikoyan"));
  EXPECT_EQ(response.total(), 2u);
  ASSERT_EQ(response.hits_size(), 2);
  const auto& first = response.hits(0);
  EXPECT_EQ(first.id(), "r1957");
  EXPECT_EQ(first.title(), "Telegram from Ambassador Ivanov to A. I. Mikoyan");
  EXPECT_EQ(first.date(), "1957-03-14");
  EXPECT_EQ(first.kind(), "record");
  EXPECT_THAT(first.snippet(), HasSubstr("[Mikoyan]"));
  EXPECT_GT(first.score(), response.hits(1).score());
  EXPECT_EQ(response.hits(1).id(), "r1962");
  EXPECT_EQ(response.hits(1).kind(), "listing_entry");
  EXPECT_THAT(response.hits(1).snippet(), HasSubstr("met [Mikoyan] in Moscow"));
  EXPECT_FALSE(first.has_record());
}

TEST_F(RecordStoreTest, SnippetMarkersAreTheCallers) {
  const auto response = RecordStore::open(path()).search(query("harvest"), {"<b>", "</b>"});
  ASSERT_EQ(response.hits_size(), 1);
  EXPECT_THAT(response.hits(0).snippet(), HasSubstr("The <b>harvest</b> failed"));
}

TEST_F(RecordStoreTest, QueriesUseFts5Syntax) {
  EXPECT_THAT(ids(query("\"delegation met\"")), ElementsAre("r1962"));
  EXPECT_THAT(ids(query("harv*")), ElementsAre("r1957"));
  EXPECT_THAT(ids(query("title:mikoyan")), ElementsAre("r1957"));
  EXPECT_THAT(ids(query("mikoyan NOT moscow")), ElementsAre("r1957"));
  EXPECT_THAT(ids(query("nothing OR harvest")), UnorderedElementsAre("r1957", "undated"));
}

TEST_F(RecordStoreTest, PersonFindsEverySpellingThroughTheCanonicalName) {
  v1::SearchRequest request;
  request.set_person("Pak Heonyeong");
  EXPECT_THAT(ids(request), ElementsAre("r1957", "r1960"));
  request.set_person("bak  heonyeong");
  EXPECT_THAT(ids(request), ElementsAre("r1957", "r1960"));
  request.set_person("Pak Hon-yong");
  EXPECT_THAT(ids(request), ElementsAre("r1957", "r1960"));
  request.set_person("Puzanov");  // a whole word of a name when no spelling is equal
  EXPECT_THAT(ids(request), ElementsAre("r1962"));
  request.set_person("Puz");
  EXPECT_THAT(ids(request), IsEmpty());
  request.set_person("Nobody Known");
  EXPECT_THAT(ids(request), IsEmpty());
  request.set_person("Bak Heonyeong");
  request.set_query("errors");
  EXPECT_THAT(ids(request), ElementsAre("r1960"));
}

TEST_F(RecordStoreTest, DatesMatchWhenTheRangesOverlap) {
  v1::SearchRequest request;
  request.set_from("1961-12");
  EXPECT_THAT(ids(request), ElementsAre("r1962"));  // dated 1961-11-27/1961-12-01
  request.set_from("1961-12-02");
  EXPECT_THAT(ids(request), IsEmpty());
  request.clear_from();
  request.set_to("1957");
  EXPECT_THAT(ids(request), ElementsAre("r1957"));
  request.set_from("1958");
  request.set_to("1961-11-27");
  EXPECT_THAT(ids(request), ElementsAre("r1960", "r1962"));
  request.set_from("1960-23");  // autumn 1960
  request.clear_to();
  EXPECT_THAT(ids(request), ElementsAre("r1962"));
}

TEST_F(RecordStoreTest, ArchiveAndKindFilters) {
  v1::SearchRequest request;
  request.set_archive("rgani");
  EXPECT_THAT(ids(request), ElementsAre("r1957"));
  request.set_archive("Central State Archive, Sofia");
  EXPECT_THAT(ids(request), ElementsAre("r1962"));
  request.clear_archive();
  request.set_kind("listing_entry");
  EXPECT_THAT(ids(request), ElementsAre("r1962"));
  request.set_kind("record");
  request.set_query("mikoyan");
  EXPECT_THAT(ids(request), ElementsAre("r1957"));
}

TEST_F(RecordStoreTest, FiltersWithoutAQueryListByDateWithTheOpeningAsSnippet) {
  v1::SearchRequest request;
  request.set_kind("record");
  const auto response = RecordStore::open(path()).search(request);
  EXPECT_EQ(response.total(), 3u);
  ASSERT_EQ(response.hits_size(), 3);
  EXPECT_EQ(response.hits(0).id(), "r1957");
  EXPECT_EQ(response.hits(1).id(), "r1960");
  EXPECT_EQ(response.hits(2).id(), "undated");  // undated records come last
  EXPECT_EQ(response.hits(0).snippet(), "The harvest failed. Pak Heonyeong was mentioned once.");
}

TEST_F(RecordStoreTest, LimitAndOffsetPageThroughTheTotal) {
  v1::SearchRequest request;
  request.set_query("the");
  request.set_limit(2);
  const auto store = RecordStore::open(path());
  const auto first = store.search(request);
  request.set_offset(2);
  const auto second = store.search(request);
  EXPECT_EQ(first.total(), 3u);
  EXPECT_EQ(second.total(), 3u);
  ASSERT_EQ(first.hits_size(), 2);
  ASSERT_EQ(second.hits_size(), 1);
  EXPECT_NE(second.hits(0).id(), first.hits(0).id());
  EXPECT_NE(second.hits(0).id(), first.hits(1).id());
}

TEST_F(RecordStoreTest, WholeRecordsOnRequestAndById) {
  const auto store = RecordStore::open(path());
  auto request = query("harvest");
  request.set_include_records(true);
  const auto response = store.search(request);
  ASSERT_EQ(response.hits_size(), 1);
  EXPECT_EQ(response.hits(0).record().id(), "r1957");
  EXPECT_EQ(response.hits(0).record().entities(0).surface(0), "Pak Heonyeong");

  const auto record = store.get("r1960");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->title(), "Speech by Kim Il Sung at a Reception");
  EXPECT_EQ(record->citations(0).archive(), "GARF");
  EXPECT_FALSE(store.get("no-such-id").has_value());
}

TEST_F(RecordStoreTest, BadQueriesAreQueryErrorsNamingTheQuery) {
  const auto store = RecordStore::open(path());
  for (const std::string bad : {"\"unterminated", "AND", "nosuchcolumn:word", "(mikoyan"}) {
    try {
      store.search(query(bad));
      ADD_FAILURE() << bad << " was accepted";
    } catch (const QueryError& e) {
      EXPECT_THAT(e.what(), HasSubstr("invalid search query \"" + bad + "\"")) << bad;
    }
  }
  v1::SearchRequest request;
  request.set_from("last spring");
  try {
    store.search(request);
    ADD_FAILURE() << "a bad date was accepted";
  } catch (const QueryError& e) {
    EXPECT_THAT(e.what(), HasSubstr("from: \"last spring\" is not an EDTF date"));
  }
}

TEST_F(RecordStoreTest, ManyThreadsSearchAtOnce) {
  const auto store = RecordStore::open(path());
  std::atomic<int> wrong = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        const auto response = store.search(query("mikoyan"));
        if (response.hits_size() != 2 || response.hits(0).id() != "r1957") ++wrong;
        if (!store.get("r1960")) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong, 0);
}

TEST_F(RecordStoreTest, ReadsTheLastCommittedBatchWhileAWriterIsBusy) {
  const auto store = RecordStore::open(path());
  auto writer = test::PluginHarness::builtin("output", "sqlite",
                                             {{"path", path().string()}, {"batch_size", 100}});
  auto r = test::make_record("A harvest of new text.", "Pending");
  r->message().set_id("pending");
  ASSERT_TRUE(writer.write(*r).ok());
  EXPECT_THAT(ids(query("harvest")), ElementsAre("r1957"));  // not committed yet
  ASSERT_TRUE(writer.flush().ok());
  EXPECT_THAT(ids(query("harvest")), UnorderedElementsAre("r1957", "pending"));
}

void sql(const fs::path& db, const std::string& statements) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, statements.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(handle);
  sqlite3_close(handle);
}

std::string open_error(const fs::path& db) {
  try {
    RecordStore::open(db);
  } catch (const StoreError& e) {
    return e.what();
  }
  return {};
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

// Versions 2 and 3 stored the whole record, version 4 stores it without
// title, summary and text (they are in their columns): both read alike.
TEST_F(RecordStoreTest, RecordsOfEverySchemaVersionReadAlike) {
  std::optional<v1::Record> written;
  {
    const auto store = RecordStore::open(path());
    written = store.get("r1957");
    ASSERT_TRUE(written.has_value());
    EXPECT_EQ(written->title(), kSamples[0].title);
    EXPECT_EQ(written->text(), kSamples[0].text);
    EXPECT_EQ(written->entities(0).surface(0), "Pak Heonyeong");
  }
  v1::Record stored;
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path().c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(
        sqlite3_prepare_v2(db, "SELECT record FROM records WHERE id = 'r1957'", -1, &stmt, nullptr),
        SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_TRUE(stored.ParseFromArray(sqlite3_column_blob(stmt, 0), sqlite3_column_bytes(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
  }
  EXPECT_EQ(stored.id(), "r1957");
  EXPECT_EQ(stored.text(), "");  // in the text column only

  // The row as versions 2 and 3 wrote it.
  sql(path(), "UPDATE records SET record = X'" + hex(written->SerializeAsString()) +
                  "' WHERE id = 'r1957'");
  for (const int version : {3, 2}) {
    sql(path(), "UPDATE schema_version SET version = " + std::to_string(version));
    const auto store = RecordStore::open(path());
    const auto read = store.get("r1957");
    ASSERT_TRUE(read.has_value());
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*read, *written)) << version;
    auto request = query("harvest");
    request.set_include_records(true);
    const auto response = store.search(request);
    ASSERT_EQ(response.hits_size(), 1);
    EXPECT_TRUE(
        google::protobuf::util::MessageDifferencer::Equals(response.hits(0).record(), *written))
        << version;
    EXPECT_THAT(ids(query("harvest")), ElementsAre("r1957"));
  }
}

TEST(RecordStoreOpen, ErrorsNameTheFileAndTheReason) {
  test::TempDir dir;
  EXPECT_THAT(open_error(dir / "missing.sqlite"),
              HasSubstr((dir / "missing.sqlite").string() + ": no such archive"));
  EXPECT_THAT(open_error(dir.path()), HasSubstr(": is a directory"));

  const fs::path text = dir.write("notes.txt", "Plain notes, not a database, long enough.\n");
  EXPECT_THAT(open_error(text), HasSubstr(text.string() + ": not an opis archive"));

  const fs::path other = dir / "other.sqlite";
  sql(other, "CREATE TABLE customers (name TEXT)");
  EXPECT_THAT(open_error(other), HasSubstr(other.string() + ": not an opis archive"));

  const fs::path archive = dir / "archive.sqlite";
  { test::PluginHarness::builtin("output", "sqlite", {{"path", archive.string()}}); }
  EXPECT_EQ(open_error(archive), "");
  sql(archive, "UPDATE schema_version SET version = 7");
  EXPECT_THAT(open_error(archive), HasSubstr("schema version 7, newer than this opis reads (4)"));
  sql(archive, "UPDATE schema_version SET version = 1");
  EXPECT_THAT(open_error(archive), HasSubstr("schema version 1, older than this opis reads (2); "
                                             "write to it once with `opis run` to migrate it"));
}

}  // namespace
}  // namespace opis
