// output/jsonl: records.jsonl written to a temporary file and renamed into
// place at each flush, through the real plugin binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using opis::test::PluginHarness;
using opis::test::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

PluginHarness jsonl_writer(const fs::path& path, json config = json::object()) {
  config["path"] = path.string();
  return PluginHarness::builtin("output", "jsonl", config);
}

std::unique_ptr<opis_record> record(const std::string& id, const std::string& text = "Text.") {
  auto r = opis::test::make_record(text, "Title " + id);
  r->message.set_id(id);
  return r;
}

void write(PluginHarness& writer, const std::string& id) {
  const auto result = writer.write(*record(id));
  ASSERT_TRUE(result.ok()) << result.message;
}

void flush(PluginHarness& writer) {
  const auto result = writer.flush();
  ASSERT_TRUE(result.ok()) << result.message;
}

std::vector<std::string> ids_in(const fs::path& file) {
  std::vector<std::string> ids;
  for (const auto& line : opis::test::read_jsonl(file)) ids.push_back(line.value("id", ""));
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
std::string start_error(const json& config) {
  try {
    PluginHarness::builtin("output", "jsonl", config);
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

TEST(JsonlWriter, WritesOneLinePerRecordWithProtoFieldNames) {
  TempDir dir;
  const fs::path path = dir / "records.jsonl";
  auto writer = jsonl_writer(path);
  auto first = record("r-1", "Line one\nline \"two\"");
  first->message.mutable_source()->set_media_type("text/plain");
  first->message.mutable_date()->set_edtf("1956-08-30");
  first->message.set_parent_id("parent");
  ASSERT_TRUE(writer.write(*first).ok());
  write(writer, "r-2");
  flush(writer);

  const std::string content = opis::test::read_file(path);
  ASSERT_EQ(std::count(content.begin(), content.end(), '\n'), 2) << content;
  ASSERT_EQ(content.back(), '\n');
  const auto lines = opis::test::read_jsonl(path);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["id"], "r-1");
  EXPECT_EQ(lines[0]["text"], "Line one\nline \"two\"");
  EXPECT_EQ(lines[0]["source"]["media_type"], "text/plain");
  EXPECT_EQ(lines[0]["parent_id"], "parent");
  EXPECT_EQ(lines[0]["date"]["edtf"], "1956-08-30");
  EXPECT_FALSE(lines[0]["source"].contains("mediaType"));
  EXPECT_FALSE(lines[0].contains("parentId"));
  EXPECT_EQ(lines[1]["id"], "r-2");
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
  EXPECT_EQ(opis::test::read_file(path), "{\"id\":\"old\"}\n");
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
  const auto failed = writer.flush();
  EXPECT_EQ(failed.status, OPIS_IO_ERROR);
  EXPECT_THAT(failed.message, HasSubstr(path.string()));

  fs::remove_all(path);
  write(writer, "b");
  flush(writer);
  EXPECT_THAT(ids_in(path), ElementsAre("a", "b"));
  EXPECT_THAT(files_in(dir.path()), ElementsAre("records.jsonl"));
}

TEST(JsonlWriter, AppendModeAppends) {
  TempDir dir;
  const fs::path path = dir.write("records.jsonl", "{\"id\":\"old\"}\n");
  auto writer = jsonl_writer(path, {{"mode", "append"}});
  write(writer, "a");
  write(writer, "b");
  flush(writer);
  EXPECT_THAT(ids_in(path), ElementsAre("old", "a", "b"));
  EXPECT_THAT(files_in(dir.path()), ElementsAre("records.jsonl"));
}

TEST(JsonlWriter, AppendModeStartsANewLineAfterAnUnterminatedLastLine) {
  TempDir dir;
  const fs::path path = dir.write("records.jsonl", "{\"id\":\"old\"}");
  auto writer = jsonl_writer(path, {{"mode", "append"}});
  write(writer, "a");
  flush(writer);
  EXPECT_EQ(opis::test::read_file(path).rfind("{\"id\":\"old\"}\n{", 0), 0u);
  EXPECT_THAT(ids_in(path), ElementsAre("old", "a"));
}

TEST(JsonlWriter, AppendModeCreatesAMissingFile) {
  TempDir dir;
  const fs::path path = dir / "new" / "records.jsonl";
  auto writer = jsonl_writer(path, {{"mode", "append"}});
  write(writer, "a");
  flush(writer);
  EXPECT_THAT(ids_in(path), ElementsAre("a"));
}

TEST(JsonlWriter, AppendModeWritesToADeviceThatCannotSync) {
  auto writer = jsonl_writer("/dev/null", {{"mode", "append"}});
  write(writer, "a");
  EXPECT_TRUE(writer.flush().ok());
}

TEST(JsonlWriter, IncludeDefaultsPrintsEmptyFields) {
  TempDir dir;
  auto plain = jsonl_writer(dir / "plain.jsonl");
  auto full = jsonl_writer(dir / "full.jsonl", {{"include_defaults", true}});
  write(plain, "a");
  write(full, "a");
  flush(plain);
  flush(full);
  const auto without = opis::test::read_jsonl(dir / "plain.jsonl").at(0);
  const auto with = opis::test::read_jsonl(dir / "full.jsonl").at(0);
  EXPECT_FALSE(without.contains("summary"));
  EXPECT_FALSE(without.contains("classification"));
  EXPECT_EQ(with.value("summary", "absent"), "");
  EXPECT_EQ(with.value("classification", "absent"), "");
  EXPECT_TRUE(with["footnotes"].is_array());
}

TEST(JsonlWriter, UnwritablePathIsAnIoErrorNamingThePath) {
  TempDir dir;
  const fs::path blocker = dir.write("blocker", "a regular file, not a directory");
  const fs::path path = blocker / "records.jsonl";
  for (const char* mode : {"replace", "append"}) {
    const std::string error = start_error({{"path", path.string()}, {"mode", mode}});
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
    auto appending = jsonl_writer(appended, {{"mode", "append"}});
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
  const std::string path = (dir / "records.jsonl").string();
  EXPECT_THAT(start_error(json::object()), HasSubstr("path"));
  EXPECT_THAT(start_error({{"path", ""}}), HasSubstr("path"));
  EXPECT_THAT(start_error({{"path", path}, {"mode", "overwrite"}}), HasSubstr("mode"));
  EXPECT_THAT(start_error({{"path", path}, {"compress", true}}), HasSubstr("compress"));
  EXPECT_EQ(start_error({{"path", path}, {"mode", "append"}, {"include_defaults", true}}), "");
}

}  // namespace
