// enrich/citations over the real seed documents and the example corpus,
// each run as one record whose text is the whole file, through the SDK's
// harness (opis/testing.hpp) with neither the host nor protobuf linked.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "citations_test_support.hpp"
#include "temp_files.hpp"

namespace {

using citations_test::describe;
using citations_test::enrich;
using citations_test::enrich_raw;
using citations_test::enrich_text;
using citations_test::Enriched;
using citations_test::find_delo;

std::string seed(const std::string& name) {
  const auto dir = citations_test::seeds_dir();
  return dir.empty() ? std::string() : opis::test_files::read_file(dir / name);
}

std::string corpus(const std::string& name) {
  return opis::test_files::read_file(citations_test::source_dir() / "examples" / "corpus" / name);
}

// The line of `text` that contains `needle`.
std::string line_with(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  if (at == std::string::npos) return {};
  const size_t begin = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
  return text.substr(begin, text.find('\n', at) - begin);
}

struct Expected {
  std::string archive, fond, opis, delo, pages;
};

void expect_found(const Enriched& record, const Expected& e) {
  const auto* c = find_delo(record, e.delo, e.pages);
  ASSERT_NE(c, nullptr) << "delo " << e.delo << " pages " << e.pages << "\n" << describe(record);
  EXPECT_EQ(c->kind, "archival");
  EXPECT_EQ(c->archive, e.archive);
  EXPECT_EQ(c->fond, e.fond);
  EXPECT_EQ(c->opis, e.opis);
  EXPECT_EQ(record.text.substr(c->begin, c->end - c->begin).substr(0, 5), c->raw.substr(0, 5));
}

TEST(CitationsSeeds, Seed000BulgarianCitationFromRawAndText) {
  const std::string text = seed("000_7b0f58b745e042a5.txt");
  if (text.empty()) GTEST_SKIP() << "seeds not available";
  const std::string raw = line_with(text, "Central State Archive, Sofia");
  const auto parsed = enrich_raw(raw);
  ASSERT_EQ(parsed.citations.size(), 1u);
  const auto& c = parsed.citations[0];
  EXPECT_EQ(c.archive, "Central State Archive, Sofia");
  EXPECT_EQ(c.archive_name, "Central State Archive (Sofia)");
  EXPECT_EQ(c.fond, "1-B");
  EXPECT_EQ(c.opis, "91");
  EXPECT_EQ(c.delo, "378");
  EXPECT_EQ(c.pages, "1-3");
  EXPECT_EQ(c.raw, raw);

  const auto found = enrich_text(text);
  EXPECT_EQ(found.citations.size(), 1u) << describe(found);
  expect_found(found, {"Central State Archive, Sofia", "1-B", "91", "378", "1-3"});
}

TEST(CitationsSeeds, Seed004GarfCitation) {
  const std::string text = seed("004_6b099c9bf1af78cb.txt");
  if (text.empty()) GTEST_SKIP() << "seeds not available";
  const auto record = enrich_text(text);
  EXPECT_EQ(record.citations.size(), 1u) << describe(record);
  expect_found(record, {"GARF", "5446", "98", "721", "69-103"});
  EXPECT_EQ(record.citations[0].archive_name, "State Archive of the Russian Federation");
}

TEST(CitationsSeeds, Seed003FindsTheUndamagedRganiEndnotes) {
  const std::string text = seed("003_4586cb435a2fc35a.txt");
  if (text.empty()) GTEST_SKIP() << "seeds not available";
  const auto record = enrich_text(text);
  // Endnotes and [Source: …] blocks that survived the font damage.
  expect_found(record, {"RGANI", "5", "28", "412", "129-130"});
  expect_found(record, {"RGANI", "5", "28", "411", "163"});
  expect_found(record, {"RGANI", "5", "28", "412", "72, 74"});
  expect_found(record, {"RGANI", "5", "28", "412", "303"});
  expect_found(record, {"RGANI", "5", "28", "486", "28-34"});
  expect_found(record, {"RGANI", "5", "28", "486", "46"});
  expect_found(record, {"RGANI", "5", "28", "409", "142"});
  expect_found(record, {"RGANI", "5", "28", "410", "22-25"});
  expect_found(record, {"RGANI", "5", "28", "410", "322-325"});
  expect_found(record, {"RGANI", "5", "28", "410", "298"});
  expect_found(record, {"RGANI", "5", "28", "486", "1-17"});
  expect_found(record, {"Russian State Archive of Contemporary History (hereafter RGANI)", "5",
                        "28", "410", "73-85"});
  // Every citation found has a head, and no two are the same.
  std::set<std::string> keys;
  for (const auto& c : record.citations) {
    EXPECT_EQ(c.kind, "archival");
    EXPECT_FALSE(c.fond.empty() && c.archive.empty()) << c.raw;
    EXPECT_TRUE(
        keys.insert(c.archive_name + "|" + c.fond + "|" + c.opis + "|" + c.delo + "|" + c.pages)
            .second)
        << c.raw;
  }
  // The "Opis 28, Delo 410, l.79" whose fond and archive fell on another page is left out.
  EXPECT_EQ(find_delo(record, "410", "79"), nullptr);
}

struct CorpusCase {
  std::string file;
  Expected expected;
};

class CitationsCorpusRecords : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(CitationsCorpusRecords, CitationFoundInTheRecordText) {
  const auto& param = GetParam();
  const auto record = enrich_text(corpus(param.file));
  EXPECT_EQ(record.citations.size(), 1u) << describe(record);
  expect_found(record, param.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, CitationsCorpusRecords,
    ::testing::Values(CorpusCase{"record-1952-02-09-pak-hon-yong-memorandum.txt",
                                 {"RGASPI", "17", "137", "947", "33-41"}},
                      CorpusCase{"record-1956-10-05-fedorenko-ri-sang-jo-conversation.txt",
                                 {"AVPRF", "0102", "12", "6", "45-51"}},
                      CorpusCase{"record-1957-03-14-mikoyan-telegram.txt",
                                 {"RGANI", "5", "28", "410", "73-85"}},
                      CorpusCase{"record-1960-06-18-kim-il-sung-speech-soviet-specialists.txt",
                                 {"GARF", "5446", "98", "721", "69-103"}},
                      CorpusCase{"record-1962-02-12-bulgarian-embassy-report.txt",
                                 {"Central State Archive, Sofia", "1-B", "33", "1590", "4-9"}},
                      CorpusCase{"record-1965-02-16-fadeyev-conversation.txt",
                                 {"RGANI", "5", "49", "757", "12-16"}}));

TEST(CitationsCorpus, RodongSinmunSourceIsANewspaperCitation) {
  const std::string text = corpus("record-1964-04-19-rodong-sinmun-editorial.txt");
  const auto record = enrich_text(text);
  ASSERT_EQ(record.citations.size(), 1u) << describe(record);
  const auto& c = record.citations[0];
  EXPECT_EQ(c.kind, "newspaper");
  EXPECT_EQ(c.publication, "Rodong Sinmun");
  EXPECT_EQ(c.date, "1964-04-19");
  EXPECT_EQ(text.substr(c.begin, c.end - c.begin), "Rodong Sinmun, 19 April 1964");

  const auto raw = enrich_raw(line_with(text, "Rodong Sinmun, 19 April"));
  ASSERT_EQ(raw.citations.size(), 1u);
  EXPECT_EQ(raw.citations[0].kind, "newspaper");
  EXPECT_EQ(raw.citations[0].date, "1964-04-19");
}

TEST(CitationsCorpus, HungarianSourceIsArchivalWithTheArchiveOnly) {
  const std::string text = corpus("record-1969-06-20-hungarian-embassy-report.txt");
  EXPECT_EQ(enrich_text(text).citations.size(), 0u);
  const auto record = enrich_raw(line_with(text, "Hungarian National Archives (MOL)"));
  ASSERT_EQ(record.citations.size(), 1u);
  const auto& c = record.citations[0];
  EXPECT_EQ(c.kind, "archival");
  EXPECT_EQ(c.archive, "Hungarian National Archives (MOL)");
  EXPECT_EQ(c.archive_name, "Hungarian National Archives");
  EXPECT_EQ(c.fond, "");
  EXPECT_EQ(c.delo, "");
}

TEST(CitationsCorpus, DamagedArticleEndnotesAndSource) {
  const auto record = enrich_text(corpus("article-damaged.txt"));
  EXPECT_EQ(record.citations.size(), 6u) << describe(record);
  expect_found(record, {"RGANI", "5", "28", "412", "129-131"});
  expect_found(record, {"RGANI", "5", "28", "410", "74"});
  expect_found(record, {"RGANI", "5", "28", "412", "129-130"});
  expect_found(record, {"RGANI", "5", "28", "410", "203-205"});
  expect_found(record, {"RGANI", "3", "14", "112", "8"});
  expect_found(record, {"RGANI", "5", "28", "486", "41"});
}

TEST(CitationsCorpus, ListingsHaveNoCitations) {
  EXPECT_EQ(enrich_text(corpus("listing-search-results.txt")).citations.size(), 0u);
  EXPECT_EQ(enrich_text(corpus("listing-bulleted.txt")).citations.size(), 0u);
}

}  // namespace
