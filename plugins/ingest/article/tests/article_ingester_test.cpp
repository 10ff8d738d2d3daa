// ingest/article: each behaviour on small texts written for these tests, in
// the shape of journal PDF extractions, through the real plugin binary run by
// the SDK's harness (opis/testing.hpp): no host, no protobuf.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "article_test_support.hpp"

namespace {

using namespace opis::article::test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kTitle =
    " A Test of Titles: Wheat and Tea in the \nNorthern Provinces, 1951-1952\n\n";
const std::string kByline = "By Ann Example\n\n";
const std::string kBody =
    "Tea merchants met in the spring of 1951 to discuss the \n"
    "harvest.1 The minutes survive in two copies, one of \n"
    "them on page 212 of the ledger.2\n\n"
    "The second meeting, in 1952, went badly,3 and the \n"
    "merchants left early.\n\n";
const std::string kNotes =
    "NOTES\n\n"
    "1. Minutes of the first meeting, Test Archive, Fond 1, \n"
    "Opis 2, Delo 3, l.4.\n\n"
    "2. Ledger of the guild, 1951, p. 212.\n\n"
    "3. Minutes of the second meeting, Test Archive, Fond 1, Opis 2, Delo 4.\n";

std::string article(const std::string& body = kBody, const std::string& notes = kNotes) {
  return kTitle + kByline + body + notes;
}

Record only_article(const std::string& text) {
  const auto records = of_kind(ingest_all(text), "article");
  EXPECT_EQ(records.size(), 1u);
  return records.empty() ? Record() : records.front();
}

// ------------------------------------------------------------ articles

TEST(Articles, TitleIsTheHeadingLinesBeforeTheByline) {
  const auto record = only_article(article());
  EXPECT_EQ(record.kind(), "article");
  EXPECT_EQ(record.title(), "A Test of Titles: Wheat and Tea in the Northern Provinces, 1951-1952");
}

TEST(Articles, BylineIsKeptVerbatimInMetadataNotInContributors) {
  const auto record = only_article(article());
  EXPECT_THAT(metadata_values(record, "byline"), ElementsAre("By Ann Example"));
  EXPECT_EQ(record.contributors().size(), 0u);
  EXPECT_THAT(record.text(), Not(HasSubstr("By Ann Example")));
}

TEST(Articles, TextIsTheBodyUpToTheNotes) {
  const auto record = only_article(article());
  EXPECT_THAT(record.text(), StartsWith("Tea merchants met"));
  EXPECT_THAT(record.text(), HasSubstr("merchants left early."));
  EXPECT_THAT(record.text(), Not(HasSubstr("NOTES")));
  EXPECT_THAT(record.text(), Not(HasSubstr("Minutes of the first meeting")));
  EXPECT_THAT(record.text(), Not(HasSubstr(record.title())));
}

TEST(Articles, HardWrappedLinesAndTrailingSpacesAreKeptForRepair) {
  const auto record = only_article(article());
  EXPECT_THAT(record.text(), HasSubstr("to discuss the \nharvest.1 The"));
  EXPECT_THAT(record.text(), HasSubstr("ledger.2\n\nThe second"));
}

TEST(Articles, WithoutABylineThereIsNoTitle) {
  const auto record = only_article("Plain opening paragraph of an article.\n\nAnother one.\n");
  EXPECT_EQ(record.title(), "");
  EXPECT_THAT(metadata_values(record, "byline"), IsEmpty());
  EXPECT_EQ(record.text(), "Plain opening paragraph of an article.\n\nAnother one.");
}

TEST(Articles, BodyLineOpeningWithByIsNotAByline) {
  const auto record =
      only_article("Some opening text.\n\nBy their crude tyranny the rulers lost\nsupport.\n");
  EXPECT_EQ(record.title(), "");
  EXPECT_THAT(record.text(), HasSubstr("By their crude tyranny"));
}

TEST(Articles, SecondTitleAndBylineStartAnotherArticle) {
  const std::string text = article() +
                           "\nA Second Essay on Barley\n\nBy Bo Other and Cy Third\n\n"
                           "Barley grew well.\n";
  const auto records = of_kind(ingest_all(text), "article");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].title(), "A Second Essay on Barley");
  EXPECT_THAT(metadata_values(records[1], "byline"), ElementsAre("By Bo Other and Cy Third"));
  EXPECT_EQ(records[1].text(), "Barley grew well.");
  EXPECT_EQ(records[0].footnotes().size(), 3u);
}

