// ingest/archive-record: each part of a record page, on small pages written
// for these tests, through the real plugin binary run by the SDK's harness
// (opis/testing.hpp): this executable links neither the host nor protobuf.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "record_test_support.hpp"

namespace {

using namespace opis::archive_record::test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

// A complete page in the layout of the capture seeds. The pieces are
// replaceable so each test can vary the part it is about.
struct TestPage {
  std::string top =
      "Skip to content\n\nMarch 2, 1958\n\nNote on a Fictional Test Conversation\n\n\n";
  std::string header = "Top Secret\n\nCopy Nº 7\n\n[stamp: Received 4 March 1958]\n\n\n";
  std::string body =
      "The Ambassador met the CPSU [Communist Party of the Soviet Union] delegation.[1]\n\n"
      "The Minister said that the weather [Translator's note: literally \"the wind\"] had "
      "changed [illegible] since [the meeting in] spring.[2] He repeated it.[1]\n\n"
      "[signature] (A. Tester)\n\n\n";
  std::string notes = "[1] A note about the delegation.\n\n[2] A note about spring.\n\n";
  std::string summary = "A short summary of the fictional conversation.\n\n";
  std::string information =
      "Document Information\n\n\n"
      "Test Archive, Fond 9, Opis 8, Delo 7, Listy 1-2. Obtained by Ann Finder and translated "
      "by Tom Writer.\n\n"
      "This document was made possible with support from the Example Fund for Testing.\n\n\n";
  std::string rights =
      "The test project invites everyone to reuse this page; copyright remains with the rights "
      "holders, who were asked for permission.\n\n"
      "Questions may be sent to [email\xC2\xA0protected].\n\n";
  std::string labels = "Original Uploaded Date\n\n2020-01-02\n\n\n\nRecord ID\n\n123456\n";

