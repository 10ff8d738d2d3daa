// output/postgres against a real PostgreSQL server started for the suite
// (initdb + pg_ctl in a temporary directory): the layout, upsert by id, the
// tsvector index, and no record lost or duplicated when the server is
// killed and restarted in the middle of a batch.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "pg_connection.hpp"
#include "postgres_server.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;
using opis::postgres::Connection;
using opis::test::PluginHarness;
using opis::test::PostgresServer;
using ::testing::HasSubstr;

class PostgresWriterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (PostgresServer::binaries().empty()) return;  // each test skips
    server_ = std::make_unique<PostgresServer>();
  }
  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override {
    if (!server_) {
      GTEST_SKIP() << "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb; "
                      "Debian package postgresql): the postgres output is not tested";
    }
    // A fresh database per test.
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    database_ = "t_" + std::to_string(++databases_) + "_" + std::string(info->name()).substr(0, 40);
    for (auto& c : database_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Connection admin(server_->conninfo());
    admin.execute("CREATE DATABASE \"" + database_ + "\"");
  }

  PluginHarness writer(json config = json::object()) {
    config["connection"] = server_->conninfo(database_);
    return PluginHarness::builtin("output", "postgres", config);
  }

  std::string value(const std::string& sql) {
    Connection c(server_->conninfo(database_));
    return c.query_value(sql);
  }
  long count(const std::string& table) { return std::stol(value("SELECT count(*) FROM " + table)); }

  static std::unique_ptr<PostgresServer> server_;
  static int databases_;
  std::string database_;
};

std::unique_ptr<PostgresServer> PostgresWriterTest::server_;
int PostgresWriterTest::databases_ = 0;

void write(PluginHarness& w, const opis_record& r) {
  const auto result = w.write(r);
  ASSERT_TRUE(result.ok()) << result.message;
}

void flush(PluginHarness& w) {
  const auto result = w.flush();
  ASSERT_TRUE(result.ok()) << result.message;
}

// A record with two entities (three spellings), a citation, a contributor,
// a date, a footnote and a link: rows in every child table.
std::unique_ptr<opis_record> record(const std::string& id, const std::string& title = "Telegram") {
  auto r = opis::test::make_record(
      "Ivanov reports to Mikoyan on the food situation in Pyongyang. " + std::string(400, 'x'),
      title + " " + id);
  auto& m = r->message();
  m.set_id(id);
  m.set_kind("record");
  m.mutable_date()->set_edtf("1961-11-27/1961-12-01");
  m.set_summary("Food situation.");
  auto* kim = m.add_entities();
  kim->set_type("person");
  kim->set_canonical("Pak Hon-yong");
  kim->add_surface("Pak Heonyeong");
  kim->add_surface("Bak Heonyeong");
  kim->add_surface("Pak Heonyeong");  // a repeated spelling is one row
  auto* place = m.add_entities();
  place->set_type("place");
  place->set_canonical("Pyongyang");
  auto* c = m.add_citations();
  c->set_raw("RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85");
  c->set_archive("RGANI");
  c->set_fond("5");
  auto* who = m.add_contributors();
  who->set_name("Owen Castellan");
  who->set_role("translator");
  auto* date = m.add_dates();
  date->set_surface("summer of 1956");
  date->set_edtf("1956-22");
  auto* fn = m.add_footnotes();
  fn->set_marker("1");
  fn->set_text("A note\twith\ttabs\nand a \\ backslash.");
  auto* link = m.add_links();
  link->set_type("listed_in");
  link->set_target_id("listing-1");
  link->set_score(0.875);
  return r;
}

TEST_F(PostgresWriterTest, WritesRecordsAndChildRowsInTheArchiveLayout) {
  auto w = writer();
  write(w, *record("r-1"));
  flush(w);
  EXPECT_EQ(value("SELECT title || '|' || date_edtf || '|' || date_begin || '|' || date_end || "
                  "'|' || kind FROM records WHERE id = 'r-1'"),
            "Telegram r-1|1961-11-27/1961-12-01|1961-11-27|1961-12-01|record");
  EXPECT_EQ(value("SELECT string_agg(surface, ',' ORDER BY surface) FROM entities "
                  "WHERE canonical = 'Pak Hon-yong'"),
            "Bak Heonyeong,Pak Heonyeong");
  EXPECT_EQ(value("SELECT surface FROM entities WHERE canonical = 'Pyongyang'"), "");
  EXPECT_EQ(value("SELECT archive || '/' || fond FROM citations"), "RGANI/5");
  EXPECT_EQ(value("SELECT name || ' ' || role FROM contributors"), "Owen Castellan translator");
  EXPECT_EQ(value("SELECT edtf || ' ' || date_begin || ' ' || date_end FROM dates"),
            "1956-22 1956-06-01 1956-08-31");
  EXPECT_EQ(value("SELECT text FROM footnotes"), "A note\twith\ttabs\nand a \\ backslash.");
  EXPECT_EQ(value("SELECT target_id || ' ' || score FROM links"), "listing-1 0.875");
  EXPECT_GT(std::stol(value("SELECT length(record) FROM records")), 400);
  EXPECT_EQ(value("SELECT version FROM opis_schema_version"), "1");
}

TEST_F(PostgresWriterTest, FullTextSearchUsesTheTsvectorColumnAndItsGinIndex) {
  auto w = writer();
  write(w, *record("r-1", "Mikoyan telegram"));
  write(w, *record("r-2", "Other"));
  flush(w);
  EXPECT_EQ(value("SELECT string_agg(id, ',' ORDER BY ts_rank(search, q) DESC) FROM records, "
                  "to_tsquery('simple', 'mikoyan') q WHERE search @@ q"),
            "r-1,r-2");  // the title match ranks first
  EXPECT_EQ(value("SELECT indexdef LIKE '%USING gin (search)%' FROM pg_indexes "
                  "WHERE indexname = 'records_search'"),
            "t");
}