TEST(Articles, ShortFrontMatterAboveTheFirstTitleIsLeftOutWithAWarning) {
  const auto record = only_article("Test Bulletin, Issue 3\n\n" + article());
  EXPECT_EQ(record.title(), "A Test of Titles: Wheat and Tea in the Northern Provinces, 1951-1952");
  EXPECT_THAT(record.text(), Not(HasSubstr("Test Bulletin")));
  ASSERT_EQ(record.warnings().size(), 1u);
  EXPECT_THAT(record.warnings()[0], HasSubstr("front matter"));
}

// ------------------------------------------------------------ markers

TEST(Markers, NumbersGluedToWordsOrPunctuationBecomeFootnoteRefs) {
  const auto record = only_article(article());
  const auto refs = annotations_of_type(record, "footnote_ref");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].value, "1");
  EXPECT_EQ(spanned(record, refs[0]), "1");
  EXPECT_EQ(record.text().substr(refs[0].begin - 8, 9), "harvest.1");
  EXPECT_EQ(record.text().substr(refs[2].begin - 6, 7), "badly,3");
}

TEST(Markers, YearsAndPageNumbersAreNotMarkers) {
  const auto record = only_article(article());
  for (const auto& ref : annotations_of_type(record, "footnote_ref")) {
    EXPECT_NE(record.text().substr(ref.begin - 1, 1), " ") << ref.value;
  }
  EXPECT_THAT(marker_values(record), ElementsAre("1", "2", "3"));
}

TEST(Markers, OnlyNumbersThatHaveANoteBecomeMarkers) {
  const auto record =
      only_article(article("First claim.1 Second claim.2 Third claim.3 A stray figure.7\n\n"));
  EXPECT_THAT(marker_values(record), ElementsAre("1", "2", "3"));
}

TEST(Markers, NumberOutOfSequenceIsDropped) {
  const auto record =
      only_article(article("First claim.1 See folio l.3 here. Second claim.2 Third claim.3\n\n"));
  const auto refs = annotations_of_type(record, "footnote_ref");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(record.text().substr(refs[2].begin - 6, 7), "claim.3");
}

TEST(Markers, NumberAfterADigitCountsOnlyWhenItContinuesTheNumbering) {
  const auto record =
      only_article(article("It began in 1956.1 It ended in 1957.3 Later.2 And later.3\n\n"));
  EXPECT_THAT(marker_values(record), ElementsAre("1", "2", "3"));
  const auto refs = annotations_of_type(record, "footnote_ref");
  EXPECT_EQ(record.text().substr(refs[0].begin - 5, 6), "1956.1");
  EXPECT_EQ(record.text().substr(refs[2].begin - 6, 7), "later.3");
}

TEST(Markers, MarkerAfterClosingQuoteIsFound) {
  const auto record =
      only_article(article("He called it \xE2\x80\x9C"
                           "a test.\xE2\x80\x9D"
                           "1 Then more.2 End.3\n\n"));
  EXPECT_THAT(marker_values(record), ElementsAre("1", "2", "3"));
}

TEST(Markers, DigitsInsideADamagedRunAreNotMarkers) {
  // "KWP." shifted by the damaged font is ".:3" followed by U+FFFD.
  const auto record = only_article(article(
      "The Congress of the\xEF\xBF\xBD.:3\xEF\xBF\xBD\xEF\xBF\xBD While.1 More.2 End.3\n\n"));
  const auto refs = annotations_of_type(record, "footnote_ref");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(record.text().substr(refs[0].begin - 6, 7), "While.1");
}