  std::string str() const {
    return top + header + body + notes + summary + information + rights + labels;
  }
};

const std::string kBody =
    "The Ambassador met the CPSU [Communist Party of the Soviet Union] delegation.[1]\n\n"
    "The Minister said that the weather [Translator's note: literally \"the wind\"] had changed "
    "[illegible] since [the meeting in] spring.[2] He repeated it.[1]\n\n"
    "[signature] (A. Tester)";

// ------------------------------------------------------------ the record

TEST(ArchiveRecord, PageBecomesOneRecordOfKindRecord) {
  const auto record = ingest_one(TestPage().str());
  EXPECT_EQ(record.kind(), "record");
}

TEST(ArchiveRecord, KindComesFromConfig) {
  const auto record = ingest_one(TestPage().str(), R"({"kind": "archive_page"})");
  EXPECT_EQ(record.kind(), "archive_page");
}

TEST(ArchiveRecord, DateLineBecomesDateSurfaceAndEdtfIsLeftToTheDatesEnricher) {
  const auto record = ingest_one(TestPage().str());
  EXPECT_EQ(record.date_surface(), "March 2, 1958");
  EXPECT_EQ(record.date_edtf(), "");
}

TEST(ArchiveRecord, DayMonthYearDateLineIsRecognised) {
  TestPage page;
  page.top = "Skip to content\n\n2 March 1958\n\nA Title\n\n";
  EXPECT_EQ(ingest_one(page.str()).date_surface(), "2 March 1958");
}

TEST(ArchiveRecord, TitleLineBecomesTitle) {
  const auto record = ingest_one(TestPage().str());
  EXPECT_EQ(record.title(), "Note on a Fictional Test Conversation");
}

TEST(ArchiveRecord, TextIsTheBodyOnly) {
  const auto record = ingest_one(TestPage().str());
  EXPECT_EQ(record.text(), kBody);
}

TEST(ArchiveRecord, ParagraphBreaksArePreservedAsOneBlankLine) {
  TestPage page;
  page.header.clear();
  page.notes.clear();
  page.body = "First paragraph,\nsecond line.\n\n\n\n\nSecond paragraph.   \n\n\n";
  const auto record = ingest_one(page.str());
  EXPECT_EQ(record.text(), "First paragraph,\nsecond line.\n\nSecond paragraph.");
}

TEST(ArchiveRecord, WindowsLineEndsAreRead) {
  std::string page = TestPage().str();
  std::string crlf;
  for (const char c : page) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const auto record = ingest_one(crlf);
  EXPECT_EQ(record.text(), kBody);
  EXPECT_EQ(record.title(), "Note on a Fictional Test Conversation");
}

TEST(ArchiveRecord, NavigationTitleDateSummaryAndBlocksStayOutOfText) {
  const auto record = ingest_one(TestPage().str());
  for (const char* outside :
       {"Skip to content", "March 2, 1958", "Note on a Fictional", "short summary",
        "Document Information", "Fond 9", "Obtained by", "made possible", "reuse", "protected",
        "Original Uploaded Date", "Record ID", "123456", "2020-01-02"}) {
    EXPECT_THAT(record.text(), Not(HasSubstr(outside))) << outside;
  }
}

// ------------------------------------------------------------ header block

TEST(ArchiveRecord, CopyNumberLineGivesTheNumber) {
  for (const char* line : {"Copy Nº 2", "Copy No. 2", "Copy N° 2", "Copy № 2", "Copy 2"}) {
    TestPage page;
    page.header = std::string(line) + "\n\n";
    const auto record = ingest_one(page.str());
    EXPECT_EQ(record.copy_number(), "2") << line;
    EXPECT_THAT(record.text(), Not(HasSubstr("Copy"))) << line;
  }
}

TEST(ArchiveRecord, ClassificationIsTakenAsWritten) {
  for (const char* line : {"Top Secret", "SECRET", "Strictly confidential!", "Strictly Secret"}) {
    TestPage page;
    page.header = std::string(line) + "\n\n";
    const auto record = ingest_one(page.str());
    EXPECT_EQ(record.classification(), line);
    EXPECT_THAT(record.text(), Not(HasSubstr(line)));
  }
}

TEST(ArchiveRecord, ClassificationAndCopyOnConsecutiveLinesAreBothTaken) {
  TestPage page;
  page.header = "Secret\nCopy Nº 3\n\n";
  const auto record = ingest_one(page.str());
  EXPECT_EQ(record.classification(), "Secret");
  EXPECT_EQ(record.copy_number(), "3");
  EXPECT_EQ(record.text(), kBody);
}

TEST(ArchiveRecord, StampLinesBecomeStampsAndLeaveTheText) {
  const auto record = ingest_one(TestPage().str());
  ASSERT_EQ(record.stamps().size(), 1u);
  EXPECT_EQ(record.stamps()[0], "Received 4 March 1958");
  EXPECT_THAT(record.text(), Not(HasSubstr("stamp")));
}

TEST(ArchiveRecord, StampLineInsideTheBodyIsTakenToo) {
  TestPage page;
  page.body = "First paragraph.\n[stamp: Archive copy]\n\nSecond paragraph.\n\n";
  page.notes.clear();
  const auto record = ingest_one(page.str());
  EXPECT_THAT(record.stamps(), ElementsAre("Received 4 March 1958", "Archive copy"));
  EXPECT_EQ(record.text(), "First paragraph.\n\nSecond paragraph.");
}

TEST(ArchiveRecord, WordSecretInTheBodyIsNotAClassification) {
  TestPage page;
  page.header.clear();
  page.notes.clear();
  page.body =
      "The meeting was secret and nobody was told about it for a long time afterwards, "
      "not even the members of the delegation who had travelled from the capital.\n\n"
      "Secret\n\n";
  const auto record = ingest_one(page.str());
  EXPECT_EQ(record.classification(), "");
  EXPECT_THAT(record.text(), HasSubstr("\n\nSecret"));
}

// ------------------------------------------------------------ funders, rights

TEST(ArchiveRecord, FunderLineGivesTheSponsorWithoutTheLeadIn) {
  const auto record = ingest_one(TestPage().str());
  EXPECT_THAT(record.funders(), ElementsAre("Example Fund for Testing"));
}

TEST(ArchiveRecord, FunderLineAfterLabelBlocksIsFound) {
  TestPage page;
  page.information =
      "Document Information\n\nSource\n\nTest Archive, Fond 1, Opis 2, Delo 3.\n\n"
      "Original Classification\n\nSecret\n\n"
      "This document was made possible with support from the Second Test Trust.\n\n";
  const auto record = ingest_one(page.str());
  EXPECT_THAT(record.funders(), ElementsAre("Second Test Trust"));
}

TEST(ArchiveRecord, RightsParagraphsAreJoinedIntoRights) {
  const auto record = ingest_one(TestPage().str());
  EXPECT_EQ(record.rights(),
            "The test project invites everyone to reuse this page; copyright remains with the "
            "rights holders, who were asked for permission.\n\n"
            "Questions may be sent to [email\xC2\xA0protected].");
}

TEST(ArchiveRecord, LoneEmailProtectedLineIsRights) {
  TestPage page;
  page.rights = "Copyright rests with the rights holders.\n\n[email protected]\n\n";
  const auto record = ingest_one(page.str());
  EXPECT_EQ(record.rights(), "Copyright rests with the rights holders.\n\n[email protected]");
  EXPECT_THAT(citation_raws(record),
              ElementsAre("Test Archive, Fond 9, Opis 8, Delo 7, Listy 1-2"));
}

// ------------------------------------------------------------ summary

TEST(ArchiveRecord, SummaryIsTheParagraphBeforeDocumentInformation) {
  const auto record = ingest_one(TestPage().str());
  EXPECT_EQ(record.summary(), "A short summary of the fictional conversation.");
}

// ------------------------------------------------------------ footnotes

TEST(ArchiveRecord, NotesBecomeFootnotesWithMarkerAndText) {
  const auto record = ingest_one(TestPage().str());
  ASSERT_EQ(record.footnotes().size(), 2u);
  EXPECT_EQ(record.footnotes()[0].marker, "1");
  EXPECT_EQ(record.footnotes()[0].text, "A note about the delegation.");
  EXPECT_EQ(record.footnotes()[1].marker, "2");
  EXPECT_EQ(record.footnotes()[1].text, "A note about spring.");
}

TEST(ArchiveRecord, FootnoteSpanIsTheFirstMarkerInText) {
  const auto record = ingest_one(TestPage().str());
  ASSERT_EQ(record.footnotes().size(), 2u);
  EXPECT_EQ(spanned(record, record.footnotes()[0]), "[1]");
  EXPECT_EQ(record.footnotes()[0].begin, record.text().find("[1]"));
  EXPECT_EQ(spanned(record, record.footnotes()[1]), "[2]");
}

TEST(ArchiveRecord, EveryMarkerOccurrenceGetsAFootnoteRef) {
  const auto record = ingest_one(TestPage().str());
  const auto refs = annotations_of_type(record, "footnote_ref");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].value, "1");
  EXPECT_EQ(refs[1].value, "2");
  EXPECT_EQ(refs[2].value, "1");
  for (const auto& ref : refs) EXPECT_EQ(spanned(record, ref), "[" + std::string(ref.value) + "]");
  EXPECT_EQ(refs[2].begin, record.text().rfind("[1]"));
}

