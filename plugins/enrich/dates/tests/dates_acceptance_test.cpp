// enrich/dates over real documents: the development seeds (skipped when
// ../shared/seeds is absent) and the project's example corpus.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dates_test_support.hpp"

namespace {

using opis::dates::test::warnings_of;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using Pair = std::pair<std::string, std::string>;

std::vector<Pair> pairs_of(const opis::v1::Record& record) {
  std::vector<Pair> out;
  for (const auto& d : record.dates()) out.emplace_back(d.surface(), d.edtf());
  return out;
}

// The date line of a record page: the first non-blank line after "Skip to content".
std::string date_line(const std::string& page) {
  size_t pos = 0;
  bool skipped = false;
  while (pos < page.size()) {
    const size_t end = std::min(page.find('\n', pos), page.size());
    const std::string line = page.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (!skipped && line == "Skip to content") {
      skipped = true;
      continue;
    }
    return line;
  }
  return {};
}

opis::v1::Record enrich_page(const std::filesystem::path& file) {
  const std::string page = opis::test::read_file(file);
  return opis::dates::test::enrich(page, date_line(page));
}

// Every mention's surface is exactly the text at its offsets.
void expect_offsets_match(const opis::v1::Record& record) {
  for (const auto& d : record.dates()) {
    ASSERT_LE(d.end(), record.text().size());
    EXPECT_EQ(record.text().substr(d.begin(), d.end() - d.begin()), d.surface());
  }
}

std::filesystem::path corpus(const std::string& name) {
  return opis::test::source_dir() / "examples/corpus" / name;
}

TEST(DatesAcceptance, Seed000RecordPage) {
  const auto seeds = opis::test::seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "no ../shared/seeds";
  const auto record = enrich_page(seeds / "000_7b0f58b745e042a5.txt");
  EXPECT_EQ(record.date().edtf(), "1962-01-03");
  const auto found = pairs_of(record);
  EXPECT_THAT(found, Contains(Pair{"27 November till 1 December 1961", "1961-11-27/1961-12-01"}));
  EXPECT_THAT(found, Contains(Pair{"17-31 October 1961", "1961-10-17/1961-10-31"}));
  EXPECT_THAT(found, Contains(Pair{"November-December 1960", "1960-11/1960-12"}));
  expect_offsets_match(record);
}

TEST(DatesAcceptance, SeedsGiveOnlyPlausibleDates) {
  const auto seeds = opis::test::seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "no ../shared/seeds";
  for (const char* name :
       {"002_34c222c907d19a4a.txt", "003_4586cb435a2fc35a.txt", "004_6b099c9bf1af78cb.txt"}) {
    SCOPED_TRACE(name);
    const auto record = opis::dates::test::enrich(opis::test::read_file(seeds / name));
    expect_offsets_match(record);
    for (const auto& d : record.dates()) {
      EXPECT_GE(d.edtf().substr(0, 4), "1900") << d.surface();
      EXPECT_LE(d.edtf().substr(0, 4), "2030") << d.surface();
    }
  }
  const auto listing =
      opis::dates::test::enrich(opis::test::read_file(seeds / "002_34c222c907d19a4a.txt"));
  EXPECT_THAT(pairs_of(listing), Contains(Pair{"January 3, 1962", "1962-01-03"}));
  const auto speech =
      opis::dates::test::enrich(opis::test::read_file(seeds / "004_6b099c9bf1af78cb.txt"));
  for (const auto& d : speech.dates()) EXPECT_NE(d.edtf(), "5446") << d.surface();
}

TEST(DatesAcceptance, BulgarianEmbassyReport) {
  const auto record = enrich_page(corpus("record-1962-02-12-bulgarian-embassy-report.txt"));
  EXPECT_EQ(record.date().edtf(), "1962-02-12");
  const auto found = pairs_of(record);
  EXPECT_THAT(found, Contains(Pair{"20.II.1962", "1962-02-20"}));
  EXPECT_THAT(found, Contains(Pair{"17-31 October 1961", "1961-10-17/1961-10-31"}));
  EXPECT_THAT(found, Contains(Pair{"3 January 1962", "1962-01-03"}));
  EXPECT_THAT(found, Contains(Pair{"3.1.1962", "1962-01-03"}));
  EXPECT_THAT(found, Contains(Pair{"January 3, 1962", "1962-01-03"}));
  EXPECT_THAT(found, Contains(Pair{"27 November till 1 December 1961", "1961-11-27/1961-12-01"}));
  EXPECT_THAT(found, Contains(Pair{"November-December 1960", "1960-11/1960-12"}));
  EXPECT_THAT(found, Contains(Pair{"September 1961", "1961-09"}));
  EXPECT_THAT(found, Contains(Pair{"3 January", "1962-01-03"}));
  // "Fond 1-B, Opis 33, A.E. 1590, p. 4-9" holds no date.
  for (const auto& [surface, edtf] : found) EXPECT_THAT(surface, Not(HasSubstr("1590")));
  expect_offsets_match(record);
}

TEST(DatesAcceptance, HungarianReportReadsMisspelledJune) {
  const auto record = enrich_page(corpus("record-1969-06-20-hungarian-embassy-report.txt"));
  EXPECT_EQ(record.date().edtf(), "1969-06-20");
  const auto found = pairs_of(record);
  EXPECT_THAT(found, Contains(Pair{"9 Junes 1969", "1969-06-09"}));
  EXPECT_THAT(found, Contains(Pair{"5-17 June 1969", "1969-06-05/1969-06-17"}));
  EXPECT_THAT(found, Contains(Pair{"March 1969", "1969-03"}));
  EXPECT_THAT(found, Contains(Pair{"2", "1969-03-02"}));
  EXPECT_THAT(found, Contains(Pair{"15 March 1969", "1969-03-15"}));
  EXPECT_THAT(warnings_of(record), HasSubstr("9 Junes 1969"));
  // The file number "001147/2/1969" is not a date.
  for (const auto& [surface, edtf] : found) EXPECT_THAT(surface, Not(HasSubstr("/")));
  expect_offsets_match(record);
}

TEST(DatesAcceptance, MikoyanTelegramRelativeDates) {
  const auto page = opis::test::read_file(corpus("record-1957-03-14-mikoyan-telegram.txt"));
  auto plugin = opis::test::PluginHarness::builtin("enrich", "dates");
  auto record = opis::test::make_record(page);
  record->message().mutable_date()->set_surface("March 14, 1957");
  ASSERT_TRUE(plugin.enrich(*record).ok());
  EXPECT_EQ(record->message().date().edtf(), "1957-03-14");
  const auto found = pairs_of(record->message());
  EXPECT_THAT(found, Contains(Pair{"30 June of this year", "1957-06-30"}));
  EXPECT_THAT(found, Contains(Pair{"12 March", "1957-03-12"}));
  EXPECT_THAT(found, Contains(Pair{"1950-1953", "1950/1953"}));
  EXPECT_THAT(found, Contains(Pair{"summer of 1956", "1956-22"}));
  EXPECT_THAT(found, Contains(Pair{"December 1955", "1955-12"}));
  EXPECT_THAT(found, Contains(Pair{"18 March 1957", "1957-03-18"}));
  EXPECT_THAT(found, Contains(Pair{"1953", "1953"}));  // "until 1953"
  expect_offsets_match(record->message());
}

TEST(DatesAcceptance, WholeCorpusHasDocumentDatesAndConsistentOffsets) {
  for (const auto& entry :
       std::filesystem::directory_iterator(opis::test::source_dir() / "examples/corpus")) {
    const auto name = entry.path().filename().string();
    SCOPED_TRACE(name);
    const auto record = enrich_page(entry.path());
    expect_offsets_match(record);
    if (name.rfind("record-", 0) == 0) {
      // record-YYYY-MM-DD-...: the date line says the same.
      EXPECT_EQ(record.date().edtf(), name.substr(7, 10));
    }
  }
}

TEST(DatesAcceptance, FadeyevConversation) {
  const auto record = enrich_page(corpus("record-1965-02-16-fadeyev-conversation.txt"));
  const auto found = pairs_of(record);
  EXPECT_THAT(found, Contains(Pair{"October (1964)", "1964-10"}));
  EXPECT_THAT(found, Contains(Pair{"11-14 February 1965", "1965-02-11/1965-02-14"}));
  EXPECT_THAT(found, Contains(Pair{"27.II.1965", "1965-02-27"}));
  EXPECT_THAT(found, Contains(Pair{"1956", "1956"}));
}

}  // namespace