TEST(Markers, NoNotesMeansNoMarkers) {
  const auto record = only_article(kTitle + kByline + kBody);
  EXPECT_THAT(marker_values(record), IsEmpty());
  EXPECT_EQ(record.footnotes().size(), 0u);
}

// ------------------------------------------------------------ notes

TEST(Notes, EachNumberedNoteBecomesAFootnoteWithoutItsNumber) {
  const auto record = only_article(article());
  ASSERT_EQ(record.footnotes().size(), 3u);
  EXPECT_EQ(record.footnotes()[1].marker, "2");
  EXPECT_EQ(record.footnotes()[1].text, "Ledger of the guild, 1951, p. 212.");
}

TEST(Notes, WrappedLinesAreJoinedWithASpace) {
  const auto record = only_article(article());
  EXPECT_EQ(record.footnotes()[0].text,
            "Minutes of the first meeting, Test Archive, Fond 1, Opis 2, Delo 3, l.4.");
}

TEST(Notes, FootnoteSpansItsFirstMarker) {
  const auto record = only_article(article("One.1 Two.2 Again one.1 Three.3\n\n"));
  ASSERT_EQ(record.footnotes().size(), 3u);
  EXPECT_EQ(spanned(record, record.footnotes()[0]), "1");
  EXPECT_EQ(record.footnotes()[0].begin, 4u);  // "One." is 4 bytes
  EXPECT_EQ(spanned(record, record.footnotes()[2]), "3");
}

TEST(Notes, NoteWithoutAMarkerHasAnEmptySpan) {
  const auto record = only_article(article("One.1 Three.3\n\n"));
  ASSERT_EQ(record.footnotes().size(), 3u);
  EXPECT_EQ(record.footnotes()[1].begin, 0u);
  EXPECT_EQ(record.footnotes()[1].end, 0u);
}

TEST(Notes, LineBreakHyphenIsRejoinedOnlyWhenTheWordObviouslyContinues) {
  const auto record = only_article(
      article("One.1 Two.2 Three.3\n\n",
              "Endnotes\n\n1. Record of the talks with the minister of con-\nstruction.\n\n"
              "2. Letter of Kang Mi-\nryeong on the anti-\nparty group.\n\n"
              "3. Report on the Five-\nYear Plan.\n"));
  ASSERT_EQ(record.footnotes().size(), 3u);
  EXPECT_EQ(record.footnotes()[0].text, "Record of the talks with the minister of construction.");
  EXPECT_EQ(record.footnotes()[1].text, "Letter of Kang Mi-ryeong on the anti-party group.");
  EXPECT_EQ(record.footnotes()[2].text, "Report on the Five-Year Plan.");
}

TEST(Notes, AYearAtTheStartOfAWrappedLineDoesNotStartANote) {
  const auto record = only_article(article(
      "One.1 Two.2\n\n",
      "NOTES\n\n1. Extract from a protocol, 2 April \n1957. Archive.\n\n2. Diary, 1957.\n"));
  ASSERT_EQ(record.footnotes().size(), 2u);
  EXPECT_EQ(record.footnotes()[0].text, "Extract from a protocol, 2 April 1957. Archive.");
}

TEST(Notes, NoteBrokenByABlankLineMidSentenceContinues) {
  const auto record = only_article(article(
      "One.1 Two.2\n\n", "NOTES\n\n1. Report of the embassy for \n\n1956, page 4.\n\n2. Diary.\n"));
  ASSERT_EQ(record.footnotes().size(), 2u);
  EXPECT_EQ(record.footnotes()[0].text, "Report of the embassy for 1956, page 4.");
}