TEST(ArchiveRecord, NoteParagraphsAreRemovedFromText) {
  const auto record = ingest_one(TestPage().str());
  EXPECT_THAT(record.text(), Not(HasSubstr("A note about")));
}

TEST(ArchiveRecord, NoteContinuationParagraphStaysWithItsNote) {
  TestPage page;
  page.notes =
      "[1] A note in two paragraphs.\n\nIts second paragraph.\n\n[2] A note about spring.\n\n";
  const auto record = ingest_one(page.str());
  ASSERT_EQ(record.footnotes().size(), 2u);
  EXPECT_EQ(record.footnotes()[0].text, "A note in two paragraphs.\n\nIts second paragraph.");
  EXPECT_THAT(record.text(), Not(HasSubstr("second paragraph")));
}

TEST(ArchiveRecord, PageWithoutNotesHasNoFootnotesAndKeepsBracketedNumbers) {
  TestPage page;
  page.notes.clear();
  const auto record = ingest_one(page.str());
  EXPECT_EQ(record.footnotes().size(), 0u);
  EXPECT_THAT(annotations_of_type(record, "footnote_ref"), IsEmpty());
  EXPECT_THAT(record.text(), HasSubstr("delegation.[1]"));
}

// ------------------------------------------------------------ editorial notes

