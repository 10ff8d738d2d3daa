// ingest/jsonl: records written by output/jsonl and read back. Host-based on
// purpose (opis::test::PluginHarness): it runs two plugins and proves the
// host's record JSON codec (record_to_json / record_from_json over
// protobuf) keeps every field, which the SDK's harness does not model. The
// ingester's own behaviour is tested through opis/testing.hpp in
// jsonl_ingester_test.cpp.
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

using opis::test::PluginHarness;

std::unique_ptr<opis_record> full_record(const std::string& id, const std::string& text) {
  auto record = opis::test::make_record(text, "Запись " + id);
  auto& r = record->message();
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

  auto ingester = PluginHarness::builtin("ingest", "jsonl");
  const auto result = ingester.ingest(opis::test::read_file(dir / "r.jsonl"), "records.jsonl",
                                      "application/x-ndjson");
  ASSERT_TRUE(result.call.ok()) << result.call.message;
  ASSERT_EQ(result.records.size(), written.size());
  for (size_t i = 0; i < written.size(); ++i) {
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(result.records[i]->message(),
                                                                   written[i]->message()))
        << "record " << i << ":\n"
        << result.records[i]->message().DebugString();
  }
}

}  // namespace
