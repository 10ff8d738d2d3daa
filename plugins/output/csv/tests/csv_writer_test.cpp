// output/csv through the real plugin binary, run by the SDK's harness
// (opis/testing.hpp): columns, RFC 4180 quoting, one row per id with the
// last values, and the file replaced at each flush. This executable links
// neither the host nor protobuf.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <opis/testing.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "../csv_format.hpp"
#include "temp_files.hpp"

namespace {

namespace fs = std::filesystem;
using opis::test_files::read_file;
using opis::test_files::TempDir;
using opis::testing::Failure;
using opis::testing::Harness;
using opis::testing::Record;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The writer for `path`, with `more` config members ("\"bom\": true").
Harness csv_writer(const fs::path& path, std::string_view more = {}) {
  std::string config =
      R"({"path": )" +
      opis::testing::json::dump(opis::testing::json::Value::string_value(path.string()));
  if (!more.empty()) config += ", " + std::string(more);
  return Harness(OPIS_PLUGIN_FILE, config + "}");
}

Record record(const std::string& id, const std::string& title) {
  auto r = Record::with_text("Body of " + id + ".", title);
  r.set(OPIS_FIELD_ID, id);
  return r;
}

void write(Harness& writer, const Record& r) {
  ASSERT_NO_THROW(writer.write(r));
}

void flush(Harness& writer) {
  ASSERT_NO_THROW(writer.flush());
}

// An RFC 4180 reader, independent of the writer's code: records of fields.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      fields.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(fields));
      fields.clear();
      ++i;
    } else {
      field += c;
    }
  }
  EXPECT_TRUE(field.empty() && fields.empty()) << "the last record does not end with CRLF";
  return records;
}

std::vector<std::vector<std::string>> read_csv(const fs::path& path) {
  return parse_csv(read_file(path));
}

size_t column(const std::vector<std::string>& header, const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

TEST(CsvFormat, QuotesOnlyWhatRfc4180Requires) {
  EXPECT_EQ(opis::csv::format_record({"plain", "a,b", "say \"hi\"", "two\nlines", "", "cr\r"}),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\"cr\r\"\r\n");
}

TEST(CsvWriter, WritesAHeaderAndTheFlatFieldsOfEachRecord) {
  TempDir dir;
  const fs::path path = dir / "out" / "records.csv";
  auto writer = csv_writer(path);
  auto r = record("r-1", "Telegram, \"urgent\"\nsecond line");
  r.set(OPIS_FIELD_KIND, "record");
  r.set(OPIS_FIELD_DATE_EDTF, "1957-03-14");
  r.set(OPIS_FIELD_SUMMARY, "Ivanov reports.");
  r.set(OPIS_FIELD_CLASSIFICATION, "Top Secret");
  r.set(OPIS_FIELD_SOURCE_URI, "corpus/r-1.txt");
  opis::sdk::Citation newspaper;
  newspaper.raw = "Rodong Sinmun, 19 April 1964";
  r.add(newspaper);
  opis::sdk::Citation archival;
  archival.raw = "RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85";
  archival.archive = "RGANI";
  archival.archive_name = "Russian State Archive of Contemporary History";
  archival.fond = "5";
  archival.opis = "28";
  archival.delo = "410";
  archival.pages = "73-85";
  r.add(archival);
  for (const auto& [name, role] :
       {std::pair{"Marina Telnova", "obtained_by"}, std::pair{"Owen Castellan", "translator"}}) {
    r.add(opis::sdk::Contributor{name, role});
  }
  for (const auto& [type, canonical] :
       {std::pair{"person", "A. I. Mikoyan"}, std::pair{"person", "Ágnes Veres"},
        std::pair{"organization", "KWP"}, std::pair{"place", "Pyongyang"}}) {
    r.add(opis::sdk::Entity{type, canonical, "", {}});
  }
  r.add_text(OPIS_LIST_FUNDERS, "Halvorsen Foundation for Archival Research");
  write(writer, r);
  flush(writer);

  const auto rows = read_csv(path);
  ASSERT_EQ(rows.size(), 2u);
  const auto& header = rows[0];
  EXPECT_THAT(header, ElementsAre("id", "kind", "title", "date", "summary", "source_uri",
                                  "classification", "archive", "archive_name", "fond", "opis",
                                  "delo", "pages", "citations", "contributors", "persons",
                                  "organizations", "places", "funders", "parent_id"));
  const auto& row = rows[1];
  ASSERT_EQ(row.size(), header.size());
  const auto at = [&](const std::string& name) { return row[column(header, name)]; };
  EXPECT_EQ(at("id"), "r-1");
  EXPECT_EQ(at("title"), "Telegram, \"urgent\"\nsecond line");
  EXPECT_EQ(at("date"), "1957-03-14");
  EXPECT_EQ(at("classification"), "Top Secret");
  EXPECT_EQ(at("archive"), "RGANI");  // the archival citation, not the newspaper
  EXPECT_EQ(at("archive_name"), "Russian State Archive of Contemporary History");
  EXPECT_EQ(at("fond") + "/" + at("opis") + "/" + at("delo") + "/" + at("pages"), "5/28/410/73-85");
  EXPECT_EQ(at("citations"),
            "Rodong Sinmun, 19 April 1964 | RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85");
  EXPECT_EQ(at("contributors"), "Marina Telnova (obtained_by); Owen Castellan (translator)");
  EXPECT_EQ(at("persons"), "A. I. Mikoyan; Ágnes Veres");
  EXPECT_EQ(at("organizations"), "KWP");
  EXPECT_EQ(at("places"), "Pyongyang");
  EXPECT_EQ(at("funders"), "Halvorsen Foundation for Archival Research");
}

TEST(CsvWriter, OneRowPerIdWithTheLastValuesInTheFirstPlace) {
  TempDir dir;
  const fs::path path = dir / "records.csv";
  auto writer = csv_writer(path);
  write(writer, record("a", "First a"));
  write(writer, record("b", "Only b"));
  write(writer, record("a", "Second a"));
  flush(writer);
  const auto rows = read_csv(path);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0] + ":" + rows[1][2], "a:Second a");
  EXPECT_EQ(rows[2][0] + ":" + rows[2][2], "b:Only b");
}