TEST(ArchiveRecord, TranslatorsNoteIsAnnotatedAndStaysInText) {
  const auto record = ingest_one(TestPage().str());
  std::vector<opis::sdk::Annotation> notes;
  for (const auto& a : annotations_of_type(record, "editorial_note")) {
    if (attribute(a, "kind") == "translator_note") notes.push_back(a);
  }
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(spanned(record, notes[0]), "[Translator's note: literally \"the wind\"]");
  EXPECT_EQ(notes[0].value, "literally \"the wind\"");
}

TEST(ArchiveRecord, TranslatorsNoteWithCurlyApostropheIsAnnotated) {
  TestPage page;
  page.notes.clear();
  page.body = "He said it [Translator\xE2\x80\x99s note: quietly] twice.\n\n";
  const auto record = ingest_one(page.str());
  const auto notes = annotations_of_type(record, "editorial_note");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(attribute(notes[0], "kind"), "translator_note");
}

TEST(ArchiveRecord, SignatureAndIllegibleAreEditorialNotes) {
  const auto record = ingest_one(TestPage().str());
  std::vector<std::string> kinds;
  for (const auto& a : annotations_of_type(record, "editorial_note")) {
    const auto kind = attribute(a, "kind");
    if (kind == "signature" || kind == "illegible") {
      kinds.push_back(kind);
      EXPECT_EQ(spanned(record, a), "[" + kind + "]");
    }
  }
  EXPECT_THAT(kinds, ElementsAre("illegible", "signature"));
}

TEST(ArchiveRecord, OtherBracketedInsertionIsAnEditorialNote) {
  const auto record = ingest_one(TestPage().str());
  std::vector<std::string> insertions;
  for (const auto& a : annotations_of_type(record, "editorial_note")) {
    if (attribute(a, "kind") == "insertion") insertions.push_back(spanned(record, a));
  }
  EXPECT_THAT(insertions, ElementsAre("[the meeting in]"));
}

TEST(ArchiveRecord, AcronymExpansionIsAnnotatedWithItsAbbreviation) {
  const auto record = ingest_one(TestPage().str());
  const auto expansions = annotations_of_type(record, "expansion");
  ASSERT_EQ(expansions.size(), 1u);
  EXPECT_EQ(expansions[0].value, "Communist Party of the Soviet Union");
  EXPECT_EQ(attribute(expansions[0], "abbreviation"), "CPSU");
  EXPECT_EQ(spanned(record, expansions[0]), "CPSU [Communist Party of the Soviet Union]");
}

TEST(ArchiveRecord, MultiWordAbbreviationIsExpandedWhole) {
  TestPage page;
  page.notes.clear();
  page.body =
      "He wrote to the CPSU CC [Central Committee of the Communist Party of the Soviet "
      "Union] and to the VKP(b) [All-Union Communist Party (Bolsheviks)].\n\n";
  const auto record = ingest_one(page.str());
  const auto expansions = annotations_of_type(record, "expansion");
  ASSERT_EQ(expansions.size(), 2u);
  EXPECT_EQ(attribute(expansions[0], "abbreviation"), "CPSU CC");
  EXPECT_EQ(attribute(expansions[1], "abbreviation"), "VKP(b)");
}

TEST(ArchiveRecord, BracketAfterOrdinaryWordIsNotAnExpansion) {
  TestPage page;
  page.notes.clear();
  page.body = "They rebuilt the [Kansen] plant and met Ri [Syn Yeb] there.\n\n";
  const auto record = ingest_one(page.str());
  EXPECT_THAT(annotations_of_type(record, "expansion"), IsEmpty());
  EXPECT_EQ(annotations_of_type(record, "editorial_note").size(), 2u);
}

// ------------------------------------------------------------ citations

TEST(ArchiveRecord, CitationRawLeavesOutTheAcquisition) {
  const auto record = ingest_one(TestPage().str());
  EXPECT_THAT(citation_raws(record),
              ElementsAre("Test Archive, Fond 9, Opis 8, Delo 7, Listy 1-2"));
}

TEST(ArchiveRecord, AcquisitionSentenceBecomesMetadataVerbatim) {
  const auto record = ingest_one(TestPage().str());
  EXPECT_THAT(metadata_values(record, "acquisition"),
              ElementsAre("Obtained by Ann Finder and translated by Tom Writer."));
}

