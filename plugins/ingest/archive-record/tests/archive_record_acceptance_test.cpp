// ingest/archive-record on real captures (the seeds, skipped when absent)
// and on every record page of examples/corpus, checking the facts that
// examples/README.md lists for the ingester's fields, through the real plugin
// binary run by the SDK's harness (opis/testing.hpp): no host, no protobuf.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "record_test_support.hpp"

namespace {

using namespace opis::archive_record::test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

Record ingest_file(const std::filesystem::path& file) {
  return ingest_one(read_file(file));
}

std::filesystem::path seed(const std::string& name) {
  const auto dir = seeds_dir();
  return dir.empty() ? dir : dir / name;
}

std::filesystem::path corpus(const std::string& name) {
  return source_dir() / "examples" / "corpus" / name;
}

// What every record page of the corpus and the seeds must leave out of text.
void expect_clean_text(const Record& record) {
  for (const char* outside :
       {"Skip to content", "Document Information", "Record ID", "Original Uploaded Date",
        "protected]", "Obtained by", "Translated by", "copyright", "rights status"}) {
    EXPECT_THAT(record.text(), Not(HasSubstr(outside))) << outside;
  }
  EXPECT_THAT(record.text(), Not(HasSubstr(record.title())));
  if (!record.summary().empty()) {
    EXPECT_THAT(record.text(), Not(HasSubstr(record.summary())));
  }
  for (const auto& citation : record.citations()) {
    EXPECT_THAT(record.text(), Not(HasSubstr(citation.raw)));
  }
  EXPECT_EQ(record.text(),
            std::string(record.text().substr(0, record.text().find_last_not_of(" \n") + 1)));
}

size_t translator_notes(const Record& record) {
  size_t n = 0;
  for (const auto& a : annotations_of_type(record, "editorial_note")) {
    if (attribute(a, "kind") == "translator_note") {
      EXPECT_THAT(spanned(record, a), StartsWith("[Translator"));
      ++n;
    }
  }
  return n;
}

size_t marks_of_kind(const Record& record, const std::string& kind) {
  size_t n = 0;
  for (const auto& a : annotations_of_type(record, "editorial_note"))
    n += attribute(a, "kind") == kind;
  return n;
}

// ------------------------------------------------------------ seeds

TEST(ArchiveRecordSeeds, Seed000RecordPage) {
  const auto file = seed("000_7b0f58b745e042a5.txt");
  if (file.empty()) GTEST_SKIP() << "no ../shared/seeds";
  const auto record = ingest_file(file);
  EXPECT_EQ(record.kind(), "record");
  EXPECT_EQ(record.date_surface(), "January 3, 1962");
  EXPECT_EQ(record.title(),
            "Information on the Attitude of the Korean Workers\xE2\x80\x99 Party to Some Decisions "
            "of the 22nd CPSU [Communist Party of the Soviet Union] Congress");
  EXPECT_THAT(record.summary(), StartsWith("Dimo Dichev, Head of the Central Committee"));
  EXPECT_THAT(citation_raws(record),
              ElementsAre("Central State Archive, Sofia, Fond 1-B, Opis 91, A.E. 378, p. 1-3"));
  EXPECT_THAT(metadata_values(record, "acquisition"),
              ElementsAre("Obtained by Jordan Baev and translated by Greta Keremidchieva"));
  ASSERT_EQ(record.footnotes().size(), 1u);
  EXPECT_EQ(record.footnotes()[0].marker, "1");
  EXPECT_THAT(record.footnotes()[0].text, StartsWith("The 22nd CPSU Congress was held"));
  EXPECT_EQ(spanned(record, record.footnotes()[0]), "[1]");
  EXPECT_THAT(record.rights(), StartsWith("The History and Public Policy Program welcomes reuse"));
  EXPECT_THAT(record.rights(), HasSubstr("protected]"));
  EXPECT_THAT(record.text(), StartsWith("on the attitude of the Korean Workers"));
  EXPECT_THAT(record.text(), HasSubstr("Department, Dimo Dichev"));
  expect_clean_text(record);
  // "the Moscow meeting [of 81 Communist and Workers Parties, November-December 1960]"
  bool insertion = false;
  for (const auto& a : annotations_of_type(record, "editorial_note")) {
    insertion |=
        spanned(record, a) == "[of 81 Communist and Workers Parties, November-December 1960]" &&
        attribute(a, "kind") == "insertion";
  }
  EXPECT_TRUE(insertion);
  bool bcp = false;
  for (const auto& a : annotations_of_type(record, "expansion")) {
    bcp |= attribute(a, "abbreviation") == "CC BCP" &&
           a.value == "Central Committee of the Bulgarian Communist Party";
  }
  EXPECT_TRUE(bcp);
}

TEST(ArchiveRecordSeeds, Seed004LongSpeech) {
  const auto file = seed("004_6b099c9bf1af78cb.txt");
  if (file.empty()) GTEST_SKIP() << "no ../shared/seeds";
  const auto record = ingest_file(file);
  EXPECT_EQ(record.date_surface(), "August 30, 1956");
  EXPECT_EQ(record.title(),
            "Speech by Kim Il Sung at the August Korean Workers' Party Central Committee Plenum");
  EXPECT_THAT(record.summary(), StartsWith("Kim Il Sung reflects upon the delegation"));
  EXPECT_THAT(citation_raws(record),
              ElementsAre("GARF, Fond 5446, Opis 98, Delo 721, Listy 69-103"));
  EXPECT_THAT(metadata_values(record, "acquisition"), ElementsAre("Translated by Gary Goldberg."));
  EXPECT_EQ(record.footnotes().size(), 0u);
  EXPECT_EQ(translator_notes(record), 2u);
  EXPECT_THAT(record.text(), StartsWith("(Report of Cde. Kim Il Sung"));
  EXPECT_THAT(record.text(), HasSubstr("[50s pages of the original Korean text follow]"));
  EXPECT_THAT(record.rights(), HasSubstr("commercial use"));
  expect_clean_text(record);
}

TEST(ArchiveRecordSeeds, ListingSeedIsNotClaimed) {
  const auto file = seed("002_34c222c907d19a4a.txt");
  if (file.empty()) GTEST_SKIP() << "no ../shared/seeds";
  auto plugin = ingester();
  EXPECT_LE(plugin.probe(read_file(file)), 5);
}

TEST(ArchiveRecordSeeds, RecordSeedsAreClaimed) {
  if (seeds_dir().empty()) GTEST_SKIP() << "no ../shared/seeds";
  auto plugin = ingester();
  EXPECT_GE(plugin.probe(read_file(seed("000_7b0f58b745e042a5.txt"))), 80);
  EXPECT_GE(plugin.probe(read_file(seed("004_6b099c9bf1af78cb.txt"))), 80);
  EXPECT_LT(plugin.probe(read_file(seed("003_4586cb435a2fc35a.txt"))), 20);
}

// ------------------------------------------------------------ examples/corpus

struct CorpusFacts {
  std::string file;
  std::string date;
  std::string title;
  std::string classification;
  std::string copy_number;
  std::vector<std::string> stamp_parts;  // each stamp contains the matching part
  std::vector<std::string> funders;
  int footnotes = 0;
  std::string citation;
  std::string acquisition;  // empty: none
  int translator_notes = 0;
  int illegible = 0;
  std::vector<std::string> abbreviations;  // of the expansions, in text order
};

const std::vector<CorpusFacts> kCorpus = {
    {"record-1952-02-09-pak-hon-yong-memorandum.txt",
     "February 9, 1952",
     "Memorandum of the VKP(b) CC Foreign Policy Commission on a Conversation with Pak Hon-yong",
     "Strictly Secret",
     "4",
     {"VKP(b) CC Secretariat, 11 Feb. 1952"},
     {"Halvorsen Foundation for Archival Research"},
     0,
     "RGASPI, Fond 17, Opis 137, Delo 947, Listy 33-41",
     "Obtained and translated by Kirill Andronov.",
     1,
     0,
     {"KWP", "PRC", "VKP(b)"}},
    {"record-1956-10-05-fedorenko-ri-sang-jo-conversation.txt",
     "October 5, 1956",
     "Record of a Conversation between Deputy Minister of Foreign Affairs N. T. Fedorenko and DPRK "
     "Ambassador Ri Sang-jo",
     "SECRET",
     "1",
     {},
     {},
     1,
     "AVPRF, f. 0102, op. 12, d. 6, ll. 45-51",
     "Translated by Lena Hartwig.",
     1,
     1,
     {"MFA USSR", "KWP CC"}},
    {"record-1957-03-14-mikoyan-telegram.txt",
     "March 14, 1957",
     "Telegram from Soviet Ambassador V. I. Ivanov to A. I. Mikoyan on the Food Situation in the "
     "DPRK",
     "Top Secret",
     "2",
     {"Received 18 March 1957"},
     {"Halvorsen Foundation for Archival Research"},
     2,
     "RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85",
     "Obtained by Marina Telnova and translated by Owen Castellan.",
     0,
     0,
     {"CPSU CC", "KWP"}},
    {"record-1960-06-18-kim-il-sung-speech-soviet-specialists.txt",
     "June 18, 1960",
     "Speech by Kim Il Sung at a Reception for Soviet Specialists in Pyeongyang",
     "",
     "",
     {},
     {},
     0,
     "GARF, Fond 5446, Opis 98, Delo 721, Listy 69-103",
     "",
     2,
     1,
     {}},
    {"record-1962-02-12-bulgarian-embassy-report.txt",
     "February 12, 1962",
     "Report of the Bulgarian Embassy in Pyongyang on the Distribution of 22nd CPSU Congress "
     "Materials in the DPRK",
     "Strictly confidential!",
     "",
     {"20.II.1962"},
     {"Ostrava-Lindqvist Trust for Cold War Studies"},
     3,
     "Central State Archive, Sofia, Fond 1-B, Opis 33, A.E. 1590, p. 4-9",
     "Obtained by Nadia Petkova-Lind and translated by Boris Mandev.",
     0,
     0,
     {"CPSU", "KWP", "BCP"}},
    {"record-1964-04-19-rodong-sinmun-editorial.txt",
     "April 19, 1964",
     "Rodong Sinmun Editorial on the Fourth Anniversary of the April Popular Uprising in South "
     "Korea",
     "Not classified",
     "",
     {},
     {},
     0,
     "Rodong Sinmun, 19 April 1964",
     "Translated by Hye-jin Lowell.",
     0,
     0,
     {}},
    {"record-1965-02-16-fadeyev-conversation.txt",
     "February 16, 1965",
     "Record of a Conversation between First Secretary of the USSR Embassy Yu. Fadeyev and "
     "Counsellor Kim Tae-hwan of the DPRK Ministry of Foreign Affairs",
     "Secret",
     "3",
     {"27.II.1965"},
     {},
     2,
     "RGANI, Fond 5, Opis 49, Delo 757, Listy 12-16",
     "Obtained by Marina Telnova. Translated by Owen Castellan.",
     0,
     0,
     {}},
    {"record-1969-06-20-hungarian-embassy-report.txt",
     "June 20, 1969",
     "Report, Embassy of Hungary in the DPRK to the Hungarian Foreign Ministry, on the Korean "
     "Workers' Party and the Moscow Meeting of Communist Parties",
     "TOP SECRET",
     "",
     {"Received 2 July 1969"},
     {"Ostrava-Lindqvist Trust for Cold War Studies"},
     1,
     "Hungarian National Archives (MOL), XIX-J-1-j Korea, 1969, 62. doboz, 5, 001147/2/1969",
     "Translated by \xC3\x81gnes Veres.",
     0,
     0,
     {}},
};

class ArchiveRecordCorpus : public ::testing::TestWithParam<CorpusFacts> {};

TEST_P(ArchiveRecordCorpus, FactsOfTheExampleReadme) {
  const CorpusFacts& facts = GetParam();
  const auto record = ingest_file(corpus(facts.file));
  EXPECT_EQ(record.kind(), "record");
  EXPECT_EQ(record.date_surface(), facts.date);
  EXPECT_EQ(record.title(), facts.title);
  EXPECT_EQ(record.classification(), facts.classification);
  EXPECT_EQ(record.copy_number(), facts.copy_number);
  ASSERT_EQ(static_cast<size_t>(record.stamps().size()), facts.stamp_parts.size());
  for (size_t i = 0; i < facts.stamp_parts.size(); ++i) {
    EXPECT_THAT(record.stamps()[i], HasSubstr(facts.stamp_parts[i]));
  }
  const auto funders = record.funders();
  EXPECT_EQ(std::vector<std::string>(funders.begin(), funders.end()), facts.funders);
  EXPECT_EQ(record.footnotes().size(), facts.footnotes);
  for (const auto& footnote : record.footnotes()) {
    EXPECT_EQ(spanned(record, footnote), "[" + std::string(footnote.marker) + "]");
  }
  EXPECT_THAT(citation_raws(record), ElementsAre(facts.citation));
  if (facts.acquisition.empty()) {
    EXPECT_THAT(metadata_values(record, "acquisition"), IsEmpty());
  } else {
    EXPECT_THAT(metadata_values(record, "acquisition"), ElementsAre(facts.acquisition));
  }
  EXPECT_EQ(translator_notes(record), static_cast<size_t>(facts.translator_notes));
  EXPECT_EQ(marks_of_kind(record, "illegible"), static_cast<size_t>(facts.illegible));
  std::vector<std::string> abbreviations;
  for (const auto& a : annotations_of_type(record, "expansion")) {
    abbreviations.push_back(attribute(a, "abbreviation"));
    EXPECT_THAT(spanned(record, a),
                StartsWith(attribute(a, "abbreviation") + " [" + std::string(a.value)));
  }
  EXPECT_EQ(abbreviations, facts.abbreviations);
  EXPECT_FALSE(record.summary().empty());
  EXPECT_THAT(record.rights(), StartsWith("The Digital Archive project invites scholars"));
  EXPECT_THAT(record.rights(), HasSubstr("Questions about the rights status"));
  EXPECT_FALSE(record.text().empty());
  expect_clean_text(record);
  for (const auto& stamp : record.stamps()) EXPECT_THAT(record.text(), Not(HasSubstr(stamp)));
  for (const auto& funder : record.funders()) EXPECT_THAT(record.text(), Not(HasSubstr(funder)));
}

INSTANTIATE_TEST_SUITE_P(Examples, ArchiveRecordCorpus, ::testing::ValuesIn(kCorpus),
                         [](const auto& test_info) {
                           std::string name = test_info.param.file.substr(7, 10);
                           for (char& c : name) c = c == '-' ? '_' : c;
                           return "record_" + name;
                         });

TEST(ArchiveRecordCorpusLabels, RodongSinmunLabelBlock) {
  const auto record = ingest_file(corpus("record-1964-04-19-rodong-sinmun-editorial.txt"));
  ASSERT_EQ(record.contributors().size(), 1u);
  EXPECT_EQ(record.contributors()[0].name, "Rodong Sinmun editorial board");
  EXPECT_EQ(record.contributors()[0].role, "author");
  EXPECT_THAT(metadata_values(record, "Original Archive"), ElementsAre("Rodong Sinmun"));
  EXPECT_THAT(metadata_values(record, "Associated Places"),
              ElementsAre("Seoul (South Korea); Korea (North); Korea (South); Japan"));
  const auto topics = metadata_values(record, "Associated Topics");
  ASSERT_EQ(topics.size(), 1u);
  EXPECT_EQ(std::count(topics[0].begin(), topics[0].end(), ';'), 2);
  EXPECT_THAT(metadata_values(record, "original_uploaded_date"), ElementsAre("2016-03-22"));
  EXPECT_THAT(metadata_values(record, "record_id"), ElementsAre("900164"));
  EXPECT_THAT(record.text(), StartsWith("The Flame of April Cannot Be Extinguished"));
  EXPECT_THAT(record.text(), Not(HasSubstr("Associated")));
}

TEST(ArchiveRecordCorpusLabels, HungarianReportLabelBlock) {
  const auto record = ingest_file(corpus("record-1969-06-20-hungarian-embassy-report.txt"));
  ASSERT_EQ(record.contributors().size(), 1u);
  EXPECT_EQ(record.contributors()[0].name, "Ambassador J\xC3\xB3zsef K\xC3\xA1rp\xC3\xA1ti");
  EXPECT_EQ(record.contributors()[0].role, "author");
  EXPECT_THAT(metadata_values(record, "Original Archive"),
              ElementsAre("Hungarian National Archives (MOL)"));
  EXPECT_THAT(metadata_values(record, "Associated Places"),
              ElementsAre("Korea (North); Moscow (Russia); China"));
  EXPECT_THAT(metadata_values(record, "Original Classification"), ElementsAre("Top Secret"));
}

TEST(ArchiveRecordCorpusLabels, FedorenkoRecordIdAndUploadedDate) {
  const auto record =
      ingest_file(corpus("record-1956-10-05-fedorenko-ri-sang-jo-conversation.txt"));
  EXPECT_THAT(metadata_values(record, "original_uploaded_date"), ElementsAre("2011-11-08"));
  EXPECT_THAT(metadata_values(record, "record_id"), ElementsAre("900102"));
}

TEST(ArchiveRecordCorpusProbe, RecordPagesAreClaimedAndListingsAndArticlesAreNot) {
  auto plugin = ingester();
  for (const auto& facts : kCorpus) {
    EXPECT_GE(plugin.probe(read_file(corpus(facts.file))), 80) << facts.file;
  }
  for (const char* other : {"listing-search-results.txt", "listing-bulleted.txt"}) {
    EXPECT_LE(plugin.probe(read_file(corpus(other))), 5) << other;
  }
  EXPECT_LT(plugin.probe(read_file(corpus("article-damaged.txt"))), 20);
}

TEST(ArchiveRecordCorpusProbe, ListingsAreRefusedIfForcedOnThePlugin) {
  auto plugin = ingester();
  const auto result = plugin.try_ingest(read_file(corpus("listing-search-results.txt")));
  EXPECT_EQ(result.status, OPIS_INVALID_INPUT);
  EXPECT_THAT(result.message, HasSubstr("not a record page"));
}

}  // namespace