TEST(CsvWriter, RunningTheSameBatchTwiceGivesTheSameFile) {
  TempDir dir;
  const fs::path path = dir / "records.csv";
  const auto run = [&] {
    auto writer = csv_writer(path);
    for (const char* id : {"a", "b", "c"}) write(writer, record(id, std::string("Title ") + id));
    flush(writer);
  };
  run();
  const std::string once = read_file(path);
  run();
  EXPECT_EQ(read_file(path), once);
  EXPECT_EQ(read_csv(path).size(), 4u);  // the header and three records
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1u);  // no temporary file left
}

TEST(CsvWriter, FlushReplacesTheFileAndLaterFlushesKeepEarlierRows) {
  TempDir dir;
  const fs::path path = dir.write("records.csv", "old,content\r\n");
  auto writer = csv_writer(path);
  write(writer, record("a", "A"));
  EXPECT_EQ(read_file(path), "old,content\r\n");  // untouched before the flush
  flush(writer);
  write(writer, record("b", "B"));
  flush(writer);
  const auto rows = read_csv(path);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0], "a");
  EXPECT_EQ(rows[2][0], "b");
}

TEST(CsvWriter, OptionalTextColumnAndByteOrderMark) {
  TempDir dir;
  const fs::path path = dir / "records.csv";
  auto writer = csv_writer(path, R"("include_text": true, "bom": true)");
  write(writer, record("a", "A"));
  flush(writer);
  const std::string content = read_file(path);
  ASSERT_EQ(content.rfind("\xEF\xBB\xBFid,", 0), 0u);
  const auto rows = parse_csv(content.substr(3));
  EXPECT_EQ(rows[0].back(), "text");
  EXPECT_EQ(rows[1].back(), "Body of a.");
}

TEST(CsvWriter, NewFileFollowsTheUmask) {
  TempDir dir;
  const fs::path path = dir / "records.csv";
  auto writer = csv_writer(path);
  write(writer, record("a", "A"));
  const mode_t previous = ::umask(027);
  flush(writer);
  ::umask(previous);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST(CsvWriter, ErrorsNameThePath) {
  TempDir dir;
  const fs::path blocker = dir.write("blocker", "a file, not a directory");
  try {
    csv_writer(blocker / "records.csv");
    ADD_FAILURE() << "a path under a file was accepted";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr((blocker / "records.csv").string()));
    EXPECT_THAT(e.what(), HasSubstr("Not a directory"));
  }
  auto writer = csv_writer(dir / "records.csv");
  auto no_id = record("", "Untitled");
  try {
    writer.write(no_id);
    ADD_FAILURE() << "a record without an id was accepted";
  } catch (const Failure& e) {
    EXPECT_EQ(e.status(), OPIS_INVALID_INPUT);
  }
}

}  // namespace
