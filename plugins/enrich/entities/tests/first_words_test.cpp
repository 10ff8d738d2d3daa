// The per-spelling cache of what the authority says about a first word:
// answers come back for the spelling and flags they were kept under, and
// the cache empties itself when full instead of growing.
#include "first_words.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using opis::entities::FirstWord;
using opis::entities::FirstWords;

FirstWord answer(int64_t entry) {
  FirstWord word;
  word.entry = entry;
  word.is_prefix = entry % 2 == 0;
  return word;
}

TEST(FirstWords, AnswersAreKeptPerSpellingAndFlags) {
  FirstWords cache;
  EXPECT_EQ(cache.find("soviet", 0), nullptr);
  EXPECT_EQ(cache.add(answer(7)).entry, 7);
  EXPECT_EQ(cache.find("soviet", 1), nullptr);  // the same spelling as a capitals-only word
  EXPECT_EQ(cache.add(answer(8)).entry, 8);
  ASSERT_NE(cache.find("soviet", 0), nullptr);
  EXPECT_EQ(cache.find("soviet", 0)->entry, 7);
  ASSERT_NE(cache.find("soviet", 1), nullptr);
  EXPECT_EQ(cache.find("soviet", 1)->entry, 8);
  EXPECT_EQ(cache.find("sovie", 0), nullptr);
  EXPECT_EQ(cache.find("sovietx", 0), nullptr);
}

TEST(FirstWords, EmptiesItselfWhenFullAndStaysRight) {
  FirstWords cache;
  const int words = 40000;  // more than it keeps
  for (int i = 0; i < words; ++i) {
    const std::string spelling = "word" + std::to_string(i);
    ASSERT_EQ(cache.find(spelling, 0), nullptr) << spelling;
    cache.add(answer(i));
    const FirstWord* kept = cache.find(spelling, 0);
    ASSERT_NE(kept, nullptr) << spelling;
    ASSERT_EQ(kept->entry, i);
  }
  // The last words are still there with their own answers; the first ones
  // went with an emptying.
  ASSERT_NE(cache.find("word39999", 0), nullptr);
  EXPECT_EQ(cache.find("word39999", 0)->entry, 39999);
  EXPECT_EQ(cache.find("word0", 0), nullptr);
}

}  // namespace
