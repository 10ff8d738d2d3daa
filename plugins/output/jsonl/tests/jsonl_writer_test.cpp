// output/jsonl: records.jsonl written to a temporary file and renamed into
// place at each flush, through the real plugin binary run by the SDK's
// harness (opis/testing.hpp): this executable links neither the host nor
// protobuf. The field names the host's record JSON codec writes are checked
// in jsonl_codec_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <opis/testing.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "temp_files.hpp"

namespace {

namespace fs = std::filesystem;
using opis::test_files::read_file;
using opis::test_files::TempDir;
using opis::testing::Harness;
using opis::testing::Record;
namespace json = opis::testing::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string json_string(std::string_view text) {
  return json::dump(json::Value::string_value(text));
}

// A config object: "path" first, then `members` (JSON members, or empty).
std::string config_with_path(const fs::path& path, std::string_view members = "") {
  std::string config = R"({"path": )" + json_string(path.string());
  if (!members.empty()) config += ", " + std::string(members);
  return config + "}";
}

Harness jsonl_writer(const fs::path& path, std::string_view members = "") {
  return Harness(OPIS_PLUGIN_FILE, config_with_path(path, members));
}

Record record(const std::string& id, const std::string& text = "Text.") {
  auto r = Record::with_text(text, "Title " + id);
  r.set(OPIS_FIELD_ID, id);
  return r;
}

void write(Harness& writer, const std::string& id) {
  ASSERT_NO_THROW(writer.write(record(id)));
}

void flush(Harness& writer) {
  ASSERT_NO_THROW(writer.flush());
}

// Every line of a records.jsonl file, parsed.
std::vector<json::Value> read_jsonl(const fs::path& file) {
  std::vector<json::Value> lines;
  const std::string content = read_file(file);
  size_t start = 0;
  while (start < content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    if (end > start)
      lines.push_back(json::parse(std::string_view(content).substr(start, end - start)));
    start = end + 1;
  }
  return lines;
}

// The string member `name` of a JSON object; `otherwise` when absent.
std::string member(const json::Value& object, std::string_view name,
                   const std::string& otherwise = "") {
  const json::Value* value = object.find(name);
  return value != nullptr && value->is_string() ? value->text : otherwise;
}

std::vector<std::string> ids_in(const fs::path& file) {
  std::vector<std::string> ids;
  for (const auto& line : read_jsonl(file)) ids.push_back(member(line, "id"));
  return ids;
}

std::set<std::string> files_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

// The message of the error that stops the plugin from starting; empty when
// it starts.
std::string start_error(std::string_view config) {
  try {
    Harness writer(OPIS_PLUGIN_FILE, config);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

// Sets the process umask for one test.
class UmaskGuard {
 public:
  explicit UmaskGuard(mode_t mask) : previous_(::umask(mask)) {}
  ~UmaskGuard() { ::umask(previous_); }
  UmaskGuard(const UmaskGuard&) = delete;
  UmaskGuard& operator=(const UmaskGuard&) = delete;

 private:
  mode_t previous_;
};

mode_t permissions_of(const fs::path& file) {
  struct stat st {};
  EXPECT_EQ(::stat(file.c_str(), &st), 0);
  return st.st_mode & 07777;
}

TEST(JsonlWriter, NothingAtTheFinalPathBeforeFlush) {
  TempDir dir;
  const fs::path path = dir / "out" / "records.jsonl";
  auto writer = jsonl_writer(path);
  write(writer, "a");
  EXPECT_FALSE(fs::exists(path));
}

TEST(JsonlWriter, FlushRenamesIntoPlaceLeavingNoTemporaryFiles) {
  TempDir dir;
  const fs::path path = dir / "records.jsonl";
  auto writer = jsonl_writer(path);
  write(writer, "a");
  EXPECT_EQ(files_in(dir.path()).size(), 1u);  // the temporary file
  EXPECT_FALSE(files_in(dir.path()).contains("records.jsonl"));
  flush(writer);
  EXPECT_THAT(files_in(dir.path()), ElementsAre("records.jsonl"));
  EXPECT_THAT(ids_in(path), ElementsAre("a"));
}

TEST(JsonlWriter, DestroyingWithoutFlushLeavesNoTemporaryFileAndTheTargetUntouched) {
  TempDir dir;
  const fs::path path = dir.write("records.jsonl", "{\"id\":\"old\"}\n");
  {
    auto writer = jsonl_writer(path);
    write(writer, "new");
    EXPECT_EQ(files_in(dir.path()).size(), 2u);
  }
  EXPECT_THAT(files_in(dir.path()), ElementsAre("records.jsonl"));
  EXPECT_EQ(read_file(path), "{\"id\":\"old\"}\n");
}

TEST(JsonlWriter, ReplaceModeReplacesAnExistingFile) {
  TempDir dir;
  const fs::path path = dir.write("records.jsonl", "{\"id\":\"old\"}\n");
  auto writer = jsonl_writer(path);
  write(writer, "new");
  flush(writer);
  EXPECT_THAT(ids_in(path), ElementsAre("new"));
}

TEST(JsonlWriter, SecondFlushAfterMoreWritesKeepsTheEarlierRecords) {
  TempDir dir;
  const fs::path path = dir / "records.jsonl";
  auto writer = jsonl_writer(path);
  write(writer, "a");
  flush(writer);
  write(writer, "b");
  EXPECT_THAT(ids_in(path), ElementsAre("a"));  // b is not committed yet
  flush(writer);
  flush(writer);  // nothing new: no change
  EXPECT_THAT(ids_in(path), ElementsAre("a", "b"));
  EXPECT_THAT(files_in(dir.path()), ElementsAre("records.jsonl"));
}

TEST(JsonlWriter, FailedFlushKeepsTheRecordsForTheNextFlush) {
  TempDir dir;
  const fs::path path = dir / "records.jsonl";
  fs::create_directories(path / "in-the-way");  // rename cannot replace a directory
  auto writer = jsonl_writer(path);
  write(writer, "a");
  try {
    writer.flush();
    ADD_FAILURE() << "the flush succeeded";
  } catch (const opis::testing::Failure& failed) {
    EXPECT_EQ(failed.status(), OPIS_IO_ERROR);
    EXPECT_THAT(failed.what(), HasSubstr(path.string()));
  }

  fs::remove_all(path);
  write(writer, "b");
  flush(writer);
  EXPECT_THAT(ids_in(path), ElementsAre("a", "b"));
  EXPECT_THAT(files_in(dir.path()), ElementsAre("records.jsonl"));
}

TEST(JsonlWriter, AppendModeAppends) {
  TempDir dir;
  const fs::path path = dir.write("records.jsonl", "{\"id\":\"old\"}\n");
  auto writer = jsonl_writer(path, R"("mode": "append")");
  write(writer, "a");
  write(writer, "b");
  flush(writer);
  EXPECT_THAT(ids_in(path), ElementsAre("old", "a", "b"));
  EXPECT_THAT(files_in(dir.path()), ElementsAre("records.jsonl"));
}

TEST(JsonlWriter, AppendModeStartsANewLineAfterAnUnterminatedLastLine) {
  TempDir dir;
  const fs::path path = dir.write("records.jsonl", "{\"id\":\"old\"}");
  auto writer = jsonl_writer(path, R"("mode": "append")");
  write(writer, "a");
  flush(writer);
  EXPECT_EQ(read_file(path).rfind("{\"id\":\"old\"}\n{", 0), 0u);
  EXPECT_THAT(ids_in(path), ElementsAre("old", "a"));
}

TEST(JsonlWriter, AppendModeCreatesAMissingFile) {
  TempDir dir;
  const fs::path path = dir / "new" / "records.jsonl";
  auto writer = jsonl_writer(path, R"("mode": "append")");
  write(writer, "a");
  flush(writer);
  EXPECT_THAT(ids_in(path), ElementsAre("a"));
}

TEST(JsonlWriter, AppendModeWritesToADeviceThatCannotSync) {
  auto writer = jsonl_writer("/dev/null", R"("mode": "append")");
  write(writer, "a");
  EXPECT_NO_THROW(writer.flush());
}

TEST(JsonlWriter, IncludeDefaultsPrintsEmptyFields) {
  TempDir dir;
  auto plain = jsonl_writer(dir / "plain.jsonl");
  auto full = jsonl_writer(dir / "full.jsonl", R"("include_defaults": true)");
  write(plain, "a");
  write(full, "a");
  flush(plain);
  flush(full);
  const auto without = read_jsonl(dir / "plain.jsonl").at(0);
  const auto with = read_jsonl(dir / "full.jsonl").at(0);
  EXPECT_EQ(without.find("summary"), nullptr);
  EXPECT_EQ(without.find("classification"), nullptr);
  EXPECT_EQ(member(with, "summary", "absent"), "");
  EXPECT_EQ(member(with, "classification", "absent"), "");
  ASSERT_NE(with.find("footnotes"), nullptr);
  EXPECT_TRUE(with.find("footnotes")->is_array());
}

TEST(JsonlWriter, UnwritablePathIsAnIoErrorNamingThePath) {
  TempDir dir;
  const fs::path blocker = dir.write("blocker", "a regular file, not a directory");
  const fs::path path = blocker / "records.jsonl";
  for (const char* mode : {"replace", "append"}) {
    const std::string error =
        start_error(config_with_path(path, R"("mode": ")" + std::string(mode) + "\""));
    EXPECT_THAT(error, HasSubstr(path.string())) << mode;
    EXPECT_THAT(error, HasSubstr("Not a directory")) << mode;
  }
}

TEST(JsonlWriter, FilePermissionsFollowTheUmask) {
  TempDir dir;
  for (const auto& [mask, expected] : {std::pair<mode_t, mode_t>{022, 0644}, {027, 0640}}) {
    UmaskGuard umask(mask);
    const fs::path replaced = dir / ("replaced-" + std::to_string(mask) + ".jsonl");
    const fs::path appended = dir / ("appended-" + std::to_string(mask) + ".jsonl");
    auto replacing = jsonl_writer(replaced);
    auto appending = jsonl_writer(appended, R"("mode": "append")");
    write(replacing, "a");
    write(appending, "a");
    flush(replacing);
    flush(appending);
    EXPECT_EQ(permissions_of(replaced), expected) << "umask " << std::oct << mask;
    EXPECT_EQ(permissions_of(appended), expected) << "umask " << std::oct << mask;
  }
}

TEST(JsonlWriter, SchemaRequiresAPathAndKnownValues) {
  TempDir dir;
  const fs::path path = dir / "records.jsonl";
  EXPECT_THAT(start_error("{}"), HasSubstr("path"));
  EXPECT_THAT(start_error(R"({"path": ""})"), HasSubstr("path"));
  EXPECT_THAT(start_error(config_with_path(path, R"("mode": "overwrite")")), HasSubstr("mode"));
  EXPECT_THAT(start_error(config_with_path(path, R"("compress": true)")), HasSubstr("compress"));
  EXPECT_EQ(start_error(config_with_path(path, R"("mode": "append", "include_defaults": true)")),
            "");
}

}  // namespace
