// enrich/citations: spellings of the archival hierarchy, archive names,
// newspapers, raw parsing in place, duplicates, spans and config, through
// the real plugin binary run by the SDK's harness (opis/testing.hpp): this
// executable links neither the host nor protobuf.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <opis/testing.hpp>
#include <string>

#include "citations_test_support.hpp"
#include "temp_files.hpp"

namespace {

using citations_test::Citation;
using citations_test::describe;
using citations_test::enrich;
using citations_test::enrich_raw;
using citations_test::enrich_text;
using citations_test::Enriched;
using citations_test::find_delo;
using citations_test::Input;
using citations_test::json_string;
using opis::test_files::TempDir;
using opis::testing::Failure;
using opis::testing::Harness;
using opis::testing::Record;
using ::testing::HasSubstr;

// The one citation of a record, failing the test when there is not exactly one.
Citation only(const Enriched& record) {
  EXPECT_EQ(record.citations.size(), 1u) << describe(record);
  return record.citations.size() > 0 ? record.citations[0] : Citation();
}

void expect_hierarchy(const Citation& c, const std::string& fond, const std::string& opis,
                      const std::string& delo, const std::string& pages) {
  EXPECT_EQ(c.kind, "archival");
  EXPECT_EQ(c.fond, fond);
  EXPECT_EQ(c.opis, opis);
  EXPECT_EQ(c.delo, delo);
  EXPECT_EQ(c.pages, pages);
}

std::string start_error(const std::string& config) {
  try {
    Harness plugin(OPIS_PLUGIN_FILE, config);
  } catch (const Failure& e) {
    return e.what();
  }
  return {};
}

// ------------------------------------------------------------ spellings

TEST(Citations, FullWordsWithListy) {
  const auto c = only(enrich_text("See RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85."));
  expect_hierarchy(c, "5", "28", "410", "73-85");
  EXPECT_EQ(c.archive, "RGANI");
  EXPECT_EQ(c.archive_name, "Russian State Archive of Contemporary History");
  EXPECT_EQ(c.raw, "RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85");
}

// The scanner passes over text in blocks of 16 or 32 bytes: a reference is
// found wherever it falls against them, at the very start and at the end.
TEST(Citations, FoundAtEveryOffsetFromTheBlocks) {
  for (size_t pad = 0; pad < 70; ++pad) {
    SCOPED_TRACE(pad);
    const auto archival = only(enrich_text(std::string(pad, ' ') + "f. 5, op. 28, d. 410"));
    expect_hierarchy(archival, "5", "28", "410", "");
    EXPECT_EQ(archival.begin, pad);
    const auto paper = only(enrich_text(std::string(pad, ' ') + "Pravda, 12 March 1957"));
    EXPECT_EQ(paper.publication, "Pravda");
    EXPECT_EQ(paper.begin, pad);
  }
}

TEST(Citations, ShortFormWithoutSpaces) {
  const auto c = only(enrich_text("As reported (RGANI, f.5, op.28, d.410, ll.73-85)."));
  expect_hierarchy(c, "5", "28", "410", "73-85");
  EXPECT_EQ(c.archive, "RGANI");
}

TEST(Citations, ShortFormWithSpacesAndLeadingZeros) {
  const auto c = only(enrich_text("AVPRF, f. 0102, op. 12, d. 6, ll. 45-51. Translated by X."));
  expect_hierarchy(c, "0102", "12", "6", "45-51");
  EXPECT_EQ(c.archive_name, "Archive of Foreign Policy of the Russian Federation");
}

TEST(Citations, ElementsWithoutCommas) {
  const auto c = only(enrich_text("GARF Fond 5 Opis 28 Delo 410 List 7"));
  expect_hierarchy(c, "5", "28", "410", "7");
  EXPECT_EQ(c.archive, "GARF");
}

TEST(Citations, LowercaseWordsAndOpisWithApostrophe) {
  expect_hierarchy(only(enrich_text("RGASPI, fond 17, opis' 3, delo 1000, list 5.")), "17", "3",
                   "1000", "5");
  expect_hierarchy(only(enrich_text("RGASPI, fond 17, opis’ 3, delo 9, listy 1-2.")), "17", "3",
                   "9", "1-2");
}

TEST(Citations, CapitalAbbreviations) {
  expect_hierarchy(only(enrich_text("GARF, F. R-9401, Op. 2, D. 65, Ll. 1-5.")), "R-9401", "2",
                   "65", "1-5");
  expect_hierarchy(only(enrich_text("TsAMO, F. 32, Op. 11289, D. 61, L. 3.")), "32", "11289", "61",
                   "3");
}

TEST(Citations, ValuesKeptAsWrittenWithoutTrailingPunctuation) {
  const auto c = only(enrich_text("RGANI, Fond 1-B, Opis 28s, Delo 0102, ll. 73ob.-85."));
  expect_hierarchy(c, "1-B", "28s", "0102", "73ob.-85");
}

TEST(Citations, SpacingAroundCommasIsTolerated) {
  const auto c = only(enrich_text("80. RGANI, Fond 5, Opis 28 ,Delo 486,Listy 46."));
  expect_hierarchy(c, "5", "28", "486", "46");
  EXPECT_EQ(c.archive, "RGANI");
}

TEST(Citations, PeriodBetweenElements) {
  expect_hierarchy(only(enrich_text("RGANI, Fond 5, Opis 28, Delo 486. l. 28-34. Kim Il")), "5",
                   "28", "486", "28-34");
}

TEST(Citations, SheetListKeepsSeveralNumbers) {
  expect_hierarchy(only(enrich_text("RGANI, Fond 5, Opis 28, Delo 412, l. 72, 74. ")), "5", "28",
                   "412", "72, 74");
}

TEST(Citations, SheetListStopsBeforeADate) {
  expect_hierarchy(only(enrich_text("RGANI, Fond 5, Opis 28, Delo 412, l. 130, 17 March 1956.")),
                   "5", "28", "412", "130");
}

TEST(Citations, PagesWithPAndPp) {
  expect_hierarchy(only(enrich_text("GARF, Fond 1, Opis 2, Delo 3, p. 1-3.")), "1", "2", "3",
                   "1-3");
  expect_hierarchy(only(enrich_text("GARF, Fond 1, Opis 2, Delo 3, pp. 4-9.")), "1", "2", "3",
                   "4-9");
}

TEST(Citations, EnDashRangeKept) {
  expect_hierarchy(only(enrich_text("GARF, Fond 1, Opis 2, Delo 3, Listy 4–9.")), "1", "2", "3",
                   "4–9");
}

TEST(Citations, BulgarianArchivalUnitGoesIntoDelo) {
  const auto c =
      only(enrich_text("Central State Archive, Sofia, Fond 1-B, Opis 33, A.E. 1590, p. 4-9."));
  expect_hierarchy(c, "1-B", "33", "1590", "4-9");
  EXPECT_EQ(c.archive, "Central State Archive, Sofia");
  EXPECT_EQ(c.archive_name, "Central State Archive (Sofia)");
}

TEST(Citations, PapkaAndRolikStayOnlyInRaw) {
  const auto c = only(enrich_text("AMVnR, Opis 14p, A.E. 423, Papka 25, p. 1-5."));
  EXPECT_EQ(c.archive, "AMVnR");
  expect_hierarchy(c, "", "14p", "423", "1-5");
  EXPECT_EQ(c.raw, "AMVnR, Opis 14p, A.E. 423, Papka 25, p. 1-5");
  const auto reel = only(enrich_text("RGANI, Fond 89, Opis 1, Delo 2, Rolik 1."));
  expect_hierarchy(reel, "89", "1", "2", "");
  EXPECT_EQ(reel.raw, "RGANI, Fond 89, Opis 1, Delo 2, Rolik 1");
}

TEST(Citations, UkrainianSpravaGoesIntoDelo) {
  expect_hierarchy(only(enrich_text("TsDAHO, f. 1, op. 16, spr. 52, ark. 3")), "1", "16", "52", "");
}

TEST(Citations, CitationWrappedOverLines) {
  const auto c = only(enrich_text("1956, RGANI, Fond 5, Opis 28, Delo 412, \nl.129-130. Kim"));
  expect_hierarchy(c, "5", "28", "412", "129-130");
  EXPECT_EQ(c.raw, "RGANI, Fond 5, Opis 28, Delo 412, l.129-130");
}

// ------------------------------------------------------------ archives

TEST(Citations, UnknownArchiveKeepsWrittenNameWithoutFullName) {
  const auto c = only(enrich_text("Party Archive of Ulaanbaatar, Fond 4, Opis 1, Delo 7, l. 2."));
  EXPECT_EQ(c.archive, "Party Archive of Ulaanbaatar");
  EXPECT_EQ(c.archive_name, "");
  expect_hierarchy(c, "4", "1", "7", "2");
}

TEST(Citations, FormerArchiveNameIsKnown) {
  const auto c = only(enrich_text("TsKhSD, f. 5, op. 30, d. 3, l. 4."));
  EXPECT_THAT(c.archive_name, HasSubstr("former name of RGANI"));
}

TEST(Citations, HereafterFormResolvesToTheAcronym) {
  const auto c = only(enrich_text(
      "[Source: Russian State Archive of Contemporary History \n(hereafter RGANI), Fond 5, Opis "
      "28, Delo 410, Listy 73-85. \nObtained by X.]"));
  EXPECT_EQ(c.archive, "Russian State Archive of Contemporary History (hereafter RGANI)");
  EXPECT_EQ(c.archive_name, "Russian State Archive of Contemporary History");
}

TEST(Citations, EndnoteTitleIsNotPartOfTheArchive) {
  const auto c = only(enrich_text(
      "13. Record of the Talks with Gim Sunghwa (Minister of Con-\nstruction) on 3 March 1956, "
      "RGANI, Fond 5, Opis 28, Delo 412, \nl.129-130. Kim Il Sung persuaded her"));
  EXPECT_EQ(c.archive, "RGANI");
  EXPECT_EQ(c.raw, "RGANI, Fond 5, Opis 28, Delo 412, l.129-130");
}

TEST(Citations, KnownAcronymAtTheEndOfAPhrase) {
  const auto c = only(enrich_text("as the files in GARF f. 5446, op. 98, d. 721 show"));
  EXPECT_EQ(c.archive, "GARF");
  expect_hierarchy(c, "5446", "98", "721", "");
}

TEST(Citations, DateBeforeTheHierarchyIsNotAnArchive) {
  const auto c = only(enrich_text("Diary, 12 March 1956, Fond 5, Opis 28, Delo 412."));
  EXPECT_EQ(c.archive, "");
  expect_hierarchy(c, "5", "28", "412", "");
}

TEST(Citations, ChainWithoutFondOrArchiveIsIgnored) {
  EXPECT_EQ(enrich_text("the documents do not include any records \n Opis 28, Delo 410, l.79.")
                .citations.size(),
            0u);
}

TEST(Citations, ProseWithHierarchyWordsIsNotACitation) {
  const auto record = enrich_text(
      "See p. 5 and fond memories. The delo was lost; op. cit. Fond of Opis 3 was he. "
      "D. 1956, l. 4, F. Scott. Pravda printed it.");
  EXPECT_EQ(record.citations.size(), 0u) << describe(record);
}

// ------------------------------------------------------------ raw citations

TEST(Citations, RawParsedInPlaceKeepingItsSpan) {
  auto record = Record::with_text("");
  opis::sdk::Citation raw;
  raw.raw = "GARF, Fond 5446, Opis 98, Delo 721, Listy 69-103. Translated by Gary Goldberg.";
  raw.begin = 3;
  raw.end = 9;
  record.add(raw);
  Harness plugin(OPIS_PLUGIN_FILE);
  ASSERT_NO_THROW(plugin.enrich(record));
  const auto c = only(citations_test::collect(record));
  expect_hierarchy(c, "5446", "98", "721", "69-103");
  EXPECT_EQ(c.archive, "GARF");
  EXPECT_EQ(c.raw,
            "GARF, Fond 5446, Opis 98, Delo 721, Listy 69-103. Translated by Gary Goldberg.");
  EXPECT_EQ(c.begin, 3u);
  EXPECT_EQ(c.end, 9u);
}

TEST(Citations, RawBulgarianCitation) {
  const auto c =
      only(enrich_raw("Central State Archive, Sofia, Fond 1-B, Opis 91, A.E. 378, "
                      "p. 1-3"));
  EXPECT_EQ(c.archive, "Central State Archive, Sofia");
  expect_hierarchy(c, "1-B", "91", "378", "1-3");
}

TEST(Citations, RawNewspaperWithDayMonthYear) {
  const auto c = only(enrich_raw("Rodong Sinmun, 19 April 1964. Translated by Hye-jin Lowell."));
  EXPECT_EQ(c.kind, "newspaper");
  EXPECT_EQ(c.publication, "Rodong Sinmun");
  EXPECT_EQ(c.date, "1964-04-19");
  EXPECT_EQ(c.archive, "");
  EXPECT_EQ(c.fond, "");
}

TEST(Citations, NewspaperWithPage) {
  const auto c = only(enrich_raw("Pravda, 12 March 1957, p. 3"));
  EXPECT_EQ(c.publication, "Pravda");
  EXPECT_EQ(c.date, "1957-03-12");
  EXPECT_EQ(c.pages, "3");
}

TEST(Citations, NewspaperDateInParentheses) {
  const auto c = only(enrich_raw("Nodong Sinmun (19 April 1964)"));
  EXPECT_EQ(c.kind, "newspaper");
  EXPECT_EQ(c.publication, "Nodong Sinmun");
  EXPECT_EQ(c.date, "1964-04-19");
}

TEST(Citations, NewspaperDateShapes) {
  EXPECT_EQ(only(enrich_raw("Izvestiya, April 19, 1964")).date, "1964-04-19");
  EXPECT_EQ(only(enrich_raw("Neues Deutschland, 12.03.1957")).date, "1957-03-12");
  EXPECT_EQ(only(enrich_raw("Trybuna Ludu, 12.III.1957")).date, "1957-03-12");
  EXPECT_EQ(only(enrich_raw("Renmin Ribao, Sept. 3, 1963")).date, "1963-09-03");
  EXPECT_EQ(only(enrich_raw("Rabotnichesko Delo, March 1957")).date, "1957-03");
  EXPECT_EQ(only(enrich_raw("Népszabadság, 1957-03-12")).date, "1957-03-12");
}

TEST(Citations, NewspaperWithImpossibleDateHasNoDate) {
  const auto c = only(enrich_raw("Pravda, 31 February 1957"));
  EXPECT_EQ(c.kind, "newspaper");
  EXPECT_EQ(c.date, "");
}

TEST(Citations, NewspaperFoundInText) {
  const std::string text = "As Rodong Sinmun (19 April 1964) put it, the people rose.";
  const auto c = only(enrich_text(text));
  EXPECT_EQ(c.kind, "newspaper");
  EXPECT_EQ(c.date, "1964-04-19");
  EXPECT_EQ(text.substr(c.begin, c.end - c.begin), "Rodong Sinmun (19 April 1964)");
}

TEST(Citations, NewspaperInCurlyQuotesFoundInText) {
  const std::string text = "He cited “Pravda, 12 March 1957, p. 3” twice.";
  const auto c = only(enrich_text(text));
  EXPECT_EQ(c.publication, "Pravda");
  EXPECT_EQ(c.pages, "3");
  EXPECT_EQ(text.substr(c.begin, c.end - c.begin), "Pravda, 12 March 1957, p. 3");
}

TEST(Citations, TitleInsideALongerWordIsNoCitation) {
  EXPECT_EQ(enrich_text("ДPravda, 12 March 1957 and XPravda, 12 March 1957").citations.size(), 0u);
}

TEST(Citations, NewspaperNameWithoutDateInTextIsNoCitation) {
  EXPECT_EQ(enrich_text("Rodong Sinmun printed the report of Comrade Khrushchev.").citations.size(),
            0u);
}

TEST(Citations, UnrecognisedRawIsOther) {
  const auto c = only(enrich_raw("Library of Congress, DK949.32 K6 Korea Cage."));
  EXPECT_EQ(c.kind, "other");
  EXPECT_EQ(c.raw, "Library of Congress, DK949.32 K6 Korea Cage.");
  EXPECT_EQ(c.archive, "");
  EXPECT_EQ(c.publication, "");
}

TEST(Citations, HungarianReferenceIsArchivalWithoutHierarchy) {
  const auto c =
      only(enrich_raw("Hungarian National Archives (MOL), XIX-J-1-j Korea, 1969, "
                      "62. doboz, 5, 001147/2/1969. Translated by Ágnes Veres."));
  EXPECT_EQ(c.kind, "archival");
  EXPECT_EQ(c.archive, "Hungarian National Archives (MOL)");
  EXPECT_EQ(c.archive_name, "Hungarian National Archives");
  EXPECT_EQ(c.fond, "");
  EXPECT_EQ(c.opis, "");
  EXPECT_EQ(c.delo, "");
}

// ------------------------------------------------------------ user lists

TEST(Citations, UserArchivesFileAddsAndOverrides) {
  TempDir dir;
  const auto file = dir.write("archives.tsv",
                              "# mine\nMfAA\tArchive of the GDR Foreign Ministry\tMfAA-Archiv\n"
                              "RGANI\tCentral Committee archive (user)\n");
  const auto record = enrich({"MfAA-Archiv, Fond 1, Opis 2, Delo 3. RGANI, Fond 5, Opis 6, Delo 7.",
                              {},
                              {},
                              R"({"archives_files": [)" + json_string(file.string()) + "]}"});
  ASSERT_EQ(record.citations.size(), 2u) << describe(record);
  EXPECT_EQ(record.citations[0].archive_name, "Archive of the GDR Foreign Ministry");
  EXPECT_EQ(record.citations[1].archive_name, "Central Committee archive (user)");
}

TEST(Citations, UserNewspapersFileAddsTitles) {
  TempDir dir;
  const auto file = dir.write("papers.tsv", "Pyongyang Times\tThe Pyongyang Times\n");
  const auto c = only(enrich({"",
                              {"The Pyongyang Times, 2 May 1970"},
                              {},
                              R"({"newspapers_files": [)" + json_string(file.string()) + "]}"}));
  EXPECT_EQ(c.kind, "newspaper");
  EXPECT_EQ(c.publication, "Pyongyang Times");
  EXPECT_EQ(c.date, "1970-05-02");
}

TEST(Citations, UnreadableArchivesFileRefusesToStart) {
  EXPECT_THAT(start_error(R"({"archives_files": ["/nonexistent/archives.tsv"]})"),
              HasSubstr("/nonexistent/archives.tsv"));
}

TEST(Citations, ArchivesFileWithoutFullNameNamesTheLine) {
  TempDir dir;
  const auto file = dir.write("bad.tsv", "GARF\tState Archive\nLONELY\n");
  EXPECT_THAT(start_error(R"({"archives_files": [)" + json_string(file.string()) + "]}"),
              HasSubstr("bad.tsv:2"));
}

TEST(Citations, UnknownConfigKeyIsRefused) {
  EXPECT_FALSE(start_error(R"({"archive_file": "x"})").empty());
}

// ------------------------------------------------------------ duplicates

TEST(Citations, CitationAlreadyPresentIsNotAddedAgain) {
  const auto record = enrich({"Text.\n\nRGANI, Fond 5, Opis 28, Delo 410, Listy 73-85. Obtained.",
                              {"RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85"},
                              {}});
  EXPECT_EQ(record.citations.size(), 1u) << describe(record);
}

TEST(Citations, SameCitationUnderAnotherNameOfTheArchiveIsADuplicate) {
  const auto record = enrich_text(
      "Russian State Archive of Contemporary History, Fond 5, Opis 28, Delo 410, Listy 73-85; "
      "and again RGANI, f. 5, op. 28, d. 410, ll. 73-85.");
  EXPECT_EQ(record.citations.size(), 1u) << describe(record);
}

TEST(Citations, OtherPagesOfTheSameDeloAreAnotherCitation) {
  const auto record = enrich_text(
      "RGANI, Fond 5, Opis 28, Delo 410, l. 3. RGANI, Fond 5, Opis 28, Delo 410, l. 4.");
  EXPECT_EQ(record.citations.size(), 2u) << describe(record);
}

TEST(Citations, RunningTwiceAddsNothing) {
  auto record = Record::with_text("RGANI, Fond 5, Opis 28, Delo 410, l. 3. Pravda, 1.2.1960");
  Harness plugin(OPIS_PLUGIN_FILE);
  ASSERT_NO_THROW(plugin.enrich(record));
  const std::string first = describe(citations_test::collect(record));
  ASSERT_NO_THROW(plugin.enrich(record));
  EXPECT_EQ(describe(citations_test::collect(record)), first);
  EXPECT_EQ(record.citations().size(), 2u);
}

// ------------------------------------------------------------ spans, footnotes

TEST(Citations, SpansAreByteOffsetsInMultiByteText) {
  const std::string text =
      "Документ — “Quoted”, see RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85 "
      "and ‘AVPRF, f. 0102, op. 12, d. 6, ll. 45-51’.";
  const auto record = enrich_text(text);
  ASSERT_EQ(record.citations.size(), 2u) << describe(record);
  for (const auto& c : record.citations) {
    EXPECT_EQ(text.substr(c.begin, c.end - c.begin), c.raw);
  }
  EXPECT_EQ(record.citations[0].raw, "RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85");
  EXPECT_EQ(record.citations[0].begin, text.find("RGANI"));
  EXPECT_EQ(record.citations[1].raw, "AVPRF, f. 0102, op. 12, d. 6, ll. 45-51");
}

TEST(Citations, FootnoteCitationsHaveNoSpanAndOnlyTheCitationAsRaw) {
  const auto record =
      enrich({"Body text.",
              {},
              {"13. Record of the Talks with Gim Sunghwa, RGANI, Fond 5, Opis 28, Delo 412, "
               "l.129-130.",
               "[Source: RGANI, Fond 5, Opis 28, Delo 412, Listy 129-131.]"}});
  ASSERT_EQ(record.citations.size(), 2u) << describe(record);
  EXPECT_EQ(record.citations[0].raw, "RGANI, Fond 5, Opis 28, Delo 412, l.129-130");
  EXPECT_EQ(record.citations[1].raw, "RGANI, Fond 5, Opis 28, Delo 412, Listy 129-131");
  for (const auto& c : record.citations) {
    EXPECT_EQ(c.kind, "archival");
    EXPECT_EQ(c.begin, 0u);
    EXPECT_EQ(c.end, 0u);
  }
}

TEST(Citations, ScanSwitchesTurnSearchesOff) {
  const auto record = enrich({"RGANI, Fond 5, Opis 28, Delo 410.",
                              {},
                              {"GARF, Fond 1, Opis 2, Delo 3."},
                              R"({"scan_text": false, "scan_footnotes": false})"});
  EXPECT_EQ(record.citations.size(), 0u);
}

// ------------------------------------------------------------ hostile input

TEST(Citations, TruncatedAndDegenerateInputDoesNotFail) {
  for (const std::string& text :
       {std::string(), std::string("Fond"), std::string("RGANI, Fond 5, Opis"),
        std::string(", , , Fond 5,"), std::string("f. f. f. op. op. d."), std::string(100000, ','),
        std::string(100000, '('), std::string(200000, '1'),
        std::string("Fond ") + std::string(50000, '5'), std::string("Pravda, 1"),
        std::string("Pravda (")}) {
    const auto record = enrich_text(text);
    EXPECT_LE(record.citations.size(), 1u) << text.substr(0, 40);
  }
}

TEST(Citations, LongRunOfCitationsIsFoundInLinearPasses) {
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text += "RGANI, Fond 5, Opis 28, Delo " + std::to_string(i) + ", l. 1. ";
  }
  EXPECT_EQ(enrich_text(text).citations.size(), 2000u);
}

}  // namespace
