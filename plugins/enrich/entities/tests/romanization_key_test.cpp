// The romanization-aware key: every spelling of one Korean name folds onto
// one key, and names that differ keep different keys.
#include "romanization_key.hpp"

#include <gtest/gtest.h>

#include <string>

#include "authority_file.hpp"
#include "mention_finder.hpp"
#include "name_tokens.hpp"
#include "word_lists.hpp"

namespace {

using opis::entities::is_korean_syllable;
using opis::entities::phrase_key;
using opis::entities::WordLists;

uint64_t key(const std::string& name) {
  return phrase_key(name, WordLists::builtin().surnames);
}

TEST(RomanizationKey, McCuneReischauerWithBrevesEqualsSimplified) {
  EXPECT_EQ(key("Pak Hŏn-yŏng"), key("Pak Hon-yong"));
}

TEST(RomanizationKey, RevisedRomanizationEqualsMcCuneReischauer) {
  EXPECT_EQ(key("Pak Heon-yeong"), key("Pak Hŏn-yŏng"));
}

TEST(RomanizationKey, JoinedGivenNameEqualsHyphenatedAndSpaced) {
  EXPECT_EQ(key("Pak Heonyeong"), key("Pak Heon-yeong"));
  EXPECT_EQ(key("Pak Heon yeong"), key("Pak Heon-yeong"));
}

TEST(RomanizationKey, SurnameSpellingsFoldTogether) {
  EXPECT_EQ(key("Bak Heonyeong"), key("Pak Heonyeong"));
  EXPECT_EQ(key("Park Heonyeong"), key("Pak Heonyeong"));
  EXPECT_EQ(key("Ri Sang-jo"), key("Li Sangjo"));
  EXPECT_EQ(key("Yi Sang-jo"), key("Li Sangjo"));
  EXPECT_EQ(key("Lee Sang-jo"), key("Li Sangjo"));
  EXPECT_EQ(key("Choi Chang-ik"), key("Choe Chang-ik"));
  EXPECT_EQ(key("Gim Il-seong"), key("Kim Il-song"));
}

TEST(RomanizationKey, AspirationApostrophesAreIgnored) {
  EXPECT_EQ(key("Ch'oe Ch'ang-ik"), key("Choe Changik"));
  EXPECT_EQ(key("Ch’oe Ch’ang-ik"), key("Choe Chang-ik"));
  EXPECT_EQ(key("P'yŏngyang"), key("Pyongyang"));
}

TEST(RomanizationKey, VoicedInitialsEqualVoiceless) {
  EXPECT_EQ(key("Kim Gwang-hyeop"), key("Kim Kwang-hyŏp"));
  EXPECT_EQ(key("Kim Du-bong"), key("Kim Tu-bong"));
  EXPECT_EQ(key("Ri Sang-jo"), key("Ri Sang-cho"));
}

TEST(RomanizationKey, VowelSpellingsFoldTogether) {
  EXPECT_EQ(key("Pyeongyang"), key("Pyongyang"));
  EXPECT_EQ(key("Pak Ŭi-wan"), key("Pak Ui-wan"));
  EXPECT_EQ(key("Pak Seong-cheol"), key("Pak Sŏng-ch'ŏl"));
  EXPECT_EQ(key("Hamheung"), key("Hamhŭng"));
  EXPECT_EQ(key("Ho Kai"), key("Ho Ka-i"));
}

TEST(RomanizationKey, DoubledConsonantAcrossSyllablesIsOne) {
  EXPECT_EQ(key("Kim Sang-gyu"), key("Kim Sanggyu"));
}

TEST(RomanizationKey, DifferentNamesKeepDifferentKeys) {
  EXPECT_NE(key("Kim Il"), key("Kim Il Sung"));
  EXPECT_NE(key("Pak Chang-ok"), key("Pak Chong-ok"));
  EXPECT_NE(key("Nam Il"), key("Kim Il"));
}

TEST(RomanizationKey, AcronymsAreNotFolded) {
  EXPECT_NE(key("CCP"), key("CP"));
  EXPECT_NE(key("BCP"), key("PCP"));
  EXPECT_NE(key("CC BCP"), key("CCBCP"));
}

TEST(RomanizationKey, CurlyAndStraightApostrophesAreOneName) {
  EXPECT_EQ(key("Korean Workers’ Party"), key("Korean Workers' Party"));
  EXPECT_EQ(key("People’s Republic of China"), key("People's Republic of China"));
}

TEST(KoreanSyllable, AcceptsSyllablesOfAnyRomanization) {
  for (const char* s : {"hwan", "guk", "hyeop", "hyop", "cheol", "chol", "ok", "ik", "yong", "jo",
                        "mok", "u", "wan", "ui", "kkang", "tchae"}) {
    EXPECT_TRUE(is_korean_syllable(s)) << s;
  }
}

TEST(KoreanSyllable, RejectsEnglishWordParts) {
  for (const char* s : {"based", "well", "term", "star", "x", "", "strong", "fold"}) {
    EXPECT_FALSE(is_korean_syllable(s)) << s;
  }
}

TEST(BuiltinAuthority, ParsesAndNoTwoEntitiesShareASpelling) {
  opis::entities::AuthorityRows rows;
  ASSERT_NO_THROW(rows.parse(opis::entities::builtin_authority_tsv(), "data/authority.tsv"));
  EXPECT_GT(rows.size(), 100u);
  opis::entities::NameTable table;
  rows.build(table, WordLists::builtin().surnames);
  std::string collisions;
  for (const auto& c : table.collisions()) collisions += c + "\n";
  EXPECT_EQ(collisions, "");
}

TEST(AuthorityFile, MalformedRowIsNamedByFileAndLine) {
  opis::entities::AuthorityRows rows;
  try {
    rows.parse("# comment\nperson\tKim Il Sung\n\ncity\tPyongyang\n", "extra.tsv");
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "extra.tsv:4: unknown type 'city' (expected person, organization or place)");
  }
}

TEST(AuthorityFile, AuthorityIdMustHaveAScheme) {
  opis::entities::AuthorityRows rows;
  EXPECT_THROW(rows.parse("person\tX Y\tQ123\n", "f.tsv"), std::invalid_argument);
  EXPECT_NO_THROW(rows.parse("person\tX Y\twikidata:Q123\n", "f.tsv"));
}

TEST(NameTokens, PossessiveAndPluralApostropheStayInTheWord) {
  opis::entities::NameTokens tokens;
  tokens.tokenize("Kim's Workers’ Party VKP(b) Ch'oe");
  const auto& t = tokens.tokens();
  ASSERT_EQ(t.size(), 5u);
  EXPECT_TRUE(t[0].possessive);
  EXPECT_EQ(tokens.stem(t[0]), "Kim");
  EXPECT_EQ(tokens.surface(t[1]), "Workers’");
  EXPECT_EQ(tokens.raw(t[1]), "workers");
  EXPECT_EQ(tokens.surface(t[3]), "VKP(b)");
  EXPECT_TRUE(t[3].all_caps);
  EXPECT_EQ(tokens.raw(t[4]), "choe");
}

}  // namespace
