// Acceptance: the damaged journal extraction (seed 003) and the corpus's
// damaged article come out as English text, measured by the share of word
// tokens the lexicon knows, and the corpus article comes close to its clean
// original. The repair code is called directly; neither the host nor
// protobuf is linked.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "repair_test_support.hpp"

namespace opis::repair::test {
namespace {

constexpr double kMinWordRatio = 0.97;

// Levenshtein similarity over code points: 1 - distance / longer length.
double similarity(std::string_view a, std::string_view b) {
  auto points = [](std::string_view s) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < s.size();) {
      const Decoded d = decode_at(s, i);
      out.push_back(d.cp);
      i += d.length;
    }
    return out;
  };
  const auto x = points(a);
  const auto y = points(b);
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  const size_t longer = std::max(x.size(), y.size());
  return longer == 0 ? 1.0 : 1.0 - static_cast<double>(row[y.size()]) / static_cast<double>(longer);
}

void expect_word_ratio(const std::string& label, const std::string& damaged) {
  ASSERT_TRUE(word_list_installed()) << "install Debian's wamerican";
  const Lexicon& lexicon = repairer().lexicon();
  const WordRatio before = word_ratio(damaged, lexicon);
  const RepairResult r = repairer().repair(damaged);
  const WordRatio after = word_ratio(r.text, lexicon);
  std::printf("%s: word ratio %.3f -> %.3f (%zu of %zu word tokens), %zu annotations\n",
              label.c_str(), before.ratio(), after.ratio(), after.words, after.tokens,
              r.notes.size());
  EXPECT_GE(after.ratio(), kMinWordRatio) << label;
  EXPECT_GT(after.ratio(), before.ratio()) << label;
}

TEST(RepairAcceptance, Seed003WordRatioAtLeast97Percent) {
  const auto seeds = seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "seeds absent";
  expect_word_ratio("seed 003", read_file(seeds / "003_4586cb435a2fc35a.txt"));
}

TEST(RepairAcceptance, CorpusArticleWordRatioAtLeast97Percent) {
  expect_word_ratio("article-damaged",
                    read_file(source_dir() / "examples/corpus/article-damaged.txt"));
}

TEST(RepairAcceptance, CorpusArticleCloseToCleanOriginal) {
  const auto root = source_dir();
  const std::string damaged = read_file(root / "examples/corpus/article-damaged.txt");
  const std::string clean = read_file(root / "tests/fixtures/article-clean.txt");
  // Both through repair, so wrapping and hyphens are undone alike; what
  // remains is what the damage destroyed (digits and punctuation lost).
  const std::string repaired = repairer().repair(damaged).text;
  const std::string reference = repairer().repair(clean).text;
  const double before = similarity(damaged, clean);
  const double after = similarity(repaired, reference);
  std::printf("article-damaged: character similarity to the clean article %.3f -> %.3f\n", before,
              after);
  EXPECT_GE(after, 0.97);
  // Every damaged line's words are back: the clean article's sentences
  // without lost characters appear verbatim.
  for (const char* sentence :
       {"Historians of North Korea have long treated the months after the August",
        "Kim Il Sung’s policies had made much the same argument a year earlier",
        "the question of bread was inseparable from the question of power", "as between comrades",
        "the floods had damaged the rice fields of the western provinces"}) {
    EXPECT_NE(repaired.find(sentence), std::string::npos) << sentence;
  }
}

TEST(RepairAcceptance, SeedRecordPagesAreLeftAlone) {
  const auto seeds = seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "seeds absent";
  for (const char* name : {"000_7b0f58b745e042a5.txt", "004_6b099c9bf1af78cb.txt"}) {
    const RepairResult r = repairer().repair(read_file(seeds / name));
    for (const RepairNote& n : r.notes) {
      EXPECT_EQ(n.reason.find("shifted glyphs"), std::string::npos)
          << name << ": " << n.original << " -> " << r.text.substr(n.begin, n.end - n.begin);
    }
  }
}

}  // namespace
}  // namespace opis::repair::test
