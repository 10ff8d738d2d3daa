// ingest/archive-listing over real listings (the seeds) and the project's
// example corpus, through the real plugin binary run by the SDK's harness
// (opis/testing.hpp): this executable links neither the host nor protobuf.
// The end-to-end run through the opis executable is in pipeline_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <opis/testing.hpp>
#include <string>
#include <system_error>
#include <vector>

#include "temp_files.hpp"

namespace {

namespace fs = std::filesystem;
using opis::testing::Harness;
using opis::testing::Record;
using ::testing::IsEmpty;

fs::path corpus() {
  return fs::path(OPIS_TEST_SOURCE_DIR) / "examples" / "corpus";
}

// The shared seed documents beside the repository; empty when absent.
fs::path seeds_dir() {
  return opis::test_files::seeds_beside(fs::path(OPIS_TEST_SOURCE_DIR));
}

std::vector<Record> ingest_file(const fs::path& file) {
  Harness ingester(OPIS_PLUGIN_FILE);
  auto result = ingester.try_ingest(opis::test_files::read_file(file), file.filename().string());
  EXPECT_TRUE(result.ok()) << file << ": " << result.message;
  return std::move(result.records);
}

std::string meta(const Record& record, const std::string& name) {
  for (const auto& p : record.metadata()) {
    if (p.name == name) return std::string(p.value);
  }
  return "<absent>";
}

int probe_file(const fs::path& file) {
  Harness ingester(OPIS_PLUGIN_FILE);
  return ingester.probe(opis::test_files::read_file(file), file.filename().string());
}

TEST(ArchiveListingAcceptance, Seed002GivesTenEntriesOfEleven) {
  const auto seeds = seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "no seeds directory";
  const auto records = ingest_file(seeds / "002_34c222c907d19a4a.txt");
  ASSERT_EQ(records.size(), 10u);
  EXPECT_EQ(records[0].date_surface(), "January 3, 1962");
  EXPECT_EQ(
      records[0].title(),
      "Information on the Attitude of the Korean Workers\u2019 Party to Some Decisions of the "
      "22nd CPSU [Communist Party of the Soviet Union] Congress");
  EXPECT_THAT(records[0].summary(), ::testing::StartsWith("Dimo Dichev, Head of the Central"));
  EXPECT_EQ(records[1].date_surface(), "February 21, 1956");
  EXPECT_EQ(records[9].date_surface(), "June 10, 1971");
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
  const auto seeds = seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "no seeds directory";
  EXPECT_GE(probe_file(seeds / "002_34c222c907d19a4a.txt"), 80);
  EXPECT_LE(probe_file(seeds / "000_7b0f58b745e042a5.txt"), 5);
  EXPECT_LE(probe_file(seeds / "003_4586cb435a2fc35a.txt"), 5);
  EXPECT_LE(probe_file(seeds / "004_6b099c9bf1af78cb.txt"), 5);
}

TEST(ArchiveListingAcceptance, CorpusPlainListingGivesTenEntriesOfTwelve) {
  const auto records = ingest_file(corpus() / "listing-search-results.txt");
  ASSERT_EQ(records.size(), 10u);
  EXPECT_EQ(records[0].date_surface(), "March 14, 1957");
  EXPECT_EQ(records[0].title(),
            "Telegram from Soviet Ambassador V. I. Ivanov to A. I. Mikoyan on the Food Situation "
            "in the DPRK");
  EXPECT_EQ(records[4].date_surface(), "May 2, 1958");
  EXPECT_EQ(records[8].date_surface(), "July 8, 1967");
  EXPECT_EQ(records[9].date_surface(), "April 19, 1964");
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
    EXPECT_EQ(records[i].date_surface(), dates[i]);
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

}  // namespace
