// ingest/article on the example corpus (the damaged article and its clean
// original) and on the journal extraction among the seeds (skipped when
// ../shared/seeds is absent), checking the facts examples/README.md lists,
// through the real plugin binary run by the SDK's harness (opis/testing.hpp).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "article_test_support.hpp"

namespace {

using namespace opis::article::test;
using ::testing::AllOf;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kTitle =
    "Bread and Advice: Soviet Grain Deliveries and the Korean Workers\xE2\x80\x99 Party, 1956-1957";

std::vector<Record> ingest_file(const std::filesystem::path& file) {
  return ingest_all(read_file(file));
}

// What the damaged and the clean version share.
void expect_bread_and_advice(const std::vector<Record>& records) {
  ASSERT_EQ(records.size(), 2u);
  const auto& article = records[0];
  EXPECT_EQ(article.kind(), "article");
  EXPECT_EQ(article.title(), kTitle);
  EXPECT_THAT(metadata_values(article, "byline"), ElementsAre("By Halina Worth"));
  ASSERT_EQ(article.footnotes().size(), 6u);
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(article.footnotes()[static_cast<size_t>(i)].marker, std::to_string(i + 1));
  EXPECT_THAT(article.footnotes()[2].text,
              HasSubstr("RGANI, Fond 5, Opis 28, Delo 412, l.129-130."));
  EXPECT_EQ(article.footnotes()[2].text,
            "Record of conversation with Kim Il Sung, 12 March 1957, RGANI, Fond 5, Opis 28, "
            "Delo 412, l.129-130.");
  EXPECT_EQ(article.footnotes()[0].text,
            "For the standard account see Kang Mi-ryeong, Factions and Five-Year Plans in North "
            "Korea (Seoul, 1999), 212-240.");
  EXPECT_THAT(article.text(), AllOf(Not(HasSubstr("DOCUMENT")), Not(HasSubstr("NOTES")),
                                    Not(HasSubstr("By Halina Worth")),
                                    Not(HasSubstr("Kim Il Sung began by saying"))));
  for (const auto& ref : annotations_of_type(article, "footnote_ref")) {
    EXPECT_EQ(spanned(article, ref), ref.value);
  }
  EXPECT_EQ(spanned(article, article.footnotes()[2]), "3");
  EXPECT_EQ(article.text().substr(article.footnotes()[2].begin - 7, 8), "Plenum.3");

  const auto& document = records[1];
  EXPECT_EQ(document.kind(), "document");
  EXPECT_EQ(document.title(),
            "Record of Conversation between Ambassador V. I. Ivanov and Kim Il Sung, 12 March "
            "1957 (excerpt)");
  EXPECT_THAT(metadata_values(document, "document_number"), ElementsAre("1"));
  EXPECT_THAT(metadata_values(document, "part_of"), ElementsAre(kTitle));
  EXPECT_THAT(citation_raws(document),
              ElementsAre("RGANI, Fond 5, Opis 28, Delo 412, Listy 129-131"));
  EXPECT_THAT(metadata_values(document, "acquisition"),
              ElementsAre("Obtained and translated by Halina Worth."));
  EXPECT_THAT(document.text(), StartsWith("Kim Il Sung began by saying"));
  EXPECT_THAT(document.text(), Not(HasSubstr("NOTES")));
  EXPECT_THAT(document.text(), Not(HasSubstr("[Source")));
}

TEST(ArticleCorpus, DamagedArticleGivesOneArticleAndOneDocument) {
  const auto records = ingest_file(source_dir() / "examples" / "corpus" / "article-damaged.txt");
  expect_bread_and_advice(records);
  // Markers 4 and 5 sit inside damaged runs, where their digits became U+FFFD.
  EXPECT_THAT(marker_values(records.at(0)), ElementsAre("1", "2", "3", "6"));
  EXPECT_EQ(records.at(0).footnotes()[3].begin, 0u);
  EXPECT_THAT(records.at(0).text(), HasSubstr("+LVWRULDQV\xEF\xBF\xBDRI\xEF\xBF\xBD"));
}

TEST(ArticleCorpus, CleanArticleAlsoFindsMarkersFourAndFive) {
  const auto records = ingest_file(source_dir() / "tests" / "fixtures" / "article-clean.txt");
  expect_bread_and_advice(records);
  EXPECT_THAT(marker_values(records.at(0)), ElementsAre("1", "2", "3", "4", "5", "6"));
  EXPECT_THAT(records.at(0).text(), StartsWith("Historians of North Korea"));
  const auto& article = records.at(0);
  EXPECT_EQ(article.text().substr(article.footnotes()[3].begin - 8, 9), "meeting.4");
  EXPECT_EQ(article.text().substr(article.footnotes()[4].begin - 4, 5), "May.5");
}

TEST(ArticleCorpus, ProbeClaimsTheArticleFiles) {
  auto plugin = ingester();
  const auto corpus = source_dir() / "examples" / "corpus";
  EXPECT_EQ(plugin.probe(read_file(corpus / "article-damaged.txt")), 80);
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("record-", 0) == 0 || name.rfind("listing-", 0) == 0) {
      EXPECT_LE(plugin.probe(read_file(entry.path())), 5) << name;
    }
  }
}

