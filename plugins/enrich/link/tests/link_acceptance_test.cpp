// enrich/link over the example corpus: a listing's hits, built by hand,
// find their record pages, through the SDK's harness (opis/testing.hpp)
// with neither the host nor protobuf linked. The same corpus through
// `opis run` is in link_run_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <opis/testing.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "link_test_support.hpp"
#include "temp_files.hpp"

namespace {

using opis::link::test::build;
using opis::link::test::links_of;
using opis::link::test::RecordSpec;
using opis::testing::Harness;

std::vector<std::string> lines_of(const std::filesystem::path& file) {
  std::vector<std::string> out;
  std::istringstream in(opis::test_files::read_file(file));
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// "March 14, 1957" -> "1957-03-14"; the corpus listing's only date form.
std::string edtf_of(const std::string& date) {
  static const std::map<std::string, std::string> kMonths = {
      {"January", "01"},   {"February", "02"}, {"March", "03"},    {"April", "04"},
      {"May", "05"},       {"June", "06"},     {"July", "07"},     {"August", "08"},
      {"September", "09"}, {"October", "10"},  {"November", "11"}, {"December", "12"}};
  std::istringstream in(date);
  std::string month, day, year;
  in >> month >> day >> year;
  if (!day.empty() && day.back() == ',') day.pop_back();
  if (day.size() == 1) day = "0" + day;
  return year + "-" + kMonths.at(month) + "-" + day;
}

std::filesystem::path corpus() {
  return opis::link::test::source_dir() / "examples/corpus";
}

// The listing's hits as (date line, title), read by its layout: after the
// "Documents" line, blocks of date, title and summary separated by blank lines.
std::vector<std::pair<std::string, std::string>> listing_hits() {
  std::vector<std::string> block;
  std::vector<std::pair<std::string, std::string>> hits;
  bool in_hits = false;
  for (const auto& line : lines_of(corpus() / "listing-search-results.txt")) {
    if (line == "Documents") {
      in_hits = true;
      continue;
    }
    if (!in_hits || line.empty()) continue;
    if (line == "Pagination") break;
    block.push_back(line);
    if (block.size() == 3) {
      hits.emplace_back(block[0], block[1]);
      block.clear();
    }
  }
  return hits;
}

TEST(CorpusAcceptance, HandBuiltListingEntriesFindTheirRecordPages) {
  const auto hits = listing_hits();
  ASSERT_EQ(hits.size(), 10u);
  std::vector<RecordSpec> records;
  std::map<std::string, std::string> record_of_key;  // "title|edtf" -> record id
  for (const auto& entry : std::filesystem::directory_iterator(corpus())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("record-", 0) != 0) continue;
    const auto lines = lines_of(entry.path());
    ASSERT_GE(lines.size(), 5u) << name;
    // Page layout: "Skip to content", blank, date line, blank, title.
    RecordSpec spec{name, "record", lines[4], edtf_of(lines[2]), "", "file:///" + name};
    record_of_key[spec.title + "|" + spec.date] = name;
    records.push_back(spec);
  }
  ASSERT_EQ(records.size(), 8u);

  opis::test_files::TempDir dir;
  const std::string config =
      R"({"index_file": )" + opis::link::test::json_string((dir / "index.jsonl").string()) + "}";
  {
    Harness plugin(OPIS_PLUGIN_FILE, config);
    for (const auto& spec : records) {
      auto record = build(spec);
      ASSERT_NO_THROW(plugin.enrich(record));
    }
  }
  Harness plugin(OPIS_PLUGIN_FILE, config);
  size_t linked = 0;
  for (size_t i = 0; i < hits.size(); ++i) {
    const RecordSpec spec{"hit-" + std::to_string(i + 1),
                          "listing_entry",
                          hits[i].second,
                          edtf_of(hits[i].first),
                          "",
                          "file:///listing-search-results.txt"};
    auto record = build(spec);
    ASSERT_NO_THROW(plugin.enrich(record));
    const auto links = links_of(record);
    const auto expected = record_of_key.find(spec.title + "|" + spec.date);
    if (expected == record_of_key.end()) {
      EXPECT_TRUE(links.empty()) << spec.title;
      continue;
    }
    ++linked;
    EXPECT_THAT(links, ::testing::ElementsAre(
                           opis::link::test::LinkTuple{"full_record", expected->second, 1.0}))
        << spec.title;
  }
  EXPECT_EQ(linked, 8u);  // hits 5 and 9 have no record page
}

}  // namespace