TEST(ArchiveRecord, AcquisitionVariantsAreSplitOff) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Test Archive, f. 1, op. 2, d. 3, ll. 4-5. Translated by Tom Writer.",
       "Translated by Tom Writer."},
      {"Test Archive, Fond 1, A.E. 378, p. 1-3. Obtained and translated by Ann Finder.",
       "Obtained and translated by Ann Finder."},
      {"Test Archive, Fond 1, Opis 2. Obtained by Ann Finder. Translated by Tom Writer.",
       "Obtained by Ann Finder. Translated by Tom Writer."},
  };
  for (const auto& [line, acquisition] : cases) {
    TestPage page;
    page.information = "Document Information\n\n" + line + "\n\n";
    const auto record = ingest_one(page.str());
    ASSERT_EQ(record.citations().size(), 1u) << line;
    EXPECT_THAT(record.citations()[0].raw, Not(HasSubstr("by"))) << line;
    EXPECT_THAT(metadata_values(record, "acquisition"), ElementsAre(acquisition)) << line;
  }
}

TEST(ArchiveRecord, CitationWithoutAcquisitionHasNoAcquisitionEntry) {
  TestPage page;
  page.information = "Document Information\n\nTest Archive, Fond 5446, Opis 98, Delo 721.\n\n";
  const auto record = ingest_one(page.str());
  EXPECT_THAT(citation_raws(record), ElementsAre("Test Archive, Fond 5446, Opis 98, Delo 721"));
  EXPECT_THAT(metadata_values(record, "acquisition"), IsEmpty());
}

TEST(ArchiveRecord, TwoCitationSentencesGiveTwoCitations) {
  TestPage page;
  page.information =
      "Document Information\n\nArchive A, Fond 1, Delo 2, Listy 3-4. Archive B, Fond 5, Delo 6, "
      "Listy 7.\n\n";
  const auto record = ingest_one(page.str());
  EXPECT_THAT(citation_raws(record), ElementsAre("Archive A, Fond 1, Delo 2, Listy 3-4",
                                                 "Archive B, Fond 5, Delo 6, Listy 7"));
}

TEST(ArchiveRecord, RecordIdAndUploadedDateGoToMetadata) {
  const auto record = ingest_one(TestPage().str());
  EXPECT_THAT(metadata_values(record, "record_id"), ElementsAre("123456"));
  EXPECT_THAT(metadata_values(record, "original_uploaded_date"), ElementsAre("2020-01-02"));
}

TEST(ArchiveRecord, EmptyRecordLabelsGiveNoMetadata) {
  TestPage page;
  page.labels = "Original Uploaded Date\n\n\n\n\n\nRecord ID";
  const auto record = ingest_one(page.str());
  EXPECT_THAT(metadata_values(record, "record_id"), IsEmpty());
  EXPECT_THAT(metadata_values(record, "original_uploaded_date"), IsEmpty());
}

// ------------------------------------------------------------ label blocks

const std::string kLabelBlock =
    "Document Information\n\n"
    "Source\n\nTest Gazette, 19 April 1964. Translated by Tom Writer.\n\n"
    "Original Archive\n\nTest Gazette\n\n"
    "Author(s):\n\nFirst Author\nSecond Author\n\n"
    "Associated Places\n\nPlace One\nPlace Two\n\n"
    "Original Classification\n\nNot classified\n\n";

TEST(ArchiveRecord, SourceLabelBecomesCitationWithAcquisitionSplitOff) {
  TestPage page;
  page.header.clear();
  page.information = kLabelBlock;
  const auto record = ingest_one(page.str());
  EXPECT_THAT(citation_raws(record), ElementsAre("Test Gazette, 19 April 1964"));
  EXPECT_THAT(metadata_values(record, "acquisition"), ElementsAre("Translated by Tom Writer."));
}

TEST(ArchiveRecord, AuthorLabelGivesOneAuthorPerLine) {
  TestPage page;
  page.information = kLabelBlock;
  const auto record = ingest_one(page.str());
  ASSERT_EQ(record.contributors().size(), 2u);
  EXPECT_EQ(record.contributors()[0].name, "First Author");
  EXPECT_EQ(record.contributors()[0].role, "author");
  EXPECT_EQ(record.contributors()[1].name, "Second Author");
}

