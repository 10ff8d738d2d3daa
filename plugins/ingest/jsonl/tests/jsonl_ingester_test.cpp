// ingest/jsonl: records.jsonl read back into records, through the real
// plugin binary run by the SDK's harness (opis/testing.hpp): this executable
// links neither the host nor protobuf. The harness parses a line
// (record_from_json) in the shape the host does, for the fields the ABI
// exposes; the full round trip through output/jsonl and the host's parser
// is in jsonl_round_trip_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <opis/testing.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace {

using opis::testing::Failure;
using opis::testing::Harness;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

Harness jsonl_ingester(std::string_view config = "{}") {
  return Harness(OPIS_PLUGIN_FILE, config);
}

Harness::Ingested ingest(const std::string& content, std::string_view config = "{}") {
  auto ingester = jsonl_ingester(config);
  return ingester.try_ingest(content, "records.jsonl", "application/x-ndjson");
}

std::vector<std::string> ids_of(const Harness::Ingested& result) {
  std::vector<std::string> ids;
  for (const auto& record : result.records) ids.emplace_back(record.id());
  return ids;
}

std::string line(const std::string& id) {
  return R"({"id":")" + id + R"(","source":{"uri":")" + id + R"(.txt"},"title":"Record )" + id +
         R"("})";
}

TEST(JsonlIngester, HandWrittenLinesKeepTheirIdsSourcesAndOrder) {
  const auto result = ingest(line("z") + "\n" + line("a") + "\n" + line("m") + "\n");
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_THAT(ids_of(result), ElementsAre("z", "a", "m"));
  EXPECT_EQ(result.records[1].field(OPIS_FIELD_SOURCE_URI), "a.txt");
  EXPECT_EQ(result.records[1].title(), "Record a");
}

TEST(JsonlIngester, LowerCamelCaseFieldNamesAreAccepted) {
  const auto result =
      ingest(R"({"id": "a", "parentId": "p", "source": {"mediaType": "text/plain"}})");
  ASSERT_TRUE(result.ok()) << result.message;
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].field(OPIS_FIELD_PARENT_ID), "p");
  EXPECT_EQ(result.records[0].field(OPIS_FIELD_SOURCE_MEDIA_TYPE), "text/plain");
}

TEST(JsonlIngester, BlankLinesAreIgnored) {
  const auto result =
      ingest("\n" + line("a") + "\r\n\n   \t\n\r\n" + line("b") + "\r\n\n" + line("c"));
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_THAT(ids_of(result), ElementsAre("a", "b", "c"));
}

TEST(JsonlIngester, ByteOrderMarkIsIgnored) {
  const std::string content = "\xEF\xBB\xBF" + line("a") + "\n";
  const auto result = ingest(content);
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_THAT(ids_of(result), ElementsAre("a"));
  EXPECT_GE(jsonl_ingester().probe(content, "records.jsonl"), 90);
}

TEST(JsonlIngester, BadLineFailsTheDocumentNamingTheLineNumberAndReason) {
  // Line 4: blank lines count.
  const auto result = ingest(line("a") + "\n\n" + line("b") + "\n{\"id\": \"c\", \"title\": \n");
  EXPECT_EQ(result.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.message, HasSubstr("line 4: not an opis record"));
  EXPECT_THAT(result.message, HasSubstr("on_bad_line: skip"));
}

TEST(JsonlIngester, UnknownFieldMakesALineBad) {
  const auto result = ingest(line("a") + "\n{\"id\": \"b\", \"colour\": \"red\"}\n");
  EXPECT_EQ(result.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.message, HasSubstr("line 2"));
  EXPECT_THAT(result.message, HasSubstr("colour"));
}

TEST(JsonlIngester, JsonThatIsNotAnObjectMakesALineBad) {
  const auto result = ingest("[1, 2, 3]\n");
  EXPECT_EQ(result.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.message, HasSubstr("line 1"));
}

TEST(JsonlIngester, OnBadLineSkipSkipsIt) {
  const auto result =
      ingest(line("a") + "\nnot json at all\n" + line("c") + "\n", R"({"on_bad_line": "skip"})");
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_THAT(ids_of(result), ElementsAre("a", "c"));
}

TEST(JsonlIngester, OnBadLineSkipStillFailsWhenNoLineIsARecord) {
  const auto result = ingest("nope\n\n{\"colour\": 1}\n", R"({"on_bad_line": "skip"})");
  EXPECT_EQ(result.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.message, HasSubstr("all 2 non-blank lines were skipped"));
}

TEST(JsonlIngester, EmptyFileIsRefused) {
  const auto empty = ingest("");
  EXPECT_EQ(empty.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(empty.message, HasSubstr("empty"));
  const auto blank = ingest("\n  \r\n\n");
  EXPECT_EQ(blank.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(blank.message, HasSubstr("empty"));
}

TEST(JsonlIngester, ProbeIsHighForJsonObjectsAndZeroOtherwise) {
  auto ingester = jsonl_ingester();
  EXPECT_GE(ingester.probe(line("a") + "\n", "records.jsonl"), 90);
  EXPECT_GE(ingester.probe("\n  \t{\"id\":\"a\"}", "records.jsonl"), 90);
  EXPECT_EQ(ingester.probe("Memorandum of conversation\n", "notes.txt"), 0);
  EXPECT_EQ(ingester.probe("[1, 2]\n", "list.jsonl"), 0);
  EXPECT_EQ(ingester.probe("", "empty.jsonl"), 0);
  EXPECT_EQ(ingester.probe(" \n\n", "blank.jsonl"), 0);
}

TEST(JsonlIngester, SchemaRefusesUnknownKeysAndBadValues) {
  EXPECT_THROW(jsonl_ingester(R"({"on_bad_line": "ignore"})"), Failure);
  EXPECT_THROW(jsonl_ingester(R"({"strict": true})"), Failure);
  EXPECT_NO_THROW(jsonl_ingester(R"({"on_bad_line": "skip"})"));
}

}  // namespace
