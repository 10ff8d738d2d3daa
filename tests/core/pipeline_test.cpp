// A pipeline over the built-in plugins: checked in full before it starts,
// stable record ids, the source stamped on every record, failures that say
// why, and outputs written through write() and flush().
#include "opis/core/pipeline.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "opis/core/error.hpp"
#include "opis/core/pipeline_config.hpp"
#include "opis/core/plugin_registry.hpp"
#include "opis/core/text.hpp"
#include "test_support.hpp"

namespace {

using opis::core::Document;
using opis::core::DocumentResult;
using opis::core::Pipeline;
using opis::core::PipelineConfig;
using opis::core::PluginRegistry;
using opis::core::UsageError;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registry_ =
        std::make_unique<PluginRegistry>(PluginRegistry::load({opis::test::builtin_plugin_dir()}));
  }
  static void TearDownTestSuite() { registry_.reset(); }

  void SetUp() override {
    ASSERT_NE(registry_->find(OPIS_KIND_INGEST, "text"), nullptr)
        << "built-in plugins missing from " << opis::test::builtin_plugin_dir();
    ASSERT_NE(registry_->find(OPIS_KIND_OUTPUT, "jsonl"), nullptr);
  }

  // A pipeline reading text and writing records.jsonl into `out_`.
  std::unique_ptr<Pipeline> text_pipeline(const std::string& ingest = "[text]") {
    const PipelineConfig config = opis::core::parse_pipeline_config(
        "ingest: " + ingest + "\noutput: [{plugin: jsonl, config: {path: '${out}/records.jsonl'}}]",
        "p.yaml", {{"out", out_.path().string()}});
    return std::make_unique<Pipeline>(config, *registry_, 1);
  }

  static Document document(const std::string& name, const std::string& content) {
    Document d;
    d.uri = "corpus/" + name;
    d.name = name;
    d.content = content;
    return d;
  }

  static std::unique_ptr<PluginRegistry> registry_;
  opis::test::TempDir out_;
};

std::unique_ptr<PluginRegistry> PipelineTest::registry_;

TEST_F(PipelineTest, UnknownPluginAndBadConfigAreReportedTogether) {
  const PipelineConfig config = opis::core::parse_pipeline_config(R"(
ingest:
  - plugin: text
    config: {encodng: KOI8-R}
  - plugin: no-such-ingester
output:
  - plugin: jsonl
    config: {path: out.jsonl}
)",
                                                                  "p.yaml", {});
  try {
    Pipeline pipeline(config, *registry_, 1);
    FAIL() << "an invalid pipeline was accepted";
  } catch (const UsageError& e) {
    EXPECT_THAT(
        e.what(),
        AllOf(HasSubstr("p.yaml: the pipeline is not valid"),
              HasSubstr("p.yaml, ingest[0] (text): config of ingest plugin 'text' is "
                        "invalid at /: unknown property 'encodng'"),
              HasSubstr(
                  "p.yaml, ingest[1] (no-such-ingester): no ingest plugin named 'no-such-ingester' "
                  "(available: "),
              HasSubstr("text")));
  }
}

TEST_F(PipelineTest, MissingRequiredOutputConfigIsRefusedBeforeAnythingRuns) {
  const PipelineConfig config =
      opis::core::parse_pipeline_config("ingest: [text]\noutput: [jsonl]", "p.yaml", {});
  try {
    Pipeline pipeline(config, *registry_, 1);
    FAIL() << "an output without its required path was accepted";
  } catch (const UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("p.yaml, output[0]: config of output plugin 'jsonl' is "
                                    "invalid at /: missing required property 'path'"));
  }
}