TEST(Notes, NotesHeadingWithoutNumberedNotesIsBodyText) {
  const auto record = only_article(kTitle + kByline + "Body.\n\nNotes\n\nOn the margins.\n");
  EXPECT_THAT(record.text(), HasSubstr("Notes\n\nOn the margins."));
  EXPECT_EQ(record.footnotes().size(), 0u);
}

TEST(Notes, LinesAfterTheListAreLeftOutWithAWarning) {
  const auto record = only_article(
      article(kBody, kNotes + "\nAnn Example teaches history.\nShe lives by the sea.\n"));
  EXPECT_EQ(record.footnotes().size(), 3u);
  ASSERT_EQ(record.warnings().size(), 1u);
  EXPECT_THAT(record.warnings()[0], HasSubstr("2 lines after the endnotes"));
}

// ------------------------------------------------------------ documents

const std::string kDocument =
    " DOCUMENT No. 1\n\n"
    "Record of a Test Conversation between the Minister and \n"
    "the Ambassador, 3 May 1951\n\n"
    "[Source: Test Archive, Fond 9, Opis 8, Delo 7, Listy 1-2. \n"
    "Obtained and translated by Ann Example.]\n\n"
    "The minister said that the harvest was poor.\n\n"
    "The ambassador promised help.\n\n";

TEST(Documents, DocumentSectionBecomesARecordAfterItsArticle) {
  const auto records = ingest_all(article(kBody + kDocument));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].kind(), "article");
  EXPECT_EQ(records[1].kind(), "document");
  EXPECT_EQ(records[1].title(),
            "Record of a Test Conversation between the Minister and the Ambassador, 3 May 1951");
}

TEST(Documents, ArticleTextExcludesTheDocument) {
  const auto record = only_article(article(kBody + kDocument));
  EXPECT_THAT(record.text(), Not(HasSubstr("DOCUMENT")));
  EXPECT_THAT(record.text(), Not(HasSubstr("harvest was poor")));
  EXPECT_EQ(record.footnotes().size(), 3u);
  EXPECT_THAT(marker_values(record), ElementsAre("1", "2", "3"));
}

TEST(Documents, SourceBlockGivesCitationAndAcquisition) {
  const auto document = of_kind(ingest_all(article(kBody + kDocument)), "document").at(0);
  EXPECT_THAT(citation_raws(document),
              ElementsAre("Test Archive, Fond 9, Opis 8, Delo 7, Listy 1-2"));
  EXPECT_THAT(metadata_values(document, "acquisition"),
              ElementsAre("Obtained and translated by Ann Example."));
}

TEST(Documents, TextIsTheSectionBodyWithoutHeadingTitleAndSource) {
  const auto document = of_kind(ingest_all(article(kBody + kDocument)), "document").at(0);
  EXPECT_EQ(document.text(),
            "The minister said that the harvest was poor.\n\nThe ambassador promised help.");
}

TEST(Documents, PartOfAndDocumentNumberAreMetadata) {
  const auto document = of_kind(ingest_all(article(kBody + kDocument)), "document").at(0);
  EXPECT_THAT(metadata_values(document, "part_of"),
              ElementsAre("A Test of Titles: Wheat and Tea in the Northern Provinces, 1951-1952"));
  EXPECT_THAT(metadata_values(document, "document_number"), ElementsAre("1"));
}

TEST(Documents, HeadingVariantsAllStartSections) {
  const std::string body =
      "Intro.\n\n"
      "Document No. 2\n\nA Title\n\nText two.\n\n"
      "DOCUMENT 3\n\nB Title\n\nText three.\n\n"
      "Document #4\n\nC Title\n\nText four.\n\n"
      "DOCUMENT No. 5\n\nD Title\n\nText five.\n";
  const auto documents = of_kind(ingest_all(kTitle + kByline + body), "document");
  ASSERT_EQ(documents.size(), 4u);
  EXPECT_THAT(metadata_values(documents[0], "document_number"), ElementsAre("2"));
  EXPECT_THAT(metadata_values(documents[1], "document_number"), ElementsAre("3"));
  EXPECT_THAT(metadata_values(documents[2], "document_number"), ElementsAre("4"));
  EXPECT_THAT(metadata_values(documents[3], "document_number"), ElementsAre("5"));
  EXPECT_EQ(documents[2].title(), "C Title");
  EXPECT_EQ(documents[2].text(), "Text four.");
}

