// ingest/archive-listing over real listings (the seeds) and the project's
// example corpus, and end to end through the opis executable.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using opis::test::PluginHarness;
using ::testing::IsEmpty;

fs::path corpus() {
  return opis::test::source_dir() / "examples" / "corpus";
}

std::vector<opis::v1::Record> ingest_file(const fs::path& file) {
  auto ingester = PluginHarness::builtin("ingest", "archive-listing");
  auto result = ingester.ingest(opis::test::read_file(file), file.filename().string());
  EXPECT_TRUE(result.call.ok()) << file << ": " << result.call.message;
  std::vector<opis::v1::Record> records;
  for (const auto& r : result.records) records.push_back(r->message);
  return records;
}

std::string meta(const opis::v1::Record& record, const std::string& name) {
  for (const auto& p : record.metadata()) {
    if (p.name() == name) return p.value();
  }
  return "<absent>";
}

int probe_file(const fs::path& file) {
  auto ingester = PluginHarness::builtin("ingest", "archive-listing");
  return ingester.probe(opis::test::read_file(file), file.filename().string());
}

TEST(ArchiveListingAcceptance, Seed002GivesTenEntriesOfEleven) {
  const auto seeds = opis::test::seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "no seeds directory";
  const auto records = ingest_file(seeds / "002_34c222c907d19a4a.txt");
  ASSERT_EQ(records.size(), 10u);
  EXPECT_EQ(records[0].date().surface(), "January 3, 1962");
  EXPECT_EQ(
      records[0].title(),
      "Information on the Attitude of the Korean Workers\u2019 Party to Some Decisions of the "
      "22nd CPSU [Communist Party of the Soviet Union] Congress");
  EXPECT_THAT(records[0].summary(), ::testing::StartsWith("Dimo Dichev, Head of the Central"));
  EXPECT_EQ(records[1].date().surface(), "February 21, 1956");
  EXPECT_EQ(records[9].date().surface(), "June 10, 1971");
  EXPECT_EQ(records[9].summary(),
            "Abridged in order to more succinctly focus on matters of Inter-Korean relations.");
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].kind(), "listing_entry");
    EXPECT_FALSE(records[i].summary().empty()) << i;
    EXPECT_EQ(meta(records[i], "listing_total"), "11");
    EXPECT_EQ(meta(records[i], "listing_first"), "1");
    EXPECT_EQ(meta(records[i], "listing_last"), "10");
    EXPECT_EQ(meta(records[i], "listing_rank"), std::to_string(i + 1));
    EXPECT_THAT(records[i].warnings(), IsEmpty());
  }
}

TEST(ArchiveListingAcceptance, SeedsProbeAsListingOrNot) {
  const auto seeds = opis::test::seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "no seeds directory";
  EXPECT_GE(probe_file(seeds / "002_34c222c907d19a4a.txt"), 80);
  EXPECT_LE(probe_file(seeds / "000_7b0f58b745e042a5.txt"), 5);
  EXPECT_LE(probe_file(seeds / "003_4586cb435a2fc35a.txt"), 5);
  EXPECT_LE(probe_file(seeds / "004_6b099c9bf1af78cb.txt"), 5);
}

TEST(ArchiveListingAcceptance, CorpusPlainListingGivesTenEntriesOfTwelve) {
  const auto records = ingest_file(corpus() / "listing-search-results.txt");
  ASSERT_EQ(records.size(), 10u);
  EXPECT_EQ(records[0].date().surface(), "March 14, 1957");
  EXPECT_EQ(records[0].title(),
            "Telegram from Soviet Ambassador V. I. Ivanov to A. I. Mikoyan on the Food Situation "
            "in the DPRK");
  EXPECT_EQ(records[4].date().surface(), "May 2, 1958");
  EXPECT_EQ(records[8].date().surface(), "July 8, 1967");
  EXPECT_EQ(records[9].date().surface(), "April 19, 1964");
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(meta(records[i], "listing_total"), "12");
    EXPECT_EQ(meta(records[i], "listing_rank"), std::to_string(i + 1));
    EXPECT_FALSE(records[i].summary().empty()) << i;
    EXPECT_THAT(records[i].warnings(), IsEmpty());
  }
}

TEST(ArchiveListingAcceptance, CorpusBulletedListingGivesFiveEntries) {
  const auto records = ingest_file(corpus() / "listing-bulleted.txt");
  ASSERT_EQ(records.size(), 5u);
  const std::vector<std::string> dates = {"February 9, 1952", "December 11, 1957",
                                          "October 5, 1956", "April 3, 1963", "February 16, 1965"};
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].date().surface(), dates[i]);
    EXPECT_EQ(meta(records[i], "listing_total"), "5");
    EXPECT_EQ(meta(records[i], "listing_query"), "Peng Dehuai");
    EXPECT_FALSE(records[i].summary().empty()) << i;
    EXPECT_THAT(records[i].warnings(), IsEmpty());
  }
  EXPECT_EQ(records[0].title(),
            "Memorandum of the VKP(b) CC Foreign Policy Commission on a Conversation with Pak "
            "Hon-yong");
}

TEST(ArchiveListingAcceptance, CorpusRecordPagesAndArticleProbeLow) {
  for (const auto& entry : fs::directory_iterator(corpus())) {
    const auto name = entry.path().filename().string();
    const int confidence = probe_file(entry.path());
    if (name.starts_with("listing-")) {
      EXPECT_GE(confidence, 80) << name;
    } else {
      EXPECT_LE(confidence, 5) << name;
    }
  }
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