TEST_F(PipelineTest, TextDocumentBecomesOneStampedRecord) {
  auto pipeline = text_pipeline();
  const std::string content = "Memorandum of conversation\n\nN. S. Khrushchev received ...\n";
  const DocumentResult result = pipeline->process(document("memo.txt", content), 0);
  ASSERT_FALSE(result.failure) << result.failure->reason;
  ASSERT_EQ(result.records.size(), 1u);
  const auto& record = result.records[0]->message();

  EXPECT_EQ(record.id().size(), 64u);
  EXPECT_EQ(record.kind(), "document");
  EXPECT_EQ(record.text(), content);
  EXPECT_EQ(record.source().uri(), "corpus/memo.txt");
  EXPECT_EQ(record.source().name(), "memo.txt");
  EXPECT_EQ(record.source().sha256(), opis::core::sha256_hex(content));
  EXPECT_EQ(record.source().size(), content.size());
  EXPECT_EQ(record.source().media_type(), "text/plain");

  ASSERT_EQ(record.provenance_size(), 1);
  const auto& event = record.provenance(0);
  EXPECT_EQ(event.plugin(), "text");
  EXPECT_EQ(event.kind(), "ingest");
  EXPECT_EQ(event.outcome(), "ok");
  EXPECT_EQ(event.version(), registry_->find(OPIS_KIND_INGEST, "text")->identity().version);
}

TEST_F(PipelineTest, DurationsAreLeftOutWithoutTimings) {
  // So the same input gives byte-identical records on every run.
  const DocumentResult result = text_pipeline()->process(document("a.txt", "Some text\n"), 0);
  ASSERT_EQ(result.records.size(), 1u);
  ASSERT_GT(result.records[0]->message().provenance_size(), 0);
  for (const auto& event : result.records[0]->message().provenance()) {
    EXPECT_EQ(event.duration_us(), 0u) << event.plugin();
  }
}

TEST_F(PipelineTest, SameInputGivesTheSameIdOnEveryRun) {
  const std::string content = "Telegram No. 42\nText of the telegram.\n";
  std::string first_id;
  {
    auto pipeline = text_pipeline();
    const DocumentResult result = pipeline->process(document("t.txt", content), 0);
    ASSERT_EQ(result.records.size(), 1u);
    first_id = result.records[0]->message().id();
  }
  auto pipeline = text_pipeline();
  const DocumentResult again = pipeline->process(document("t.txt", content), 0);
  ASSERT_EQ(again.records.size(), 1u);
  EXPECT_EQ(again.records[0]->message().id(), first_id);

  const DocumentResult other = pipeline->process(document("t.txt", content + "P.S.\n"), 0);
  ASSERT_EQ(other.records.size(), 1u);
  EXPECT_NE(other.records[0]->message().id(), first_id);
}

TEST_F(PipelineTest, DeclaredMediaTypeIsKeptAndSniffingFillsTheRest) {
  auto pipeline = text_pipeline();
  Document declared = document("notes", "# Notes\n");
  declared.media_type = "text/markdown";
  const DocumentResult result = pipeline->process(declared, 0);
  ASSERT_EQ(result.records.size(), 1u) << (result.failure ? result.failure->reason : "");
  EXPECT_EQ(result.records[0]->message().source().media_type(), "text/markdown");
}

TEST_F(PipelineTest, BinaryDocumentFailsNamingItsMediaType) {
  auto pipeline = text_pipeline();
  const DocumentResult result =
      pipeline->process(document("blob.bin", std::string("\x01\x02\0\x03\xFF", 5)), 0);
  EXPECT_THAT(result.records, IsEmpty());
  ASSERT_TRUE(result.failure);
  EXPECT_EQ(result.failure->status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.failure->reason,
              HasSubstr("no ingester in the pipeline reads application/octet-stream"));
  // And what the pipeline's ingesters do read, so the user can fix it.
  EXPECT_THAT(result.failure->reason, HasSubstr("text reads text/plain"));
}

TEST_F(PipelineTest, EmptyTextDocumentFailsSayingItIsEmpty) {
  auto pipeline = text_pipeline();
  const DocumentResult result = pipeline->process(document("empty.txt", ""), 0);
  EXPECT_THAT(result.records, IsEmpty());
  ASSERT_TRUE(result.failure);
  EXPECT_EQ(result.failure->plugin, "ingest/text");
  EXPECT_EQ(result.failure->status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.failure->reason, HasSubstr("empty"));
}