// ------------------------------------------------------------ seed 003

std::filesystem::path seed(const std::string& name) {
  const auto dir = seeds_dir();
  return dir.empty() ? dir : dir / name;
}

TEST(ArticleSeeds, Seed003JournalExtraction) {
  const auto file = seed("003_4586cb435a2fc35a.txt");
  if (file.empty()) GTEST_SKIP() << "no ../shared/seeds";
  auto plugin = ingester();
  const std::string content = read_file(file);
  EXPECT_EQ(plugin.probe(content), 80);
  const auto records = ingest_all(content);
  const auto articles = of_kind(records, "article");
  const auto documents = of_kind(records, "document");
  // The extraction starts mid-article (no title, no byline) and its notes
  // have no NOTES heading, so one untitled article without footnotes.
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].title(), "");
  EXPECT_EQ(articles[0].footnotes().size(), 0u);
  EXPECT_THAT(articles[0].text(), StartsWith(" ew events since the end of the 1950-1953"));
  EXPECT_THAT(articles[0].text(), Not(HasSubstr("DOCUMENT No.")));
  EXPECT_EQ(records.front().kind(), "article");

  // Headings read from the seed: DOCUMENT No. 1, 2, 6, 16, 24, 25 and
  // Document No. 4, 7, 26, 29, 30.
  std::vector<std::string> numbers;
  for (const auto& d : documents) numbers.push_back(metadata_values(d, "document_number").at(0));
  EXPECT_THAT(numbers, ElementsAre("1", "2", "4", "6", "7", "16", "24", "25", "26", "29", "30"));
  for (const auto& d : documents) EXPECT_EQ(d.citations().size(), 1u) << d.title();

  EXPECT_EQ(documents[0].title(),
            "Memorandum of Conversation with the DPRK Vice Premier of the Cabinet of Ministers "
            "and Member of the KWP CC Presidium, Bak Changok, 12 March 1956");
  // Its source block lost its end in the extraction.
  EXPECT_THAT(citation_raws(documents[0]),
              ElementsAre("Russian State Archive of Contemporary History (hereafter RGANI), Fond "
                          "5, Opis 28, Delo 410, Listy 73-85"));
  EXPECT_EQ(documents[0].warnings().size(), 1u);
  EXPECT_THAT(citation_raws(documents[1]),
              ElementsAre("RGANI, Fond 5, Opis 28, Delo 410, Listy 22-25"));
  EXPECT_THAT(metadata_values(documents[1], "acquisition"),
              ElementsAre("Obtained and translated for CWIHP by James F. Person."));
  EXPECT_EQ(documents[2].title(),
            "Report by N. T. Fedorenko on a Meeting with DPRK Ambassador to the USSR Li Sangjo, "
            "29 May 1956");
  EXPECT_THAT(metadata_values(documents[2], "acquisition"),
              ElementsAre("Obtained for CWIHP by Nobuo Shimotomai and translated for CWIHP by "
                          "Gary Goldberg."));
  EXPECT_THAT(citation_raws(documents[5]),
              ElementsAre("RGANI, Fond 5, Opis 28, Delo 410,Listy 322-325"));
  EXPECT_THAT(citation_raws(documents[8]),
              ElementsAre("Library of Congress, DK949.32 K6 Korea Cage"));
  EXPECT_THAT(metadata_values(documents[8], "acquisition"),
              ElementsAre("Obtained for CWIHP by James F. Person and translated for CWIHP by Choe "
                          "Lyong."));
  EXPECT_THAT(citation_raws(documents[10]),
              ElementsAre("RGANI, Fond 5, Opis 28, Delo 486, Listi 1-17"));
  for (const auto& d : documents) {
    EXPECT_THAT(d.text(), Not(HasSubstr("[Source"))) << d.title();
    EXPECT_THAT(metadata_values(d, "part_of"), testing::IsEmpty());
  }
  // Page furniture between paragraphs: the repeated running head and page
  // numbers go, the single "New Evidence on North Korea" stays.
  std::string all_text;
  for (const auto& r : records) {
    all_text += r.text();
    all_text += "\n";
  }
  EXPECT_THAT(all_text,
              Not(HasSubstr("Cold War International History Project Bulletin, Issue 16")));
  EXPECT_THAT(all_text, Not(HasSubstr("\n515\n")));
  EXPECT_THAT(all_text, HasSubstr("New Evidence on North Korea"));
}

}  // namespace
