// csv-catalogue: the CSV reader directly, and the built plugin through the
// SDK's harness (no opis host).
#include <gtest/gtest.h>

#include <fstream>
#include <opis/testing.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "csv_reader.hpp"

namespace {

using csv_catalogue::CsvError;
using csv_catalogue::read_csv;
using opis::testing::Failure;
using opis::testing::Harness;
using opis::testing::Record;

std::string sample() {
  std::ifstream in(SAMPLE_FILE, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string metadata(const Record& record, std::string_view name) {
  for (const auto& p : record.metadata()) {
    if (p.name == name) return std::string(p.value);
  }
  return {};
}

TEST(CsvReader, QuotedFieldsHoldDelimitersQuotesAndLineBreaks) {
  const auto rows = read_csv("a,b\r\n\"x, y\",\"say \"\"hi\"\"\nagain\"\n\nlast,\n", ',');
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"\nagain"}));
  EXPECT_EQ(rows[2].line, 5u);
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"last", ""}));
}

TEST(CsvReader, UnclosedQuoteNamesItsLine) {
  try {
    read_csv("a,b\n1,\"open\n2,3\n", ',');
    FAIL() << "accepted";
  } catch (const CsvError& e) {
    EXPECT_EQ(e.line(), 2u);
  }
}

TEST(CsvCatalogue, OneEntryPerRowOfTheSample) {
  Harness ingester(PLUGIN_FILE);
  const auto records = ingester.ingest(sample(), "catalogue.csv", "text/csv");
  ASSERT_EQ(records.size(), 4u);
  const Record& first = records[0];
  EXPECT_EQ(first.kind(), "catalogue_entry");
  EXPECT_EQ(first.title(), "Telegram on the food situation in the DPRK");
  EXPECT_EQ(first.date_surface(), "March 14, 1957");
  EXPECT_EQ(first.summary(), "Ambassador's telegram on grain deliveries, with the KWP's requests.");
  ASSERT_EQ(first.citations().size(), 1u);
  EXPECT_EQ(first.citations()[0].raw, "RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85");
  EXPECT_EQ(metadata(first, "Identifier"), "RGANI-5-28-410");
  EXPECT_EQ(metadata(first, "Extent"), "13 leaves");
  EXPECT_EQ(records[1].summary(),
            "Deputy Minister Fedorenko receives the ambassador; the \"August group\" is "
            "discussed.");
  EXPECT_EQ(records[2].summary(), "Report of the Bulgarian embassy;\ntwo pages of annexes.");
  EXPECT_TRUE(records[0].warnings().empty());
  ASSERT_EQ(records[3].warnings().size(), 1u);
  EXPECT_EQ(records[3].warnings()[0], "csv-catalogue: line 6: no Identifier");
  EXPECT_EQ(records[3].count(OPIS_LIST_CITATIONS), 0u);
}

TEST(CsvCatalogue, ColumnNamesAndDelimiterComeFromTheConfig) {
  Harness ingester(PLUGIN_FILE,
                   R"({"delimiter": ";", "columns": {"title": "Titel", "date": "Datum"}})");
  const auto records = ingester.ingest("Titel;Datum;Signatur\nBericht;1962;B 1/2\n", "k.csv");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].title(), "Bericht");
  EXPECT_EQ(records[0].date_surface(), "1962");
  EXPECT_EQ(metadata(records[0], "Signatur"), "B 1/2");
}

TEST(CsvCatalogue, ProbeIsConfidentOnlyWithTheTitleColumn) {
  Harness ingester(PLUGIN_FILE);
  EXPECT_EQ(ingester.probe("Identifier,Title\n1,x\n", "a.csv", "text/csv"), 90);
  EXPECT_EQ(ingester.probe("name,age\nx,1\n", "b.csv", "text/csv"), 10);
}

TEST(CsvCatalogue, ProblemsAreNamedWithTheirLine) {
  Harness ingester(PLUGIN_FILE);
  const auto refusal = [&](const std::string& csv) {
    try {
      ingester.ingest(csv, "bad.csv", "text/csv");
    } catch (const Failure& e) {
      EXPECT_EQ(e.status(), OPIS_INVALID_INPUT);
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refusal(""), "no header row: the document is empty");
  EXPECT_EQ(refusal("Name,Date\nx,1\n"),
            "no \"Title\" column in the header (columns: \"Name\", \"Date\")");
  EXPECT_EQ(refusal("Title,Date\n"), "a header row but no entries");
  EXPECT_EQ(refusal("Title,Date\nA,1\nB\n"), "line 3: 1 fields, the header has 2");
  EXPECT_EQ(refusal("Title\n\"open\n"), "malformed CSV at line 2: quoted field never closed");
}

TEST(CsvCatalogue, UnknownConfigKeyIsRefused) {
  EXPECT_THROW(Harness(PLUGIN_FILE, R"({"columns": {"author": "Author"}})"), Failure);
  EXPECT_THROW(Harness(PLUGIN_FILE, R"({"delimiter": "x"})"), Failure);
}

}  // namespace
