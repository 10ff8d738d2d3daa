// Line-break hyphens and hard-wrapped paragraphs.
#include <gtest/gtest.h>

#include "repair_test_support.hpp"

namespace opis::repair::test {
namespace {

// A hard-wrapped paragraph around the line break under test.
std::string wrapped(std::string_view first_line_end, std::string_view second_line_start) {
  return "While accounts of the crisis have appeared in many histories, " +
         std::string(first_line_end) + "\n" + std::string(second_line_start) +
         " have largely focused on the August Plenum of the Central Committee.";
}

std::string joined(std::string_view middle) {
  return "While accounts of the crisis have appeared in many histories, " + std::string(middle) +
         " have largely focused on the August Plenum of the Central Committee.";
}

TEST(Hyphens, LineBreakHyphenDroppedWhenJoinedWordIsAWord) {
  const RepairResult r = repairer().repair(wrapped("the epi-", "sode and its critics"));
  EXPECT_EQ(r.text, joined("the episode and its critics"));
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].reason, "line-break hyphen");
  EXPECT_EQ(r.notes[0].original, "epi-\nsode");
  EXPECT_EQ(r.text.substr(r.notes[0].begin, r.notes[0].end - r.notes[0].begin), "episode");
}

TEST(Hyphens, TrailingSpacesAfterHyphenAreJoinedToo) {
  EXPECT_EQ(repairer().repair(wrapped("the epi-  ", "sode and its critics")).text,
            joined("the episode and its critics"));
}

TEST(Hyphens, KeptBetweenCapitalisedPartsSovietKoreans) {
  EXPECT_EQ(repairer().repair(wrapped("especially the Soviet-", "Koreans and others")).text,
            joined("especially the Soviet-Koreans and others"));
}

TEST(Hyphens, KeptInKoreanGivenNamePakUiWan) {
  EXPECT_EQ(repairer().repair(wrapped("and also Pak Ui-", "wan and others")).text,
            joined("and also Pak Ui-wan and others"));
}

TEST(Hyphens, KeptInKoreanGivenNameKimGwangHyeop) {
  EXPECT_EQ(repairer().repair(wrapped("and also Kim Gwang-", "hyeop and others")).text,
            joined("and also Kim Gwang-hyeop and others"));
}

TEST(Hyphens, KeptInSinoSoviet) {
  EXPECT_EQ(repairer().repair(wrapped("during the Sino-", "Soviet split and others")).text,
            joined("during the Sino-Soviet split and others"));
}

TEST(Hyphens, KeptWhenBothHalvesAreWords) {
  EXPECT_EQ(repairer().repair(wrapped("his ex-", "comrades and others")).text,
            joined("his ex-comrades and others"));
}

TEST(Hyphens, RangeHyphenJoinsWithoutSpace) {
  EXPECT_EQ(repairer().repair(wrapped("in 1956-", "1957 the critics")).text,
            joined("in 1956-1957 the critics"));
}

TEST(Hyphens, JoinedEvenWhenLinesAreKept) {
  const RepairResult r = repairer_with(false).repair(wrapped("the epi-", "sode and its critics"));
  EXPECT_EQ(r.text,
            "While accounts of the crisis have appeared in many histories, the episode\nand its "
            "critics have largely focused on the August Plenum of the Central Committee.");
}

TEST(Unwrap, HardWrappedLinesBecomeOneLine) {
  const std::string text =
      "The records of Ambassador V. I. Ivanov show that by the \n"
      "winter of 1956-1957 the Korean leadership faced a genuine \n"
      "shortage of grain.\n\n"
      "In March 1957 Kim Il Sung asked Moscow for an early delivery \n"
      "of wheat.\n";
  const RepairResult r = repairer().repair(text);
  EXPECT_EQ(r.text,
            "The records of Ambassador V. I. Ivanov show that by the winter of 1956-1957 the "
            "Korean leadership faced a genuine shortage of grain.\n\n"
            "In March 1957 Kim Il Sung asked Moscow for an early delivery of wheat.\n");
  EXPECT_TRUE(r.notes.empty()) << "line joins are not annotated by default";
}

TEST(Unwrap, AnnotatedWhenAsked) {
  RepairSettings s;
  s.options.lines.annotate_unwrap = true;
  const RepairResult r = make_repairer(s).repair(
      "The records of Ambassador V. I. Ivanov show that by the\n"
      "winter of 1956-1957 the Korean leadership faced a genuine");
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].reason, "line unwrap");
  EXPECT_EQ(r.notes[0].original, "\n");
}

TEST(Unwrap, ShortLabelLinesStayApart) {
  const std::string text = "Associated Places\nSeoul (South Korea)\nKorea (North)\nJapan\n";
  EXPECT_EQ(repairer().repair(text).text, text);
}

TEST(Unwrap, ListItemsStayOnTheirLines) {
  const std::string text =
      "The sources used in this article are listed below in order of appearance:\n"
      "1. Journal of Ambassador V. I. Ivanov, 1 January to 31 March 1957, RGANI.\n"
      "2. Record of conversation with Kim Il Sung, 12 March 1957, RGANI, Fond 5.\n";
  EXPECT_EQ(repairer().repair(text).text, text);
}

TEST(Unwrap, OffKeepsLines) {
  const std::string text =
      "The records of Ambassador V. I. Ivanov show that by the \n"
      "winter of 1956-1957 the Korean leadership faced a genuine \n";
  EXPECT_EQ(repairer_with(false).repair(text).text, text);
}

}  // namespace
}  // namespace opis::repair::test
