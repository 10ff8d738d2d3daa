// enrich/link over the example corpus and the seeds: a listing's hits find
// their record pages, by hand-built records and through `opis run`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "link_test_support.hpp"

namespace {

using nlohmann::json;
using opis::link::test::build;
using opis::link::test::links_of;
using opis::link::test::RecordSpec;

std::vector<std::string> lines_of(const std::filesystem::path& file) {
  std::vector<std::string> out;
  std::istringstream in(opis::test::read_file(file));
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
  return opis::test::source_dir() / "examples/corpus";
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

  opis::test::TempDir dir;
  const json config = {{"index_file", (dir / "index.jsonl").string()}};
  {
    auto plugin = opis::test::PluginHarness::builtin("enrich", "link", config);
    for (const auto& spec : records) ASSERT_TRUE(plugin.enrich(*build(spec)).ok());
  }
  auto plugin = opis::test::PluginHarness::builtin("enrich", "link", config);
  size_t linked = 0;
  for (size_t i = 0; i < hits.size(); ++i) {
    const RecordSpec spec{"hit-" + std::to_string(i + 1),
                          "listing_entry",
                          hits[i].second,
                          edtf_of(hits[i].first),
                          "",
                          "file:///listing-search-results.txt"};
    auto record = build(spec);
    ASSERT_TRUE(plugin.enrich(*record).ok());
    const auto links = links_of(record->message);
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

// --------------------------------------------------------- through `opis run`

std::string pipeline(const std::filesystem::path& index) {
  return "version: 1\n"
         "ingest: [archive-listing, archive-record]\n"
         "enrich:\n"
         "  - dates\n"
         "  - plugin: link\n"
         "    config: {index_file: \"" +
         index.string() +
         "\"}\n"
         "output:\n"
         "  - plugin: jsonl\n"
         "    config: {path: \"${out}/records.jsonl\"}\n";
}

struct RunOutput {
  std::vector<json> records;
  std::string bytes;
};

RunOutput run_opis(const std::filesystem::path& pipeline_file,
                   const std::vector<std::string>& inputs, const std::filesystem::path& out,
                   const std::string& workers) {
  std::vector<std::string> args = {"run",   "--pipeline",   pipeline_file.string(),
                                   "--out", out.string(),   "--workers",
                                   workers, "--no-progress"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  const auto result = opis::test::run_opis(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return {opis::test::read_jsonl(out / "records.jsonl"),
          opis::test::read_file(out / "records.jsonl")};
}

std::multiset<std::string> link_types(const json& record) {
  std::multiset<std::string> out;
  for (const auto& l : record.value("links", json::array())) out.insert(l["type"]);
  return out;
}

TEST(CorpusAcceptance, SecondRunOverTheCorpusLinksBothWaysAndIsDeterministic) {
  opis::test::TempDir dir;
  dir.write("pipeline.yaml", pipeline(dir / "index.jsonl"));
  std::vector<std::string> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(corpus())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("record-", 0) == 0 || name.rfind("listing-", 0) == 0) {
      inputs.push_back(entry.path().string());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  // One run links each pair once, on its later record in input order, the
  // same whatever the number of workers.
  const auto single = dir.write("single-run.yaml", pipeline(""));
  const RunOutput first = run_opis(single, inputs, dir / "first", "4");
  const RunOutput first_again = run_opis(single, inputs, dir / "first-again", "1");
  EXPECT_EQ(first.bytes, first_again.bytes);
  size_t pairs_in_one_run = 0;
  for (const auto& r : first.records) {
    pairs_in_one_run += link_types(r).count("full_record") + link_types(r).count("listed_in");
  }
  EXPECT_EQ(pairs_in_one_run, 11u);

  // With the index of an earlier run, a run links both ways.
  const auto indexed = dir / "pipeline.yaml";
  run_opis(indexed, inputs, dir / "index", "2");
  const RunOutput second = run_opis(indexed, inputs, dir / "second", "1");
  const RunOutput third = run_opis(indexed, inputs, dir / "third", "8");
  EXPECT_EQ(second.bytes, third.bytes);

  std::map<std::string, json> by_id;
  for (const auto& r : second.records) by_id[r["id"]] = r;
  size_t entries_linked = 0;
  size_t listed_in = 0;
  for (const auto& r : second.records) {
    if (r["kind"] == "listing_entry") {
      if (link_types(r).count("full_record") == 0) continue;
      ++entries_linked;
      // The first link: full_record sorts first.
      ASSERT_EQ(link_types(r).count("full_record"), 1u) << r["title"];
      const json& target = by_id.at(r["links"][0]["target_id"]);
      EXPECT_EQ(r["links"][0]["type"], "full_record");
      EXPECT_EQ(target["kind"], "record");
      EXPECT_EQ(target["title"], r["title"]);
      EXPECT_EQ(target["date"]["edtf"], r["date"]["edtf"]);
    } else if (r["kind"] == "record") {
      listed_in += link_types(r).count("listed_in");
    }
  }
  // 8 plain hits and 3 bulleted hits have record pages; each pair both ways.
  EXPECT_EQ(entries_linked, 11u);
  EXPECT_EQ(listed_in, 11u);
}

TEST(SeedAcceptance, SeedListingsFirstHitLinksToTheSeedRecordPage) {
  const auto seeds = opis::test::seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "no seeds beside the checkout";
  opis::test::TempDir dir;
  // The record page first: in one run the listing's hit, later in the
  // input, gets the link.
  const auto single = dir.write("pipeline.yaml", pipeline(""));
  const std::vector<std::string> inputs = {(seeds / "000_7b0f58b745e042a5.txt").string(),
                                           (seeds / "002_34c222c907d19a4a.txt").string()};
  const RunOutput second = run_opis(single, inputs, dir / "out", "2");
  std::string record_id;
  for (const auto& r : second.records) {
    if (r["kind"] == "record") record_id = r["id"];
  }
  ASSERT_FALSE(record_id.empty());
  size_t full_record = 0;
  for (const auto& r : second.records) {
    if (r["kind"] != "listing_entry" || !r.contains("links")) continue;
    for (const auto& l : r["links"]) {
      if (l["type"] == "full_record" && l["target_id"] == record_id) ++full_record;
    }
  }
  EXPECT_EQ(full_record, 1u);
}

}  // namespace
