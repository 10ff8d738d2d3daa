// ingest/archive-listing end to end: `opis run` with listings and a record
// page, through the host's ingester choice and the jsonl output. Host-based
// on purpose (it runs the opis executable and several plugins); the plugin
// itself is tested through opis/testing.hpp in the other files here.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

fs::path corpus() {
  return opis::test::source_dir() / "examples" / "corpus";
}

TEST(ArchiveListingAcceptance, PipelineSendsListingsHereAndRecordsToText) {
  opis::test::TempDir dir;
  const auto pipeline = dir.write("pipeline.yaml",
                                  "version: 1\n"
                                  "ingest: [archive-listing, text]\n"
                                  "enrich: []\n"
                                  "output:\n"
                                  "  - plugin: jsonl\n"
                                  "    config: {path: \"${out}/records.jsonl\"}\n");
  const auto result = opis::test::run_opis(
      {"run", "--no-progress", "--pipeline", pipeline.string(), "--out", (dir / "out").string(),
       (corpus() / "listing-search-results.txt").string(),
       (corpus() / "listing-bulleted.txt").string(),
       (corpus() / "record-1952-02-09-pak-hon-yong-memorandum.txt").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto lines = opis::test::read_jsonl(dir / "out" / "records.jsonl");
  ASSERT_EQ(lines.size(), 16u);
  EXPECT_EQ(lines[0]["kind"], "listing_entry");
  EXPECT_EQ(lines[0]["date"]["surface"], "March 14, 1957");
  EXPECT_EQ(lines[10]["kind"], "listing_entry");
  EXPECT_EQ(lines[10]["title"],
            "Memorandum of the VKP(b) CC Foreign Policy Commission on a Conversation with Pak "
            "Hon-yong");
  EXPECT_EQ(lines[15]["kind"], "document");
  EXPECT_EQ(lines[0]["provenance"][0]["plugin"], "archive-listing");
}

}  // namespace