TEST(ArchiveRecord, OtherLabelsBecomeMetadataJoinedWithSemicolons) {
  TestPage page;
  page.information = kLabelBlock;
  const auto record = ingest_one(page.str());
  EXPECT_THAT(metadata_values(record, "Original Archive"), ElementsAre("Test Gazette"));
  EXPECT_THAT(metadata_values(record, "Associated Places"), ElementsAre("Place One; Place Two"));
  EXPECT_THAT(record.text(), Not(HasSubstr("Place One")));
}

TEST(ArchiveRecord, OriginalClassificationIsUsedWithoutHeaderClassification) {
  TestPage page;
  page.header.clear();
  page.information = kLabelBlock;
  EXPECT_EQ(ingest_one(page.str()).classification(), "Not classified");
}

TEST(ArchiveRecord, HeaderClassificationWinsOverOriginalClassification) {
  TestPage page;
  page.information = kLabelBlock;
  const auto record = ingest_one(page.str());
  EXPECT_EQ(record.classification(), "Top Secret");
  EXPECT_THAT(metadata_values(record, "Original Classification"), ElementsAre("Not classified"));
}

TEST(ArchiveRecord, UnlistedColonLabelBecomesMetadata) {
  TestPage page;
  page.information =
      "Document Information\n\nTest Archive, Fond 1, Delo 2.\n\nKeywords here:\n\nx; y\n\n";
  const auto record = ingest_one(page.str());
  EXPECT_THAT(metadata_values(record, "Keywords here"), ElementsAre("x; y"));
}

TEST(ArchiveRecord, ExtraVocabularyFileAddsALabel) {
  TempDir dir;
  const auto file = dir.write("extra.tsv", "label\tShelf Mark\tmetadata:shelf_mark\n");
  TestPage page;
  page.labels += "\nShelf Mark\n\nA-17\n";
  const auto record = ingest_one(page.str(), path_list_config("vocabulary_files", file.string()));
  EXPECT_THAT(metadata_values(record, "shelf_mark"), ElementsAre("A-17"));
}

TEST(ArchiveRecord, UnreadableVocabularyFileStopsTheStart) {
  try {
    ingester(R"({"vocabulary_files": ["/nonexistent/vocabulary.tsv"]})");
    FAIL() << "the plugin started";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("/nonexistent/vocabulary.tsv"));
  }
}

TEST(ArchiveRecord, MalformedVocabularyFileStopsTheStartNamingTheLine) {
  TempDir dir;
  const auto file = dir.write("bad.tsv", "# fine\nlabel\tX\tnonsense\n");
  try {
    ingester(path_list_config("vocabulary_files", file.string()));
    FAIL() << "the plugin started";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("bad.tsv:2"));
  }
}

// ------------------------------------------------------------ without the section

TEST(ArchiveRecord, PageWithRecordLabelsButNoDocumentInformationKeepsBodyOutOfRights) {
  TestPage page;
  page.information.clear();
  page.summary.clear();
  const auto record = ingest_one(page.str());
  EXPECT_EQ(record.text(), kBody);
  EXPECT_THAT(record.rights(), HasSubstr("reuse"));
  EXPECT_THAT(metadata_values(record, "record_id"), ElementsAre("123456"));
  EXPECT_THAT(record.warnings(), Not(IsEmpty()));
}

// ------------------------------------------------------------ probe

TEST(ArchiveRecordProbe, RecordPageIsClaimedWithHighConfidence) {
  auto plugin = ingester();
  EXPECT_EQ(plugin.probe(TestPage().str()), 85);
}

TEST(ArchiveRecordProbe, DateTitleAndRecordLabelsWithoutSectionAreClaimed) {
  TestPage page;
  page.information.clear();
  auto plugin = ingester();
  EXPECT_EQ(plugin.probe(page.str()), 85);
}

TEST(ArchiveRecordProbe, ConfidenceComesFromConfig) {
  auto plugin = ingester(R"({"confidence": 60})");
  EXPECT_EQ(plugin.probe(TestPage().str()), 60);
}

TEST(ArchiveRecordProbe, ListingWithResultCountIsLeftAlone) {
  auto plugin = ingester();
  EXPECT_LE(plugin.probe("Skip to content\n\nResults:\n\n1 - 10 of 11\n\nJanuary 3, 1962\n\nA "
                         "title\n\nA summary.\n"),
            5);
  EXPECT_LE(plugin.probe("Showing 1–5 of 5 results\n\n• February 9, 1952 — A title\n"), 5);
}