TEST(Documents, ReferenceToADocumentInProseIsNotAHeading) {
  const auto records =
      ingest_all(kTitle + kByline + "Documents #4 and #10 are memoranda.\n\n[Document #6]\n");
  EXPECT_THAT(of_kind(records, "document"), IsEmpty());
}

TEST(Documents, SectionRunsUntilTheNotesHeading) {
  const auto records = ingest_all(article(kBody + kDocument));
  const auto document = of_kind(records, "document").at(0);
  EXPECT_THAT(document.text(), Not(HasSubstr("NOTES")));
  EXPECT_THAT(document.text(), Not(HasSubstr("Minutes")));
}

TEST(Documents, NotesBeforeDocumentsStillBelongToTheArticle) {
  const auto records = ingest_all(article(kBody, kNotes + "\n" + kDocument));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].footnotes().size(), 3u);
  EXPECT_EQ(records[0].footnotes()[2].text,
            "Minutes of the second meeting, Test Archive, Fond 1, Opis 2, Delo 4.");
  EXPECT_EQ(records[1].text(),
            "The minister said that the harvest was poor.\n\nThe ambassador promised help.");
}

TEST(Documents, TranslatedOnlyAcquisitionAndNestedBrackets) {
  const std::string section =
      "DOCUMENT No. 7\n\nA Title\n\n[Source: Test Archive [uncatalogued], box 3. \n"
      "Translated by Cy Third.]\n\nText.\n";
  const auto document =
      of_kind(ingest_all(kTitle + kByline + "Intro.\n\n" + section), "document").at(0);
  EXPECT_THAT(citation_raws(document), ElementsAre("Test Archive [uncatalogued], box 3"));
  EXPECT_THAT(metadata_values(document, "acquisition"), ElementsAre("Translated by Cy Third."));
  EXPECT_EQ(document.text(), "Text.");
}

TEST(Documents, SourceWithoutAcquisitionIsAllCitation) {
  const std::string section =
      "DOCUMENT No. 7\n\nA Title\n\n[Source: Test Library, shelf 4.]\n\nText.\n";
  const auto document =
      of_kind(ingest_all(kTitle + kByline + "Intro.\n\n" + section), "document").at(0);
  EXPECT_THAT(citation_raws(document), ElementsAre("Test Library, shelf 4"));
  EXPECT_THAT(metadata_values(document, "acquisition"), IsEmpty());
}

TEST(Documents, UnclosedSourceBlockIsCutAfterItsFirstSentenceWithAWarning) {
  const std::string section =
      "DOCUMENT No. 1\n\nA Title\n\n[Source: Test Archive of Recent \n"
      "History, Fond 5, Delo 410, Listy 73-85. \n"
      " other people were sent home. The minister \n"
      "was displeased.\n";
  const auto document =
      of_kind(ingest_all(kTitle + kByline + "Intro.\n\n" + section), "document").at(0);
  EXPECT_THAT(citation_raws(document),
              ElementsAre("Test Archive of Recent History, Fond 5, Delo 410, Listy 73-85"));
  EXPECT_THAT(document.text(), StartsWith(" other people were sent home."));
  ASSERT_EQ(document.warnings().size(), 1u);
  EXPECT_THAT(document.warnings()[0], HasSubstr("no closing ']'"));
}

