// ingest/jsonl: records.jsonl read back into records, through the real
// plugin binary (and output/jsonl for the round trip).
#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

using nlohmann::json;
using opis::test::PluginHarness;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

PluginHarness jsonl_ingester(const json& config = json::object()) {
  return PluginHarness::builtin("ingest", "jsonl", config);
}

PluginHarness::IngestResult ingest(const std::string& content, const json& config = {}) {
  auto ingester = jsonl_ingester(config.is_null() ? json::object() : config);
  return ingester.ingest(content, "records.jsonl", "application/x-ndjson");
}

std::vector<std::string> ids_of(const PluginHarness::IngestResult& result) {
  std::vector<std::string> ids;
  for (const auto& record : result.records) ids.push_back(record->message.id());
  return ids;
}

std::string line(const std::string& id) {
  return json{{"id", id}, {"source", {{"uri", id + ".txt"}}}, {"title", "Record " + id}}.dump();
}

std::unique_ptr<opis_record> full_record(const std::string& id, const std::string& text) {
  auto record = opis::test::make_record(text, "Запись " + id);
  auto& r = record->message;
  r.set_id(id);
  r.set_kind("record");
  r.mutable_source()->set_uri("file:///archive/" + id + ".txt");
  r.mutable_source()->set_media_type("text/plain");
  r.mutable_source()->set_sha256(std::string(64, 'a'));
  r.mutable_date()->set_edtf("1956-10-05");
  auto* footnote = r.add_footnotes();
  footnote->set_marker("1");
  footnote->set_text("AVP RF, f. 0102, op. 12, d. 6, p. 68");
  auto* entity = r.add_entities();
  entity->set_type("person");
  entity->set_canonical("Kim Il Sung");
  entity->add_surface("Ким Ир Сен");
  r.add_warnings("text: decoded from KOI8-R");
  return record;
}

TEST(JsonlIngester, RoundTripThroughTheWriterKeepsRecordsIdsSourcesAndOrder) {
  opis::test::TempDir dir;
  std::vector<std::unique_ptr<opis_record>> written;
  written.push_back(full_record("c-first", "Text with \"quotes\",\nnewlines\tand tabs."));
  written.push_back(full_record("a-second", "Второй документ."));
  written.push_back(full_record("b-third", ""));
  {
    auto writer = PluginHarness::builtin("output", "jsonl", {{"path", (dir / "r.jsonl").string()}});
    for (const auto& record : written) ASSERT_TRUE(writer.write(*record).ok());
    ASSERT_TRUE(writer.flush().ok());
  }

  const auto result = ingest(opis::test::read_file(dir / "r.jsonl"));
  ASSERT_TRUE(result.call.ok()) << result.call.message;
  ASSERT_EQ(result.records.size(), written.size());
  for (size_t i = 0; i < written.size(); ++i) {
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(result.records[i]->message,
                                                                   written[i]->message))
        << "record " << i << ":\n"
        << result.records[i]->message.DebugString();
  }
}

TEST(JsonlIngester, HandWrittenLinesKeepTheirIdsSourcesAndOrder) {
  const auto result = ingest(line("z") + "\n" + line("a") + "\n" + line("m") + "\n");
  ASSERT_TRUE(result.call.ok()) << result.call.message;
  EXPECT_THAT(ids_of(result), ElementsAre("z", "a", "m"));
  EXPECT_EQ(result.records[1]->message.source().uri(), "a.txt");
  EXPECT_EQ(result.records[1]->message.title(), "Record a");
}

TEST(JsonlIngester, LowerCamelCaseFieldNamesAreAccepted) {
  const auto result =
      ingest(R"({"id": "a", "parentId": "p", "source": {"mediaType": "text/plain"}})");
  ASSERT_TRUE(result.call.ok()) << result.call.message;
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0]->message.parent_id(), "p");
  EXPECT_EQ(result.records[0]->message.source().media_type(), "text/plain");
}

TEST(JsonlIngester, BlankLinesAreIgnored) {
  const auto result =
      ingest("\n" + line("a") + "\r\n\n   \t\n\r\n" + line("b") + "\r\n\n" + line("c"));
  ASSERT_TRUE(result.call.ok()) << result.call.message;
  EXPECT_THAT(ids_of(result), ElementsAre("a", "b", "c"));
}

TEST(JsonlIngester, ByteOrderMarkIsIgnored) {
  const std::string content = "\xEF\xBB\xBF" + line("a") + "\n";
  const auto result = ingest(content);
  ASSERT_TRUE(result.call.ok()) << result.call.message;
  EXPECT_THAT(ids_of(result), ElementsAre("a"));
  EXPECT_GE(jsonl_ingester().probe(content, "records.jsonl"), 90);
}

TEST(JsonlIngester, BadLineFailsTheDocumentNamingTheLineNumberAndReason) {
  // Line 4: blank lines count.
  const auto result = ingest(line("a") + "\n\n" + line("b") + "\n{\"id\": \"c\", \"title\": \n");
  EXPECT_EQ(result.call.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.call.message, HasSubstr("line 4: not an opis record"));
  EXPECT_THAT(result.call.message, HasSubstr("on_bad_line: skip"));
}

TEST(JsonlIngester, UnknownFieldMakesALineBad) {
  const auto result = ingest(line("a") + "\n{\"id\": \"b\", \"colour\": \"red\"}\n");
  EXPECT_EQ(result.call.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.call.message, HasSubstr("line 2"));
  EXPECT_THAT(result.call.message, HasSubstr("colour"));
}

TEST(JsonlIngester, JsonThatIsNotAnObjectMakesALineBad) {
  const auto result = ingest("[1, 2, 3]\n");
  EXPECT_EQ(result.call.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.call.message, HasSubstr("line 1"));
}

TEST(JsonlIngester, OnBadLineSkipSkipsIt) {
  const auto result =
      ingest(line("a") + "\nnot json at all\n" + line("c") + "\n", {{"on_bad_line", "skip"}});
  ASSERT_TRUE(result.call.ok()) << result.call.message;
  EXPECT_THAT(ids_of(result), ElementsAre("a", "c"));
}

TEST(JsonlIngester, OnBadLineSkipStillFailsWhenNoLineIsARecord) {
  const auto result = ingest("nope\n\n{\"colour\": 1}\n", {{"on_bad_line", "skip"}});
  EXPECT_EQ(result.call.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.call.message, HasSubstr("all 2 non-blank lines were skipped"));
}

TEST(JsonlIngester, EmptyFileIsRefused) {
  const auto empty = ingest("");
  EXPECT_EQ(empty.call.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(empty.call.message, HasSubstr("empty"));
  const auto blank = ingest("\n  \r\n\n");
  EXPECT_EQ(blank.call.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(blank.call.message, HasSubstr("empty"));
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
  EXPECT_THROW(jsonl_ingester({{"on_bad_line", "ignore"}}), std::exception);
  EXPECT_THROW(jsonl_ingester({{"strict", true}}), std::exception);
  EXPECT_NO_THROW(jsonl_ingester({{"on_bad_line", "skip"}}));
}

}  // namespace
