// output/sqlite through the real plugin binary run by the SDK's harness
// (opis/testing.hpp): the layout it creates, the records it refuses, the
// archives it will not open and its config. The database is inspected with
// plain SQL, as any user of the archive would. This executable links neither
// the host nor protobuf. Writing records is tested host-based in
// sqlite_records_test.cpp: the plugin stores each record's protobuf bytes
// (record_serialize), which only the host can produce.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <opis/testing.hpp>
#include <string>
#include <string_view>

#include "archive_schema.hpp"
#include "sqlite_reader.hpp"
#include "temp_files.hpp"

namespace {

namespace fs = std::filesystem;
using opis::test_files::TempDir;
using opis::testing::Failure;
using opis::testing::Harness;
using opis::testing::Record;
using sqlite_test::kTables;
using sqlite_test::Reader;
using ::testing::HasSubstr;

// A JSON string holding `s`.
std::string json_string(std::string_view s) {
  return opis::testing::json::dump(opis::testing::json::Value::string_value(s));
}

// The writer's config: `path` and the members in `more` (JSON, without braces).
std::string sqlite_config(const fs::path& path, const std::string& more = "") {
  return R"({"path": )" + json_string(path.string()) + (more.empty() ? "" : ", " + more) + "}";
}

std::string start_error(const std::string& config) {
  try {
    Harness plugin(OPIS_PLUGIN_FILE, config);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

TEST(SqliteWriter, CreatesTheDocumentedLayoutInWalMode) {
  TempDir dir;
  const fs::path path = dir / "out" / "archive.sqlite";
  Harness writer(OPIS_PLUGIN_FILE, sqlite_config(path));
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

TEST(SqliteWriter, RecordWithoutIdIsRefused) {
  TempDir dir;
  Harness writer(OPIS_PLUGIN_FILE, sqlite_config(dir / "archive.sqlite"));
  auto record = Record::with_text("Text.");
  record.set(OPIS_FIELD_ID, "");
  try {
    writer.write(record);
    ADD_FAILURE() << "a record without an id was written";
  } catch (const Failure& e) {
    EXPECT_EQ(e.status(), OPIS_INVALID_INPUT);
    EXPECT_THAT(e.what(), HasSubstr("no id"));
  }
}

TEST(SqliteWriter, RefusesAnArchiveOfANewerSchema) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  { Harness writer(OPIS_PLUGIN_FILE, sqlite_config(path)); }
  Reader(path).execute("UPDATE schema_version SET version = 99");
  const std::string error = start_error(sqlite_config(path));
  EXPECT_THAT(error, HasSubstr(path.string()));
  EXPECT_THAT(error, HasSubstr("schema version 99, newer than this plugin knows (4)"));
  EXPECT_EQ(Reader(path).value("SELECT version FROM schema_version"), "99");  // left alone
}

TEST(SqliteWriter, RefusesFilesThatAreNotOpisArchives) {
  TempDir dir;
  const fs::path text = dir.write("notes.txt", "Just some notes, not a database at all.\n");
  EXPECT_THAT(start_error(sqlite_config(text)),
              HasSubstr(text.string() + ": not an opis archive: not an SQLite database"));

  const fs::path other = dir / "other.sqlite";
  Reader(other).execute("CREATE TABLE customers (name TEXT)");
  EXPECT_THAT(start_error(sqlite_config(other)),
              HasSubstr(other.string() + ": not an opis archive: an SQLite database with tables "
                                         "of its own"));

  const fs::path tagged = dir / "tagged.sqlite";
  Reader(tagged).execute("PRAGMA application_id = 42; CREATE TABLE t (x)");
  EXPECT_THAT(start_error(sqlite_config(tagged)),
              HasSubstr("of another application (application_id 42)"));
}

TEST(SqliteWriter, UnwritablePathIsAnErrorNamingThePath) {
  TempDir dir;
  const fs::path blocker = dir.write("blocker", "a regular file, not a directory");
  const fs::path path = blocker / "archive.sqlite";
  const std::string error = start_error(sqlite_config(path));
  EXPECT_THAT(error, HasSubstr(path.string()));
  EXPECT_THAT(error, HasSubstr("Not a directory"));

  const fs::path directory = dir / "a-directory";
  fs::create_directories(directory);
  EXPECT_THAT(start_error(sqlite_config(directory)),
              HasSubstr(directory.string() + ": cannot open"));
}

TEST(SqliteWriter, SchemaRequiresAPathAndKnownValues) {
  TempDir dir;
  const fs::path path = dir / "archive.sqlite";
  EXPECT_THAT(start_error("{}"), HasSubstr("path"));
  EXPECT_THAT(start_error(sqlite_config(path, R"("batch_size": 0)")), HasSubstr("batch_size"));
  EXPECT_THAT(start_error(sqlite_config(path, R"("synchronous": "sometimes")")),
              HasSubstr("synchronous"));
  EXPECT_THAT(start_error(sqlite_config(path, R"("table": "x")")), HasSubstr("table"));
  EXPECT_EQ(start_error(sqlite_config(path, R"("batch_size": 10, "synchronous": "full")")), "");
}

}  // namespace