TEST(ArchiveRecordProbe, ManyDateTitleSummaryTriplesAreAListing) {
  std::string listing;
  for (int i = 1; i <= 4; ++i) {
    listing += "January " + std::to_string(i) + ", 1962\n\nTitle " + std::to_string(i) +
               "\n\nSummary " + std::to_string(i) + ".\n\n";
  }
  auto plugin = ingester();
  EXPECT_LE(plugin.probe(listing), 5);
}

TEST(ArchiveRecordProbe, PlainTextLosesToTheTextIngester) {
  auto plugin = ingester();
  EXPECT_LT(plugin.probe("Just some notes.\n\nNothing like a record page.\n"), 20);
  EXPECT_LT(plugin.probe(std::string("\x00\x01\x02", 3)), 20);
}

// ------------------------------------------------------------ bad input

Harness::Ingested refusal(const std::string& bytes) {
  auto plugin = ingester();
  auto result = plugin.try_ingest(bytes);
  EXPECT_EQ(result.status, OPIS_INVALID_INPUT) << result.message;
  EXPECT_THAT(result.records, IsEmpty());
  return result;
}

TEST(ArchiveRecordErrors, PageWithoutDocumentInformationOrLabelsIsRefusedSayingWhatIsMissing) {
  const auto call = refusal("March 2, 1958\n\nA Title\n\nSome body text.\n");
  EXPECT_THAT(call.message, HasSubstr("Document Information"));
  EXPECT_THAT(call.message, HasSubstr("Record ID"));
}

TEST(ArchiveRecordErrors, DateLineWithoutTitleIsRefused) {
  EXPECT_THAT(refusal("Skip to content\n\nMarch 2, 1958\n").message, HasSubstr("no title"));
}

TEST(ArchiveRecordErrors, EmptyAndBlankDocumentsAreRefused) {
  EXPECT_THAT(refusal("").message, HasSubstr("empty"));
  EXPECT_THAT(refusal("\n\n   \n").message, HasSubstr("no text"));
}

TEST(ArchiveRecordErrors, InvalidUtf8IsRefusedWithItsOffset) {
  EXPECT_THAT(refusal("March 2, 1958\n\nA \xff title\n").message, HasSubstr("offset 17"));
}

TEST(ArchiveRecordErrors, BinaryDataIsRefused) {
  EXPECT_THAT(refusal(std::string("Skip\0to", 7)).message, HasSubstr("NUL"));
}

TEST(ArchiveRecordErrors, HostileBracketsAndHugeLinesDoNotCrash) {
  TestPage page;
  page.body = std::string(200000, '[') + std::string(200000, ']') + "\n\n" +
              std::string(1000000, 'x') + "[1]\n\n" + std::string(50000, '[') + "\n\n";
  const auto record = ingest_one(page.str());
  EXPECT_EQ(record.footnotes().size(), 2u);
  EXPECT_THAT(record.text(), HasSubstr(std::string(1000000, 'x')));
}

// ------------------------------------------------------------ size

TEST(ArchiveRecord, FiveMegabytesOfBodyIngestWhole) {
  const std::string paragraph =
      "The delegation of the CPSU [Communist Party of the Soviet Union] was received by the "
      "Minister [signature], who spoke at length about the harvest and the plan.[1]";
  constexpr size_t kParagraphs = 5 * 1024 * 1024 / 150;
  TestPage page;
  page.body.clear();
  std::string expected;
  for (size_t i = 0; i < kParagraphs; ++i) {
    page.body += paragraph + "\n\n";
    if (!expected.empty()) expected += "\n\n";
    expected += paragraph;
  }
  page.notes = "[1] The only note.\n\n";
  const auto record = ingest_one(page.str());
  EXPECT_GE(page.str().size(), 5u * 1024 * 1024);
  EXPECT_EQ(record.text().size(), expected.size());
  EXPECT_EQ(annotations_of_type(record, "footnote_ref").size(), kParagraphs);
  EXPECT_EQ(annotations_of_type(record, "expansion").size(), kParagraphs);
}

}  // namespace
