// output/jsonl: the field names in records.jsonl. Host-based on purpose
// (opis::test::PluginHarness): the plugin writes what the host's record JSON
// codec (record_to_json over protobuf) gives it, and this checks that codec's
// names (source.media_type, parent_id, not the lowerCamelCase protobuf JSON
// names), which the SDK's harness does not model. The writer's own behaviour
// is tested through opis/testing.hpp in jsonl_writer_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using opis::test::PluginHarness;
using opis::test::TempDir;

PluginHarness jsonl_writer(const fs::path& path, json config = json::object()) {
  config["path"] = path.string();
  return PluginHarness::builtin("output", "jsonl", config);
}

std::unique_ptr<opis_record> record(const std::string& id, const std::string& text = "Text.") {
  auto r = opis::test::make_record(text, "Title " + id);
  r->message().set_id(id);
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

TEST(JsonlWriter, WritesOneLinePerRecordWithProtoFieldNames) {
  TempDir dir;
  const fs::path path = dir / "records.jsonl";
  auto writer = jsonl_writer(path);
  auto first = record("r-1", "Line one\nline \"two\"");
  first->message().mutable_source()->set_media_type("text/plain");
  first->message().mutable_date()->set_edtf("1956-08-30");
  first->message().set_parent_id("parent");
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

}  // namespace
