// `opis search` end to end: `opis run` over examples/corpus writes
// archive.sqlite with the default pipeline, then the real executable
// searches it (DESIGN.md §3).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "test_support.hpp"

namespace opis {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::AllOf;
using testing::Contains;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::Not;

// A directory with opis-out/ written by the default pipeline over the
// example corpus.
class SearchCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto result = test::run_opis({"run", "--no-progress", "--out", out().string(),
                                        (test::source_dir() / "examples" / "corpus").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    ASSERT_TRUE(fs::exists(out() / "archive.sqlite"));
  }

  fs::path out() const { return dir_ / "opis-out"; }

  test::CommandResult search(std::vector<std::string> args) const {
    args.insert(args.begin(), {"search", "--db", (out() / "archive.sqlite").string()});
    return test::run_opis(args);
  }

  test::TempDir dir_;
};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<json> json_lines(const std::string& text) {
  std::vector<json> out;
  for (const auto& line : lines(text)) out.push_back(json::parse(line));
  return out;
}

std::set<std::string> titles(const std::vector<json>& hits) {
  std::set<std::string> out;
  for (const auto& hit : hits) out.insert(hit["title"].get<std::string>());
  return out;
}

TEST_F(SearchCommand, MikoyanFindsTheRecordsThatNameHimWithHighlightedSnippets) {
  const auto result = search({"Mikoyan"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto hits = lines(result.out);
  ASSERT_FALSE(hits.empty());
  // The telegram addressed to him has him in its title: it ranks first (the
  // short listing entry that describes it before the long record itself).
  const std::string telegram =
      "1957-03-14  Telegram from Soviet Ambassador V. I. Ivanov to A. I. Mikoyan on the Food "
      "Situation in the DPRK";
  EXPECT_THAT(hits.front(), testing::StartsWith(telegram));
  EXPECT_THAT(hits, Contains(testing::StartsWith(telegram + " — ")));  // the record
  EXPECT_THAT(hits, Contains(testing::StartsWith(telegram + " (listing_entry) — ")));
  for (const auto& line : hits) EXPECT_THAT(line, HasSubstr("[Mikoyan]")) << line;
  EXPECT_THAT(hits, Contains(HasSubstr("1965-02-16  Record of a Conversation between First "
                                       "Secretary of the USSR Embassy Yu. Fadeyev")));
  EXPECT_THAT(hits, Contains(HasSubstr("1956-10-05  Record of a Conversation between Deputy "
                                       "Minister of Foreign Affairs N. T. Fedorenko")));
  EXPECT_THAT(hits, Not(Contains(HasSubstr("Speech by Kim Il Sung"))));
  EXPECT_THAT(result.err, HasSubstr("opis: hits 1-"));
}

TEST_F(SearchCommand, PersonFindsEverySpellingThroughTheCanonicalEntity) {
  const auto result = search({"--person", "Pak Heonyeong", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto hits = json_lines(result.out);
  const auto found = titles(hits);
  // Spelt "Pak Heonyeong" in the telegram, "Bak Heonyeong" in the speech and
  // "Pak Hon-yong" in the memorandum: one canonical person.
  EXPECT_TRUE(
      found.contains("Telegram from Soviet Ambassador V. I. Ivanov to A. I. Mikoyan on "
                     "the Food Situation in the DPRK"));
  EXPECT_TRUE(
      found.contains("Speech by Kim Il Sung at a Reception for Soviet Specialists in Pyeongyang"));
  EXPECT_TRUE(
      found.contains("Memorandum of the VKP(b) CC Foreign Policy Commission on a "
                     "Conversation with Pak Hon-yong"));
  EXPECT_THAT(found, Not(Contains(HasSubstr("Rodong Sinmun"))));
  for (const auto& hit : hits) {
    EXPECT_TRUE(hit.contains("id") && hit.contains("date") && hit.contains("snippet") &&
                hit.contains("score"))
        << hit.dump();
  }

  const auto speech = search({"--person", "Bak Heonyeong", "--kind", "record", "Khrushchev"});
  ASSERT_EQ(speech.exit_code, 0) << speech.err;
  ASSERT_EQ(lines(speech.out).size(), 1u) << speech.out;
  EXPECT_THAT(speech.out, HasSubstr("1960-06-18  Speech by Kim Il Sung"));
}

TEST_F(SearchCommand, FiltersByDateArchiveAndKindWithoutAQuery) {
  const auto result = search({"--from", "1961-12", "--to", "1962", "--kind", "record", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto hits = json_lines(result.out);
  ASSERT_EQ(hits.size(), 1u) << result.out;
  EXPECT_EQ(hits[0]["date"], "1962-02-12");

  const auto rgani = search({"--archive", "RGANI", "--kind", "record", "--json"});
  ASSERT_EQ(rgani.exit_code, 0) << rgani.err;
  std::set<std::string> dates;
  for (const auto& hit : json_lines(rgani.out)) dates.insert(hit["date"].get<std::string>());
  EXPECT_TRUE(dates.contains("1957-03-14"));
  EXPECT_TRUE(dates.contains("1965-02-16"));
  EXPECT_FALSE(dates.contains("1960-06-18"));  // GARF
}

TEST_F(SearchCommand, DefaultArchiveIsOpisOutInTheWorkingDirectory) {
  const auto result = test::run_opis({"search", "--limit", "1", "Pyongyang"}, "", dir_.path());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lines(result.out).size(), 1u);
  EXPECT_THAT(result.out, HasSubstr("[Pyongyang]"));
}

TEST_F(SearchCommand, ErrorsAreClearAndExitTwo) {
  const auto bad_query = search({"\"Mikoyan"});
  EXPECT_EQ(bad_query.exit_code, 2);
  EXPECT_THAT(bad_query.err, HasSubstr("invalid search query \"\"Mikoyan\""));
  EXPECT_THAT(bad_query.out, IsEmpty());

  const auto bad_date = search({"--from", "spring", "Mikoyan"});
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_THAT(bad_date.err, HasSubstr("from: \"spring\" is not an EDTF date"));

  const auto nothing = search({});
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_THAT(nothing.err, HasSubstr("give a QUERY, a filter"));

  const auto missing = test::run_opis({"search", "--db", (dir_ / "nope.sqlite").string(), "x"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr((dir_ / "nope.sqlite").string() + ": no such archive"));

  const auto none = search({"zyzzyva"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_THAT(none.out, IsEmpty());
  EXPECT_THAT(none.err, HasSubstr("no hits"));
}

TEST_F(SearchCommand, RunningTheSameBatchAgainLeavesTheSameHits) {
  const auto before = search({"--json", "--limit", "1000", "the"});
  const auto again = test::run_opis({"run", "--no-progress", "--out", out().string(),
                                     (test::source_dir() / "examples" / "corpus").string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto after = search({"--json", "--limit", "1000", "the"});
  ASSERT_EQ(before.exit_code, 0);
  EXPECT_FALSE(before.out.empty());
  EXPECT_EQ(after.out, before.out);
}

}  // namespace
}  // namespace opis
