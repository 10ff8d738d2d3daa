// Plugins built from the frozen ABI 1.0 and 1.1 headers load and run on this
// host, through the real `opis run` (tests/abi/README.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.hpp"

namespace opis {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;

constexpr const char* kPipeline = R"(version: 1
ingest: [abi10-paragraphs]
enrich:
  - plugin: abi10-marker
    config: {marker: grain, author: Frozen Fixture}
output:
  - plugin: jsonl
    config: {path: "${out}/records.jsonl"}
)";

TEST(FrozenAbi10, PluginsAreListedAsAbi10AndCompatible) {
  const auto result =
      test::run_opis({"--plugin-path", OPIS_FROZEN_ABI_PLUGIN_DIR, "plugins", "list"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, testing::ContainsRegex("ingest +abi10-paragraphs +1.0.0 +1.0 "));
  EXPECT_THAT(result.out, testing::ContainsRegex("enrich +abi10-marker +1.0.0 +1.0 "));
}

TEST(FrozenAbi10, IngestAndEnrichRunThroughOpisRun) {
  test::TempDir dir;
  const fs::path pipeline = dir.write("pipeline.yaml", kPipeline);
  const fs::path input = dir.write("in/report.abi10",
                                   "Grain report\nThe grain deliveries of 1957.\n\n"
                                   "Second part\nNothing about food here.\n");
  const auto result = test::run_opis({"--plugin-path", OPIS_FROZEN_ABI_PLUGIN_DIR, "run",
                                      "--no-progress", "--pipeline", pipeline.string(), "--out",
                                      (dir / "out").string(), input.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("opis: 1 documents, 2 records, 0 failed"));

  const auto records = test::read_jsonl(dir / "out" / "records.jsonl");
  ASSERT_EQ(records.size(), 2u);
  const auto& first = records[0];
  EXPECT_EQ(first["kind"], "paragraph");
  EXPECT_EQ(first["title"], "Grain report");
  EXPECT_EQ(first["text"], "The grain deliveries of 1957.");
  EXPECT_EQ(first["metadata"][0]["name"], "paragraph");
  EXPECT_EQ(first["metadata"][0]["value"], "1");
  ASSERT_EQ(first["annotations"].size(), 1u);
  EXPECT_EQ(first["annotations"][0]["type"], "abi10");
  EXPECT_EQ(first["annotations"][0]["begin"], 4);
  EXPECT_EQ(first["annotations"][0]["end"], 9);
  EXPECT_EQ(first["annotations"][0]["plugin"], "abi10-marker");
  EXPECT_EQ(first["contributors"][0]["name"], "Frozen Fixture");
  EXPECT_EQ(first["contributors"][0]["role"], "author");
  EXPECT_EQ(first["provenance"][0]["plugin"], "abi10-paragraphs");
  EXPECT_EQ(first["provenance"][1]["plugin"], "abi10-marker");

  const auto& second = records[1];
  EXPECT_EQ(second["title"], "Second part");
  EXPECT_FALSE(second.contains("annotations"));
  ASSERT_EQ(second["warnings"].size(), 1u);
  EXPECT_THAT(second["warnings"][0].get<std::string>(), HasSubstr("marker not found"));
}

TEST(FrozenAbi10, RefusalOfADocumentIsReportedByName) {
  test::TempDir dir;
  const fs::path pipeline = dir.write("pipeline.yaml", kPipeline);
  const fs::path input = dir.write("blank.abi10", "\n\n\n");
  const auto result = test::run_opis({"--plugin-path", OPIS_FROZEN_ABI_PLUGIN_DIR, "run",
                                      "--no-progress", "--pipeline", pipeline.string(), "--out",
                                      (dir / "out").string(), input.string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("blank.abi10: ingest/abi10-paragraphs: no paragraph in the "
                                    "document"));
}

TEST(FrozenAbi11, InOrderEnricherIsListedAsAbi11AndSeesRecordsInInputOrder) {
  const auto listed =
      test::run_opis({"--plugin-path", OPIS_FROZEN_ABI11_PLUGIN_DIR, "plugins", "list"});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_THAT(listed.out, testing::ContainsRegex("enrich +abi11-sequence +1.0.0 +1.1 "));

  test::TempDir dir;
  const fs::path pipeline =
      dir.write("pipeline.yaml",
                "ingest: [text]\n"
                "enrich: [dates, abi11-sequence]\n"
                "output: [{plugin: jsonl, config: {path: '${out}/r.jsonl'}}]\n");
  for (int i = 0; i < 12; ++i) {
    // Uneven sizes, so the workers finish out of input order.
    dir.write("in/doc-" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".txt",
              "Memo of 3 May 1957\n" + std::string((i % 4) * 50000, 'y') + "\n");
  }
  const auto result = test::run_opis(
      {"--plugin-path", OPIS_FROZEN_ABI11_PLUGIN_DIR, "run", "--no-progress", "--workers", "3",
       "--pipeline", pipeline.string(), "--out", (dir / "out").string(), (dir / "in").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto records = test::read_jsonl(dir / "out" / "r.jsonl");
  ASSERT_EQ(records.size(), 12u);
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i]["warnings"][0], "abi11-sequence: #" + std::to_string(i) + " " +
                                             records[i]["source"]["uri"].get<std::string>());
  }
}

}  // namespace
}  // namespace opis
