// keyword-tagger, the built plugin, run by the SDK's harness (no opis host).
#include <gtest/gtest.h>

#include <opis/testing.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace {

using opis::testing::Failure;
using opis::testing::Harness;
using opis::testing::Record;
using Spans = std::vector<std::string_view>;

constexpr const char* kSubjects =
    R"({"subjects": {"food": ["grain", "rice", "famine"], "diplomacy": ["ambassador"]}})";

std::vector<std::string> subjects_of(const Record& record) {
  std::vector<std::string> out;
  for (const auto& p : record.metadata()) {
    if (p.name == "subject") out.emplace_back(p.value);
  }
  return out;
}

TEST(KeywordTagger, KeywordsBecomeSubjectAnnotations) {
  Harness tagger(PLUGIN_FILE, kSubjects);
  auto record = Record::with_text("The Ambassador reported that grain and rice ran short.");
  tagger.enrich(record);
  // Subjects in name order, keywords in the order given.
  EXPECT_EQ(record.annotated("subject"), (Spans{"Ambassador", "grain", "rice"}));
  const auto marks = record.annotations("subject");
  EXPECT_EQ(marks[0].value, "diplomacy");
  EXPECT_EQ(marks[1].value, "food");
  EXPECT_EQ(marks[0].plugin, "keyword-tagger");
  EXPECT_EQ(subjects_of(record), (std::vector<std::string>{"diplomacy", "food"}));
}

TEST(KeywordTagger, WholeWordsOnlyByDefault) {
  Harness tagger(PLUGIN_FILE, kSubjects);
  auto record = Record::with_text("The grainery and the famines; ricé.");
  tagger.enrich(record);
  EXPECT_EQ(record.count(OPIS_LIST_ANNOTATIONS), 0u);
  EXPECT_TRUE(subjects_of(record).empty());
}

TEST(KeywordTagger, PartsOfWordsWhenAsked) {
  Harness tagger(PLUGIN_FILE, R"({"subjects": {"food": ["grain"]}, "whole_words": false})");
  auto record = Record::with_text("The grainery.");
  tagger.enrich(record);
  EXPECT_EQ(record.annotated("subject"), (Spans{"grain"}));
}

TEST(KeywordTagger, CaseSensitiveWhenAsked) {
  Harness tagger(PLUGIN_FILE, R"({"subjects": {"party": ["KWP"]}, "case_sensitive": true})");
  auto record = Record::with_text("The KWP and the kwp.");
  tagger.enrich(record);
  EXPECT_EQ(record.annotated("subject"), (Spans{"KWP"}));
}

TEST(KeywordTagger, OffsetsAreUtf8BytesAfterMultiByteText) {
  Harness tagger(PLUGIN_FILE, kSubjects);
  const std::string text = "Ágnes wrote: “famine” in the north.";
  auto record = Record::with_text(text);
  tagger.enrich(record);
  const auto marks = record.annotations("subject");
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks[0].begin, text.find("famine"));
  EXPECT_EQ(record.covered_text(marks[0]), "famine");
}

TEST(KeywordTagger, ConfigWithoutSubjectsIsRefused) {
  EXPECT_THROW(Harness(PLUGIN_FILE, "{}"), Failure);
  EXPECT_THROW(Harness(PLUGIN_FILE, R"({"subjects": {"food": []}})"), Failure);
  EXPECT_THROW(Harness(PLUGIN_FILE, R"({"subjects": {"food": [""]}})"), Failure);
}

}  // namespace
