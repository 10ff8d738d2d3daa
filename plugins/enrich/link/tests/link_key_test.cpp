// enrich/link: the key that pairs a listing's hit with its record page, and
// the text signatures behind same_as / near_duplicate.
#include "link_key.hpp"

#include <gtest/gtest.h>

#include "text_folding.hpp"
#include "text_signature.hpp"

namespace {

using opis::link::estimated_jaccard;
using opis::link::link_key;
using opis::link::normalized_title;
using opis::link::sign_text;

TEST(LinkKey, CurlyAndStraightApostrophesGiveTheSameKey) {
  EXPECT_EQ(normalized_title("On the Korean Workers\u2019 Party"),
            normalized_title("On the Korean Workers' Party"));
  EXPECT_EQ(normalized_title("\u201CQuoted\u201D title"), normalized_title("\"Quoted\" title"));
}

TEST(LinkKey, CaseIsFolded) {
  EXPECT_EQ(normalized_title("Record of a CONVERSATION"), "record of a conversation");
  EXPECT_EQ(normalized_title("\u00C1GNES VERES \u0406\u0412\u0410\u041D"),
            "\u00E1gnes veres \u0456\u0432\u0430\u043D");
}

TEST(LinkKey, SpacesAreCollapsedAndTrimmed) {
  EXPECT_EQ(normalized_title("  Report,\u00A0Embassy \t of\n Hungary  "),
            "report, embassy of hungary");
}

TEST(LinkKey, TrailingPunctuationIsStripped) {
  EXPECT_EQ(normalized_title("Telegram to Mikoyan."), "telegram to mikoyan");
  EXPECT_EQ(normalized_title("Telegram to Mikoyan ;:"), "telegram to mikoyan");
  EXPECT_EQ(normalized_title("Telegram (1957)"), "telegram (1957)");
}

TEST(LinkKey, DashesAndCompatibilityCharactersAreFolded) {
  EXPECT_EQ(normalized_title("1956\u20131957 \u2014 Copy N\u00BA 4 \uFB01le"),
            "1956-1957 - copy no 4 file");
  EXPECT_EQ(normalized_title("soft\u00ADhyphen\u200B"), "softhyphen");
}

TEST(LinkKey, KeyJoinsTitleAndEdtfDate) {
  EXPECT_EQ(link_key("Telegram to Mikoyan", "1957-03-14", "March 14, 1957"),
            "telegram to mikoyan|1957-03-14");
}

TEST(LinkKey, DateLineIsUsedWhenThereIsNoEdtf) {
  EXPECT_EQ(link_key("Telegram", "", "  March 14,  1957. "), "telegram|march 14, 1957");
}

TEST(LinkKey, EdtfQualifiersAreKept) {
  EXPECT_EQ(link_key("Telegram", "1957?", ""), "telegram|1957?");
}

TEST(LinkKey, NoKeyWithoutTitleOrDate) {
  EXPECT_EQ(link_key("", "1957-03-14", ""), "");
  EXPECT_EQ(link_key("Telegram", "", ""), "");
  EXPECT_EQ(link_key(" . ", "1957", ""), "");
}

TEST(TextFolding, MalformedUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(opis::link::fold_text(std::string("a\xC3") + "b\xFF"), "a\uFFFDb\uFFFD");
}

const char* const kParagraph =
    "The ambassador reported that the harvest in the northern provinces had failed for the "
    "second year and asked the ministry to send grain before the spring sowing began, since "
    "the reserves held by the cooperatives would last only until the end of March";

TEST(TextSignature, ShortTextsHaveNoSignature) {
  EXPECT_FALSE(sign_text("only four words here", 30));
  EXPECT_FALSE(sign_text("", 1));
  EXPECT_TRUE(sign_text("only four words here", 4));
}

TEST(TextSignature, CaseAndPunctuationDoNotChangeTheWordSequence) {
  const auto a = sign_text(kParagraph, 10);
  std::string shouted = kParagraph;
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto b = sign_text(shouted + " \u2014 ...", 10);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->text_hash, b->text_hash);
  EXPECT_EQ(a->words, b->words);
  EXPECT_EQ(estimated_jaccard(a->minhash, b->minhash), 1.0);
}

TEST(TextSignature, WordOrderChangesTheTextHash) {
  const auto a = sign_text("one two three four five six", 1);
  const auto b = sign_text("two one three four five six", 1);
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->text_hash, b->text_hash);
}

TEST(TextSignature, UnrelatedTextsAreDissimilar) {
  const auto a = sign_text(kParagraph, 10);
  const auto b = sign_text(
      "Minutes of the plenary session held in the capital on the third day of the congress, at "
      "which the delegates heard the report of the central committee and elected a new "
      "presidium of nine members by a show of hands after a short debate",
      10);
  ASSERT_TRUE(a && b);
  EXPECT_LT(estimated_jaccard(a->minhash, b->minhash), 0.2);
}

}  // namespace