TEST(Documents, DocumentWithoutSourceOrTitleKeepsItsText) {
  const std::string long_paragraph =
      "Line one of a long first paragraph\nline two\nline three\n"
      "line four\nline five.\n";
  const auto document =
      of_kind(ingest_all(kTitle + kByline + "Intro.\n\nDOCUMENT No. 9\n\n" + long_paragraph),
              "document")
          .at(0);
  EXPECT_EQ(document.title(), "");
  EXPECT_EQ(document.citations().size(), 0u);
  EXPECT_THAT(document.text(), StartsWith("Line one of a long"));
}

TEST(Documents, UntitledArticleGivesNoPartOf) {
  const auto records = ingest_all("Opening prose of an extract.\n\n" + kDocument);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(metadata_values(records[1], "part_of"), IsEmpty());
  EXPECT_THAT(metadata_values(records[1], "document_number"), ElementsAre("1"));
}

// ------------------------------------------------------------ damage and page furniture

TEST(Damage, DamagedRunsAreKeptAsTheyAre) {
  const std::string damaged =
      "+LVWRULDQV\xEF\xBF\xBDRI\xEF\xBF\xBD"
      "1RUWK\xEF\xBF\xBD.RUHD \n"
      "sacri\xC2\xBF"
      "ced the peasant.1 Two.2 Three.3\n\n";
  const auto record = only_article(article(damaged));
  EXPECT_THAT(record.text(), StartsWith(damaged.substr(0, damaged.size() - 2)));
  EXPECT_THAT(marker_values(record), ElementsAre("1", "2", "3"));
}

TEST(PageFurniture, LonePageNumbersBetweenParagraphsAreDropped) {
  const auto record =
      only_article(article("First paragraph.1\n\n515\n\nSecond paragraph.2 Three.3\n\n"));
  EXPECT_EQ(record.text(), "First paragraph.1\n\nSecond paragraph.2 Three.3");
}

TEST(PageFurniture, RepeatedRunningHeadsNextToPageNumbersAreDropped) {
  const std::string body =
      "Para one.1\n\nTest Bulletin, Issue 16\n\n515\n\nPara two.2\n\n"
      "Test Bulletin, Issue 16\n\n517\n\nPara three.3\n\n";
  const auto record = only_article(article(body));
  EXPECT_EQ(record.text(), "Para one.1\n\nPara two.2\n\nPara three.3");
}

TEST(PageFurniture, LoneHeadingSeenOnceIsKept) {
  const std::string body = "Para one.1\n\nA Short Heading\n\n515\n\nPara two.2 Three.3\n\n";
  const auto record = only_article(article(body));
  EXPECT_THAT(record.text(), HasSubstr("A Short Heading"));
}

TEST(PageFurniture, NumberInsideAParagraphIsKept) {
  const auto record = only_article(article("Totals:\n515\nwere shipped.1 Two.2 Three.3\n\n"));
  EXPECT_THAT(record.text(), HasSubstr("Totals:\n515\nwere shipped."));
}

// ------------------------------------------------------------ probe

TEST(ArticleProbe, EndnotesMakeItAnArticle) {
  auto plugin = ingester();
  EXPECT_EQ(plugin.probe(article()), 80);
}

TEST(ArticleProbe, DocumentHeadingsMakeItAnArticle) {
  auto plugin = ingester();
  EXPECT_EQ(plugin.probe("Some text.\n\n" + kDocument), 80);
}

TEST(ArticleProbe, ManyHyphenWrappedLinesMakeItAnArticle) {
  std::string text;
  for (int i = 0; i < 30; ++i) {
    text += "a line of justified prose that breaks a word at the en-\n";
    text += "d of it and continues on the next line of the column \n";
  }
  auto plugin = ingester();
  EXPECT_EQ(plugin.probe(text), 80);
}

TEST(ArticleProbe, ConfidenceComesFromConfig) {
  auto plugin = ingester(R"({"confidence": 55})");
  EXPECT_EQ(plugin.probe(article()), 55);
}

