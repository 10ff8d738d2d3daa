// enrich/link through `opis run`: the corpus and the seeds ingested by
// archive-listing and archive-record, dated, linked and written as JSON
// lines, with several worker counts. These stay on the host's test support
// because they are about the host: the pipeline, in-order scheduling across
// workers, several plugins together and the records.jsonl it writes. The
// plugin alone is tested through the SDK's harness in the other files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "test_support.hpp"

namespace {

using nlohmann::json;

std::filesystem::path corpus() {
  return opis::test::source_dir() / "examples/corpus";
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