TEST_F(PipelineTest, MatchReplacesThePluginsOwnMediaTypesAndPatterns) {
  auto pipeline = text_pipeline("[{plugin: text, match: {globs: ['*.memo']}}]");
  const DocumentResult memo = pipeline->process(document("a.memo", "Memo text\n"), 0);
  EXPECT_EQ(memo.records.size(), 1u) << (memo.failure ? memo.failure->reason : "");
  const DocumentResult txt = pipeline->process(document("a.txt", "Plain text\n"), 0);
  ASSERT_TRUE(txt.failure);
  EXPECT_THAT(txt.failure->reason,
              HasSubstr("no ingester in the pipeline reads text/plain (text reads *.memo)"));
}

TEST_F(PipelineTest, WriteAndFlushProduceTheOutputFile) {
  auto pipeline = text_pipeline();
  const DocumentResult result = pipeline->process(document("memo.txt", "Short memo\n"), 0);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(pipeline->write(result, "corpus/memo.txt"), std::nullopt);
  EXPECT_THAT(pipeline->flush(), IsEmpty());

  const std::filesystem::path file = out_ / "records.jsonl";
  ASSERT_TRUE(std::filesystem::exists(file));
  const auto lines = opis::test::read_jsonl(file);
  ASSERT_EQ(lines.size(), 1u);
  nlohmann::json line = lines[0];  // non-const: a missing key fails the check, not the run
  EXPECT_EQ(line["id"], result.records[0]->message().id());
  EXPECT_EQ(line["source"]["uri"], "corpus/memo.txt");
  EXPECT_EQ(line["text"], "Short memo\n");
}

TEST_F(PipelineTest, InOrderEnricherRunsOnlyInEnrichInOrderInTheOrderOfThoseCalls) {
  const PluginRegistry registry = PluginRegistry::load(
      {opis::test::builtin_plugin_dir(), opis::test::fixture_plugin_dir() / "sequence_enricher"});
  const PipelineConfig config = opis::core::parse_pipeline_config(
      "ingest: [text]\nenrich: [sequence]\n"
      "output: [{plugin: jsonl, config: {path: '${out}/records.jsonl'}}]",
      "p.yaml", {{"out", out_.path().string()}});
  Pipeline pipeline(config, registry, 3);
  ASSERT_TRUE(pipeline.has_in_order_steps());

  std::vector<DocumentResult> results;
  for (const char* name : {"a.txt", "b.txt", "c.txt"}) {
    results.push_back(pipeline.process(document(name, std::string(name) + "\n"), 1));
    ASSERT_FALSE(results.back().failure);
    // Not yet: process() stops before the in-order step.
    EXPECT_THAT(results.back().records[0]->message().warnings(), IsEmpty());
  }
  pipeline.enrich_in_order(results[2], "corpus/c.txt");
  pipeline.enrich_in_order(results[0], "corpus/a.txt");
  pipeline.enrich_in_order(results[1], "corpus/b.txt");
  EXPECT_EQ(results[2].records[0]->message().warnings(0), "sequence: #0: corpus/c.txt");
  EXPECT_EQ(results[0].records[0]->message().warnings(0), "sequence: #1: corpus/a.txt");
  EXPECT_EQ(results[1].records[0]->message().warnings(0), "sequence: #2: corpus/b.txt");
}

TEST_F(PipelineTest, WithoutInOrderEnrichersProcessRunsTheWholeChain) {
  auto pipeline = text_pipeline();
  EXPECT_FALSE(pipeline->has_in_order_steps());
  DocumentResult result = pipeline->process(document("memo.txt", "Short memo\n"), 0);
  const auto before = result.records[0]->message().SerializeAsString();
  pipeline->enrich_in_order(result, "corpus/memo.txt");
  EXPECT_EQ(result.records[0]->message().SerializeAsString(), before);
}

}  // namespace