TEST(ArticleProbe, RecordPagesAndListingsStayBelowTheirIngesters) {
  auto plugin = ingester();
  EXPECT_LE(plugin.probe("Skip to content\n\nJanuary 3, 1962\n\nA Title\n\nBody.\n\n"
                         "Document Information\n\nArchive, Fond 1.\n"),
            5);
  EXPECT_LE(plugin.probe("Skip to content\n\nResults:\n\n1 - 10 of 11\n\nJanuary 3, 1962\n"), 5);
  EXPECT_LE(plugin.probe("Showing 1\xE2\x80\x93"
                         "5 of 5 results\n\n\xE2\x80\xA2 A hit\n"),
            5);
}

TEST(ArticleProbe, PlainTextAndBinaryScoreLow) {
  auto plugin = ingester();
  EXPECT_LE(plugin.probe("Just a note.\n\nNothing more.\n"), 5);
  EXPECT_EQ(plugin.probe(std::string("\x00\x01\x02", 3)), 0);
}

// ------------------------------------------------------------ config and errors

TEST(ArticleConfig, KindsComeFromConfig) {
  const auto records =
      ingest_all(article(kBody + kDocument),
                 R"({"article_kind": "essay", "document_kind": "edited_document"})");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].kind(), "essay");
  EXPECT_EQ(records[1].kind(), "edited_document");
}

TEST(ArticleConfig, UnknownKeyIsRefused) {
  EXPECT_ANY_THROW(ingester(R"({"no_such_key": true})"));
}

TEST(ArticleErrors, EmptyDocumentIsRefusedWithItsReason) {
  auto plugin = ingester();
  const auto result = plugin.try_ingest("");
  EXPECT_FALSE(result.ok());
  EXPECT_THAT(result.message, HasSubstr("empty"));
}

TEST(ArticleErrors, BlankDocumentIsRefusedWithItsReason) {
  auto plugin = ingester();
  const auto result = plugin.try_ingest(" \n\n\t\n");
  EXPECT_FALSE(result.ok());
  EXPECT_THAT(result.message, HasSubstr("no text"));
}

TEST(ArticleErrors, BinaryAndInvalidUtf8AreRefused) {
  auto plugin = ingester();
  const auto binary = plugin.try_ingest(std::string("abc\0def", 7));
  EXPECT_FALSE(binary.ok());
  EXPECT_THAT(binary.message, HasSubstr("NUL byte"));
  const auto invalid = plugin.try_ingest("abc \xC3( def\n");
  EXPECT_FALSE(invalid.ok());
  EXPECT_THAT(invalid.message, HasSubstr("invalid UTF-8 at byte offset 4"));
}

TEST(ArticleErrors, CrLfLineEndsAreRead) {
  std::string text = article();
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const auto record = only_article(crlf);
  EXPECT_EQ(record.footnotes().size(), 3u);
  EXPECT_THAT(record.text(), Not(HasSubstr("\r")));
}

TEST(ArticleErrors, HostileShapesDoNotCrash) {
  auto plugin = ingester();
  std::string huge_line(2'000'000, 'a');
  for (size_t i = 1; i < huge_line.size(); i += 3) huge_line[i] = '1';
  EXPECT_TRUE(plugin.try_ingest(huge_line + "\n\nNOTES\n\n1. x\n").ok());
  std::string markers;
  for (int i = 0; i < 20000; ++i) markers += "word." + std::to_string(i % 50 + 1) + " ";
  std::string notes = "\n\nNOTES\n\n";
  for (int i = 1; i <= 50; ++i) notes += std::to_string(i) + ". Note.\n";
  EXPECT_TRUE(plugin.try_ingest(markers + notes).ok());
  EXPECT_TRUE(plugin.try_ingest("DOCUMENT No. 1\n\n[Source: [[[[[[\n").ok());
  EXPECT_TRUE(plugin.try_ingest(std::string(100000, '\n') + "x").ok());
}

}  // namespace
