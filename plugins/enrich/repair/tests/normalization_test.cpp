// Mojibake and Unicode normalization.
#include <gtest/gtest.h>

#include "repair_test_support.hpp"

namespace opis::repair::test {
namespace {

TEST(Mojibake, Windows1252ApostropheRestored) {
  const RepairResult r = repairer().repair("the Korean Workersâ€™ Party");
  EXPECT_EQ(r.text, "the Korean Workers’ Party");
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].reason, "mojibake");
  EXPECT_EQ(r.notes[0].original, "â€™");
  EXPECT_EQ(r.text.substr(r.notes[0].begin, r.notes[0].end - r.notes[0].begin), "’");
}

TEST(Mojibake, AccentedLettersAndQuotesRestored) {
  EXPECT_EQ(repairer().repair("Ã\xC2\x81gnes Veres wrote â€œcoup dâ€™Ã©tatâ€\xC2\x9D").text,
            "Ágnes Veres wrote “coup d’état”");
}

TEST(Mojibake, RealAccentedTextUntouched) {
  const std::string text = "Ágnes Veres, József Kárpáti, Asunción, coup d’état, São Paulo";
  const RepairResult r = repairer().repair(text);
  EXPECT_EQ(r.text, text);
  EXPECT_TRUE(r.notes.empty());
}

TEST(UnicodeNormalization, DecomposedAccentsBecomeNfc) {
  // "Kárpáti" with combining acute accents (U+0301).
  const RepairResult r = repairer().repair("Ambassador Ka\xCC\x81rpa\xCC\x81ti");
  EXPECT_EQ(r.text, "Ambassador Kárpáti");
  ASSERT_EQ(r.notes.size(), 2u);
  EXPECT_EQ(r.notes[0].reason, "unicode normalization");
  EXPECT_EQ(r.notes[0].original, "a\xCC\x81");
  EXPECT_EQ(r.text.substr(r.notes[0].begin, r.notes[0].end - r.notes[0].begin), "á");
}

}  // namespace
}  // namespace opis::repair::test
