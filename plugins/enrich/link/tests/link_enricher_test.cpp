// enrich/link: the links the plugin writes, linking within a run, the
// index file, the index bound and hostile input, through the real plugin
// binary run by the SDK's harness (opis/testing.hpp): records are fed one by
// one to one instance, as the host calls an in-order enricher; this
// executable links neither the host nor protobuf.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <opis/testing.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "link_test_support.hpp"
#include "temp_files.hpp"

namespace {

using opis::link::test::generated_words;
using opis::link::test::joined;
using opis::link::test::json_string;
using opis::link::test::link_all;
using opis::link::test::LinkTuple;
using opis::link::test::RecordSpec;
using opis::test_files::read_file;
using opis::test_files::TempDir;
using opis::testing::Harness;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
namespace json = opis::testing::json;

// Each line of a JSON-lines file, parsed.
std::vector<json::Value> read_jsonl(const std::filesystem::path& file) {
  std::vector<json::Value> out;
  std::istringstream in(read_file(file));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

// A string member of a JSON object; empty when absent or not a string.
std::string text_of(const json::Value& object, std::string_view key) {
  const json::Value* v = object.find(key);
  return v != nullptr && v->is_string() ? v->text : std::string();
}

std::string index_config(const std::filesystem::path& path) {
  return R"({"index_file": )" + json_string(path.string()) + "}";
}

RecordSpec listing_entry(const std::string& id, const std::string& title, const std::string& date,
                         const std::string& source = "file:///corpus/listing.txt") {
  return {id, "listing_entry", title, date, "", source};
}
RecordSpec full_record(const std::string& id, const std::string& title, const std::string& date,
                       const std::string& source) {
  return {id, "record", title, date, "", source};
}

const std::string kTitle =
    "Report, Embassy of Hungary in the DPRK, on the Korean Workers\u2019 Party";

TEST(Links, EntryArrivingAfterItsRecordGetsFullRecord) {
  const auto links =
      link_all({full_record("rec", kTitle, "1969-06-20", "file:///corpus/record.txt"),
                listing_entry("entry", kTitle, "1969-06-20")});
  EXPECT_THAT(links[0], IsEmpty());
  EXPECT_THAT(links[1], ElementsAre(LinkTuple{"full_record", "rec", 1.0}));
}

TEST(Links, RecordArrivingAfterItsEntryGetsListedIn) {
  const auto links =
      link_all({listing_entry("entry", kTitle, "1969-06-20"),
                full_record("rec", kTitle, "1969-06-20", "file:///corpus/record.txt")});
  EXPECT_THAT(links[0], IsEmpty());
  EXPECT_THAT(links[1], ElementsAre(LinkTuple{"listed_in", "entry", 1.0}));
}

TEST(Links, CurlyAndStraightApostrophesCaseAndSpacingStillLink) {
  const auto links = link_all(
      {full_record("rec", kTitle, "1969-06-20", "file:///corpus/record.txt"),
       listing_entry("entry",
                     "  REPORT, Embassy of  Hungary in the DPRK, on the Korean Workers' Party.",
                     "1969-06-20")});
  EXPECT_THAT(links[1], ElementsAre(LinkTuple{"full_record", "rec", 1.0}));
}

TEST(Links, OtherDateOrTitleGivesNoLink) {
  const auto links =
      link_all({full_record("rec", kTitle, "1969-06-20", "file:///corpus/record.txt"),
                listing_entry("other-date", kTitle, "1969-06-21"),
                listing_entry("other-title", kTitle + " (draft)", "1969-06-20")});
  EXPECT_THAT(links[1], IsEmpty());
  EXPECT_THAT(links[2], IsEmpty());
}

TEST(Links, EntriesAreNotLinkedToEachOtherNorRecordsToRecords) {
  const auto links = link_all({listing_entry("e1", kTitle, "1969-06-20", "file:///a.txt"),
                               listing_entry("e2", kTitle, "1969-06-20", "file:///b.txt"),
                               full_record("r1", kTitle, "1969-06-20", "file:///c.txt"),
                               full_record("r2", kTitle, "1969-06-20", "file:///d.txt")});
  EXPECT_THAT(links[1], IsEmpty());
  EXPECT_THAT(links[2],
              ElementsAre(LinkTuple{"listed_in", "e1", 1.0}, LinkTuple{"listed_in", "e2", 1.0}));
  EXPECT_THAT(links[3],
              ElementsAre(LinkTuple{"listed_in", "e1", 1.0}, LinkTuple{"listed_in", "e2", 1.0}));
}

// --------------------------------------------------------------- texts

std::string base_text() {
  return joined(generated_words(300, 7));
}

std::string text_with_changes(std::initializer_list<size_t> positions) {
  auto words = generated_words(300, 7);
  for (const size_t p : positions) words[p] = "changed";
  return joined(words);
}

TEST(NearDuplicates, TextsDifferingByAFewWordsAreNearDuplicates) {
  const auto links = link_all({{"a", "document", "", "", base_text()},
                               {"b", "document", "", "", text_with_changes({60, 200})}});
  ASSERT_EQ(links[1].size(), 1u);
  const auto& [type, target, score] = links[1][0];
  EXPECT_EQ(type, "near_duplicate");
  EXPECT_EQ(target, "a");
  EXPECT_GE(score, 0.8);
  EXPECT_LT(score, 1.0);
}

TEST(NearDuplicates, ThresholdIsConfigurable) {
  const auto links = link_all({{"a", "document", "", "", base_text()},
                               {"b", "document", "", "", text_with_changes({60, 200})}},
                              R"({"near_duplicate_threshold": 0.99})");
  EXPECT_THAT(links[1], IsEmpty());
}

TEST(NearDuplicates, IdenticalNormalizedTextIsSameAs) {
  std::string shouted = base_text();
  std::transform(shouted.begin(), shouted.end(), shouted.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  const auto links =
      link_all({{"a", "document", "", "", base_text()}, {"b", "document", "", "", shouted + "."}});
  EXPECT_THAT(links[1], ElementsAre(LinkTuple{"same_as", "a", 1.0}));
}

TEST(NearDuplicates, UnrelatedTextsAreNotLinked) {
  const auto links = link_all({{"a", "document", "", "", base_text()},
                               {"b", "document", "", "", joined(generated_words(300, 99))}});
  EXPECT_THAT(links[1], IsEmpty());
}

TEST(NearDuplicates, TextsShorterThanMinWordsAreSkipped) {
  const std::string short_text = joined(generated_words(29, 7));
  EXPECT_THAT(
      link_all({{"a", "document", "", "", short_text}, {"b", "document", "", "", short_text}})[1],
      IsEmpty());
  EXPECT_THAT(
      link_all({{"a", "document", "", "", short_text}, {"b", "document", "", "", short_text}},
               R"({"min_words": 20})")[1],
      ElementsAre(LinkTuple{"same_as", "a", 1.0}));
}

TEST(NearDuplicates, MaxTextLinksKeepsTheBest) {
  const auto links = link_all({{"a", "document", "", "", text_with_changes({100})},
                               {"b", "document", "", "", base_text()},
                               {"c", "document", "", "", base_text()}},
                              R"({"max_text_links": 1})");
  EXPECT_THAT(links[2], ElementsAre(LinkTuple{"same_as", "b", 1.0}));
}

// ------------------------------------------------------- within one run
// The host calls link in input order (in_order), so "earlier" is fixed.

TEST(WithinRun, RecordsOfOtherDocumentsAreLinkedOnTheLaterOne) {
  const auto links =
      link_all({full_record("rec", kTitle, "1969-06-20", "file:///corpus/record.txt"),
                listing_entry("entry", kTitle, "1969-06-20"),
                {"a", "document", "", "", base_text(), "file:///x.txt"},
                {"b", "document", "", "", base_text(), "file:///y.txt"}});
  EXPECT_THAT(links[0], IsEmpty());
  EXPECT_THAT(links[1], ElementsAre(LinkTuple{"full_record", "rec", 1.0}));
  EXPECT_THAT(links[2], IsEmpty());
  EXPECT_THAT(links[3], ElementsAre(LinkTuple{"same_as", "a", 1.0}));
}

TEST(WithinRun, EarlierRecordsOfTheSameDocumentAreLinked) {
  const auto links = link_all({{"a", "document", "", "", base_text(), "file:///article.txt"},
                               {"b", "document", "", "", base_text(), "file:///article.txt"}});
  EXPECT_THAT(links[1], ElementsAre(LinkTuple{"same_as", "a", 1.0}));
}

TEST(WithinRun, TheLaterRecordOfAPairGetsTheLink) {
  // The listing first: only the records link (listed_in).
  const auto listing_first = link_all({listing_entry("l1", kTitle, "1969-06-20"),
                                       full_record("r1", kTitle, "1969-06-20", "file:///r1")});
  EXPECT_THAT(listing_first[0], IsEmpty());
  EXPECT_THAT(listing_first[1], ElementsAre(LinkTuple{"listed_in", "l1", 1.0}));
}

TEST(WithinRun, ThePluginAsksToBeCalledInInputOrder) {
  const Harness plugin(OPIS_PLUGIN_FILE);
  EXPECT_TRUE(plugin.descriptor().flags & OPIS_FLAG_IN_ORDER);
}

// ------------------------------------------------------------ index file

TEST(IndexFile, SecondRunLinksBothWays) {
  TempDir dir;
  const std::string config = index_config(dir / "index.jsonl");
  const std::vector<RecordSpec> corpus = {
      listing_entry("entry", kTitle, "1969-06-20"),
      full_record("rec", kTitle, "1969-06-20", "file:///corpus/record.txt"),
      {"a", "document", "", "", base_text(), "file:///a.txt"},
      {"b", "document", "", "", text_with_changes({60, 200}), "file:///b.txt"}};
  // The first run links each pair on its later record only.
  const auto first = link_all(corpus, config);
  EXPECT_THAT(first[0], IsEmpty());
  EXPECT_THAT(first[1], ElementsAre(LinkTuple{"listed_in", "entry", 1.0}));
  EXPECT_THAT(first[2], IsEmpty());
  ASSERT_EQ(first[3].size(), 1u);
  EXPECT_EQ(std::get<1>(first[3][0]), "a");
  ASSERT_TRUE(std::filesystem::exists(dir / "index.jsonl"));

  const auto second = link_all(corpus, config);
  EXPECT_THAT(second[0], ElementsAre(LinkTuple{"full_record", "rec", 1.0}));
  EXPECT_THAT(second[1], ElementsAre(LinkTuple{"listed_in", "entry", 1.0}));
  ASSERT_EQ(second[2].size(), 1u);
  EXPECT_EQ(std::get<1>(second[2][0]), "b");
  EXPECT_EQ(std::get<0>(second[2][0]), "near_duplicate");
  ASSERT_EQ(second[3].size(), 1u);
  EXPECT_EQ(std::get<1>(second[3][0]), "a");
}

TEST(IndexFile, SavedSortedByIdWithoutTexts) {
  TempDir dir;
  const auto path = dir / "index.jsonl";
  link_all({{"z", "document", "", "", base_text(), "file:///a.txt"},
            full_record("m", kTitle, "1969-06-20", "file:///b.txt")},
           index_config(path));
  const auto lines = read_jsonl(path);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(text_of(lines[0], "id"), "m");
  EXPECT_EQ(text_of(lines[0], "kind"), "record");
  EXPECT_EQ(text_of(lines[0], "key"),
            "report, embassy of hungary in the dprk, on the korean workers' party|1969-06-20");
  EXPECT_EQ(lines[0].find("minhash"), nullptr);
  EXPECT_EQ(text_of(lines[1], "id"), "z");
  ASSERT_NE(lines[1].find("minhash"), nullptr);
  ASSERT_TRUE(lines[1].find("minhash")->is_string());
  EXPECT_EQ(text_of(lines[1], "minhash").size(), 64u * 16u);
  EXPECT_EQ(read_file(path).find("embassy reported"), std::string::npos);
}

TEST(IndexFile, MalformedLineIsAConfigErrorNamingTheLine) {
  TempDir dir;
  const auto path = dir.write("index.jsonl", "{\"id\":\"a\"}\n{\"id\": 7}\n");
  try {
    Harness plugin(OPIS_PLUGIN_FILE, index_config(path));
    FAIL() << "a malformed index file was accepted";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("line 2"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("\"id\" is not a string"));
  }
}

TEST(IndexFile, BadMinhashIsRefused) {
  TempDir dir;
  const auto path = dir.write("index.jsonl", "{\"id\":\"a\",\"minhash\":\"12\"}\n");
  EXPECT_THROW(Harness(OPIS_PLUGIN_FILE, index_config(path)), std::exception);
}

// ------------------------------------------------------------ the bound

TEST(IndexBound, RecordsPastMaxIndexRecordsAreNotIndexed) {
  TempDir dir;
  const auto path = dir / "index.jsonl";
  const auto links =
      link_all({{"a", "document", "", "", base_text(), "file:///a.txt"},
                {"b", "document", "", "", base_text(), "file:///b.txt"},
                {"c", "document", "", "", base_text(), "file:///c.txt"}},
               R"({"max_index_records": 1, "index_file": )" + json_string(path.string()) + "}");
  EXPECT_THAT(links[1], ElementsAre(LinkTuple{"same_as", "a", 1.0}));
  // b was linked but not indexed, so c finds a only.
  EXPECT_THAT(links[2], ElementsAre(LinkTuple{"same_as", "a", 1.0}));
  EXPECT_EQ(read_jsonl(path).size(), 1u);
}

TEST(IndexBound, ZeroDisablesIndexing) {
  const auto links =
      link_all({{"a", "document", "", "", base_text()}, {"b", "document", "", "", base_text()}},
               R"({"max_index_records": 0})");
  EXPECT_THAT(links[1], IsEmpty());
}

// ------------------------------------------------------------ hostile input

TEST(HostileInput, EmptyAndHugeRecordsDoNotFail) {
  std::string huge(4 << 20, 'x');  // one 4 MB "word"
  std::string many;
  for (int i = 0; i < 200000; ++i) many += "w" + std::to_string(i % 97) + "\u2019 ";
  const auto links = link_all({{"", "", "", "", ""},
                               {"h", "record", std::string(100000, '.'), "1957", huge},
                               {"m", "document", "", "", many},
                               {"m2", "document", "", "", many}});
  EXPECT_THAT(links[0], IsEmpty());
  EXPECT_THAT(links[1], IsEmpty());
  EXPECT_THAT(links[3], ElementsAre(LinkTuple{"same_as", "m", 1.0}));
}

TEST(HostileInput, UnknownConfigKeyIsRefused) {
  EXPECT_THROW(Harness(OPIS_PLUGIN_FILE, R"({"deterministic": true})"), std::exception);
}

}  // namespace
