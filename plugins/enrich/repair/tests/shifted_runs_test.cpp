// Shifted glyph runs: offsets found from the text alone, glyph tables,
// lost characters.
#include <gtest/gtest.h>

#include <algorithm>

#include "glyph_table.hpp"
#include "repair_test_support.hpp"

namespace opis::repair::test {
namespace {

constexpr std::string_view kSentence =
    "Historians of North Korea have long treated the months after the plenum as a purely "
    "political episode in which the leader settled accounts with his critics";

const RepairNote* find_note(const RepairResult& r, std::string_view reason) {
  for (const RepairNote& n : r.notes) {
    if (n.reason == reason) return &n;
  }
  return nullptr;
}

size_t count_notes(const RepairResult& r, std::string_view type) {
  return static_cast<size_t>(std::count_if(r.notes.begin(), r.notes.end(),
                                           [&](const RepairNote& n) { return n.type == type; }));
}

class ShiftedRunsOffset : public ::testing::TestWithParam<int> {};

TEST_P(ShiftedRunsOffset, DetectsOffsetAndDecodesRun) {
  ASSERT_TRUE(word_list_installed()) << "install Debian's wamerican";
  const int offset = GetParam();
  const std::string text =
      "Clean words come first. " + damage(kSentence, offset) + " And then more.";
  const RepairResult r = repairer().repair(text);
  EXPECT_EQ(r.text, "Clean words come first. " + std::string(kSentence) + " And then more.");
  const RepairNote* note = find_note(r, "shifted glyphs (offset " + std::to_string(offset) + ")");
  ASSERT_NE(note, nullptr) << r.text;
  EXPECT_EQ(count_notes(r, "repair"), 1u) << "one annotation per decoded run";
}

INSTANTIATE_TEST_SUITE_P(SeveralOffsets, ShiftedRunsOffset,
                         ::testing::Values(-29, -20, -11, -3, 3));

// Tokens end at blanks and at U+FFFD / U+00A0, found sixteen bytes at a
// time: the same run must decode wherever those fall in the blocks.
TEST(ShiftedRuns, RunDecodesWhereverItsSeparatorsFallInTheScannedBlocks) {
  ASSERT_TRUE(word_list_installed()) << "install Debian's wamerican";
  for (size_t lead = 0; lead < 20; ++lead) {
    const std::string clean_lead(lead, 'a');
    const std::string text = clean_lead + " and\xC2\xA0" + damage(kSentence, -29) + " end.";
    const RepairResult r = repairer().repair(text);
    EXPECT_EQ(r.text, clean_lead + " and\xC2\xA0" + std::string(kSentence) + " end.")
        << lead << " bytes before the run";
  }
}

TEST(ShiftedRuns, SeedFontRunDecodesTheAndKorea) {
  const RepairResult r =
      repairer().repair(lost("Yet the Soviet Embassy in|WKH|.RUHD|UHSRUWHG|RQ|WKH|IRRG|VLWXDWLRQ"));
  EXPECT_EQ(r.text, "Yet the Soviet Embassy in the Korea reported on the food situation");
}

TEST(ShiftedRuns, LigatureGlyphsBecomeFiAndFl) {
  const RepairResult r = repairer().repair(lost("WKH|¿UVW|RI¿FLDOV|DQG|WKH|ÀRRGV"));
  EXPECT_EQ(r.text, "the first officials and the floods");
  const RepairNote* lig = find_note(r, "ligature glyph");
  ASSERT_NE(lig, nullptr);
  EXPECT_EQ(r.text.substr(lig->begin, lig->end - lig->begin), "fi");
  EXPECT_EQ(lig->original, "¿");
}

TEST(ShiftedRuns, QuoteAndApostropheGlyphsBecomeCurlyPunctuation) {
  const RepairResult r =
      repairer().repair(lost("³:H|ZLOO|SD\\|IRU|HYHU\\WKLQJ´|KH|VDLG«|DQG|.LP¶V|SROLFLHV"));
  EXPECT_EQ(r.text, "“We will pay for everything” he said… and Kim’s policies");
  EXPECT_NE(find_note(r, "punctuation glyph"), nullptr);
}

TEST(ShiftedRuns, LoneClosingQuoteGlyphJoinsTheRun) {
  // the “Yan’an faction,” made up
  const RepairResult r =
      repairer().repair(lost("WKH|³<DQ¶DQ|IDFWLRQ|´|\nmade up of those Koreans"));
  EXPECT_EQ(r.text, "the “Yan’an faction ” \nmade up of those Koreans");
}

TEST(ShiftedRuns, SingleReplacementCharIsASpace) {
  const RepairResult r = repairer().repair(damage("the question of bread and power", -29));
  EXPECT_EQ(r.text, "the question of bread and power");
  EXPECT_EQ(count_notes(r, "unrecoverable"), 0u);
}

TEST(ShiftedRuns, JustifiedPaddingAfterLostSpaceIsDropped) {
  const RepairResult r = repairer().repair(lost("ZHHN| DQG| LWV| GLSORPDWV| FOHDUO\\"));
  EXPECT_EQ(r.text, "week and its diplomats clearly");
}

TEST(ShiftedRuns, LostDigitsStayUnrecoverableAndAreNotGuessed) {
  // "the months after 1945, the faction": digits and comma lost.
  const RepairResult r = repairer().repair(lost("WKH|PRQWKV|DIWHU|||||||WKH|IDFWLRQ"));
  EXPECT_EQ(r.text, lost("the months after ||||| the faction"));
  EXPECT_EQ(r.text.find_first_of("0123456789"), std::string::npos) << "never guess digits";
  ASSERT_EQ(count_notes(r, "unrecoverable"), 1u);
  const auto it = std::find_if(r.notes.begin(), r.notes.end(),
                               [](const RepairNote& n) { return n.type == "unrecoverable"; });
  EXPECT_EQ(r.text.substr(it->begin, it->end - it->begin), lost("|||||"));
}

TEST(ShiftedRuns, CleanTextIsLeftAlone) {
  const std::string text =
      "The KWP CC and the CPSU met in Pyongyang; Pak Heonyeong and Choe Changik spoke.\n\n"
      "RGANI, Fond 5, Opis 28, Delo 412, Listy 129-131. The DPRK, the PRC and the USSR.\n";
  const RepairResult r = repairer().repair(text);
  EXPECT_EQ(r.text, text);
  EXPECT_TRUE(r.notes.empty());
}

TEST(ShiftedRuns, RepairChangesLeavesTheTextEmptyWhenNothingChanged) {
  const RepairResult clean = repairer().repair_changes(kSentence);
  EXPECT_FALSE(clean.changed());
  EXPECT_TRUE(clean.text.empty());
  EXPECT_EQ(repairer().repair(kSentence).text, kSentence);
  const std::string damaged = damage(kSentence, -29);
  const RepairResult changes = repairer().repair_changes(damaged);
  const RepairResult full = repairer().repair(damaged);
  EXPECT_TRUE(changes.changed());
  EXPECT_EQ(changes.text, kSentence);
  EXPECT_EQ(changes.text, full.text);
  EXPECT_EQ(changes.notes.size(), full.notes.size());
}

TEST(ShiftedRuns, ShortAbbreviationsAreNotDecoded) {
  for (const char* text : {"IBM US NATO", "the BBC and CBS", "XYZ QRS"}) {
    EXPECT_EQ(repairer().repair(text).text, text);
  }
}

TEST(ShiftedRuns, WithoutWordListLetterPairsStillFindTheOffset) {
  RepairSettings s;
  s.word_list = "/nonexistent/word-list";
  SetupReport report;
  const TextRepairer fallback = make_repairer(s, &report);
  EXPECT_FALSE(report.word_list_loaded);
  const RepairResult r = fallback.repair(damage(kSentence, -29));
  EXPECT_EQ(r.text, kSentence);
}

// The run scorer bounds what the tokens it has not decoded yet can add by
// this figure: a glyph that stands for more characters than it has bytes
// must raise it, or a right offset could be given up too early.
TEST(GlyphTable, ReplacementsLongerThanTheirGlyphRaiseTheLettersPerByte) {
  GlyphTable table;
  EXPECT_EQ(table.max_letters_per_byte(), 1u);
  EXPECT_EQ(table.add("\xC2\xBF\tfi\tligature\n\xC2\xAB\t\xE2\x80\xA6\tpunctuation\n"), 0u);
  EXPECT_EQ(table.max_letters_per_byte(), 1u);  // two characters from two bytes, one from two
  EXPECT_EQ(table.add("\xC2\xAA\tffl\tligature\n"), 0u);
  EXPECT_EQ(table.max_letters_per_byte(), 2u);  // three characters from two bytes
  EXPECT_EQ(table.add("~\ttion\tligature\n"), 0u);
  EXPECT_EQ(table.max_letters_per_byte(), 4u);
}

}  // namespace
}  // namespace opis::repair::test