TEST_F(PostgresWriterTest, RunningTheSameBatchTwiceLeavesExactlyTheSameRows) {
  const auto run = [&] {
    auto w = writer({{"batch_size", 64}});
    for (int i = 0; i < 200; ++i) write(w, *record("r-" + std::to_string(i)));
    write(w, *record("r-7", "Redelivered"));  // the same id again in the batch
    flush(w);
  };
  const std::string fingerprint =
      "SELECT md5(string_agg(id || title || text || encode(record, 'hex'), ',' ORDER BY id)) "
      "FROM records";
  run();
  const std::string first = value(fingerprint);
  run();
  EXPECT_EQ(value(fingerprint), first);
  EXPECT_EQ(count("records"), 200);
  EXPECT_EQ(value("SELECT count(DISTINCT id) FROM records"), "200");
  EXPECT_EQ(count("entities"), 600);
  for (const char* table : {"citations", "contributors", "dates", "footnotes", "links"}) {
    EXPECT_EQ(count(table), 200) << table;
  }
  EXPECT_EQ(value("SELECT title FROM records WHERE id = 'r-7'"), "Redelivered r-7");
}

TEST_F(PostgresWriterTest, AReplacedRecordLosesItsOldChildRows) {
  {
    auto w = writer();
    write(w, *record("r-1"));
    flush(w);
  }
  auto w = writer();
  auto fewer = opis::test::make_record("Now without entities.", "Fewer");
  fewer->message().set_id("r-1");
  write(w, *fewer);
  flush(w);
  EXPECT_EQ(count("records"), 1);
  EXPECT_EQ(count("entities"), 0);
  EXPECT_EQ(count("links"), 0);
  EXPECT_EQ(value("SELECT title FROM records"), "Fewer");
}

TEST_F(PostgresWriterTest, TextPostgresRefusesIsReplaced) {
  auto w = writer();
  auto r = opis::test::make_record(std::string("nul \0 and \xff\xfe bytes", 18), "Bad");
  r->message().set_id("bad");
  write(w, *r);
  flush(w);
  EXPECT_EQ(value("SELECT text FROM records"),
            "nul \xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD bytes");
}

TEST_F(PostgresWriterTest, ServerKilledBeforeTheFlushLosesNothing) {
  auto w = writer({{"batch_size", 1000}});
  for (int i = 0; i < 30; ++i) write(w, *record("r-" + std::to_string(i)));
  server_->kill_immediately();
  std::thread restart([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    server_->start();
  });
  const auto result = w.flush();  // reconnects with backoff and sends the batch again
  restart.join();
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_EQ(count("records"), 30);
  EXPECT_EQ(count("entities"), 90);
}

TEST_F(PostgresWriterTest, ServerKilledWhileBatchesAreSentLosesAndDuplicatesNothing) {
  constexpr int kRecords = 3000;
  std::atomic<int> written{0};
  auto w = writer({{"batch_size", 100}});
  std::thread killer([&] {
    // Kill once the writer is well into the run, while batches are being
    // committed, and bring the server back after a moment.
    while (written.load() < kRecords / 3) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server_->kill_immediately();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    server_->start();
  });
  for (int i = 0; i < kRecords; ++i) {
    const auto result = w.write(*record("r-" + std::to_string(i)));
    ASSERT_TRUE(result.ok()) << "record " << i << ": " << result.message;
    if (i % 250 == 249) flush(w);
    written.store(i + 1);
  }
  flush(w);
  killer.join();
  EXPECT_EQ(count("records"), kRecords);
  EXPECT_EQ(value("SELECT count(DISTINCT id) FROM records"), std::to_string(kRecords));
  EXPECT_EQ(count("entities"), 3 * kRecords);
  for (const char* table : {"citations", "contributors", "dates", "footnotes", "links"}) {
    EXPECT_EQ(count(table), kRecords) << table;
  }
}

TEST_F(PostgresWriterTest, ServerDownLongerThanTheTimeoutFailsClearlyAndTheNextFlushFinishes) {
  auto w = writer({{"reconnect_timeout_seconds", 0.5}});
  for (int i = 0; i < 20; ++i) write(w, *record("r-" + std::to_string(i)));
  server_->kill_immediately();
  const auto failed = w.flush();
  EXPECT_FALSE(failed.ok());
  EXPECT_THAT(failed.message, HasSubstr("connection lost"));
  EXPECT_THAT(failed.message, HasSubstr("20 records are kept"));
  server_->start();
  write(w, *record("r-20"));
  flush(w);
  EXPECT_EQ(count("records"), 21);
  EXPECT_EQ(value("SELECT count(DISTINCT id) FROM records"), "21");
}

TEST_F(PostgresWriterTest, ErrorsAtStartNameTheProblem) {
  try {
    PluginHarness::builtin("output", "postgres",
                           {{"connection", "host=127.0.0.1 port=1 user=opis connect_timeout=2"}});
    ADD_FAILURE() << "connected to nothing";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("postgres: cannot connect"));
  }
  { auto w = writer(); }  // creates the schema
  Connection c(server_->conninfo(database_));
  c.execute("UPDATE opis_schema_version SET version = 99");
  try {
    writer();
    ADD_FAILURE() << "a newer schema was accepted";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("schema version 99, newer than this plugin knows (1)"));
  }
}

TEST_F(PostgresWriterTest, ARecordWithoutIdIsRefused) {
  auto w = writer();
  auto r = opis::test::make_record("Text.");
  r->message().clear_id();
  EXPECT_EQ(w.write(*r).status, OPIS_INVALID_INPUT);
}

}  // namespace
