// enrich/contributors: every phrase shape on a small fixture, name rules,
// refusals to guess, duplicates, and acceptance over the seeds and the
// example corpus, through the real plugin binary run by the SDK's harness
// (opis/testing.hpp): this executable links neither the host nor protobuf.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <opis/testing.hpp>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "temp_files.hpp"

namespace {

using opis::test_files::read_file;
using opis::testing::Failure;
using opis::testing::Harness;
using opis::testing::Record;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

using NameRole = std::pair<std::string, std::string>;

struct Input {
  std::string text;
  std::string acquisition;                 // metadata entry, when not empty
  std::vector<std::string> citation_raws;  // citations[].raw
  std::vector<NameRole> existing;          // contributors already on the record
};

Record enrich(const Input& input, std::string_view config = "{}") {
  Harness plugin(OPIS_PLUGIN_FILE, config);
  auto record = Record::with_text(input.text);
  if (!input.acquisition.empty()) {
    record.add(opis::sdk::Property{"acquisition", input.acquisition});
  }
  for (const auto& raw : input.citation_raws) {
    opis::sdk::Citation citation;
    citation.raw = raw;
    record.add(citation);
  }
  for (const auto& [name, role] : input.existing) {
    record.add(opis::sdk::Contributor{name, role});
  }
  EXPECT_NO_THROW(plugin.enrich(record));
  return record;
}

std::vector<NameRole> contributors_of(const Record& record) {
  std::vector<NameRole> out;
  for (const auto& c : record.contributors()) out.emplace_back(c.name, c.role);
  return out;
}

std::vector<NameRole> contributors(const std::string& text, std::string_view config = "{}") {
  return contributors_of(enrich(Input{text, "", {}, {}}, config));
}

std::string metadata_value(const Record& record, const std::string& name) {
  for (const auto& m : record.metadata()) {
    if (m.name == name) return std::string(m.value);
  }
  return {};
}

std::filesystem::path source_dir() {
  return OPIS_TEST_SOURCE_DIR;
}

// The shared seed documents beside the repository; empty when absent.
std::filesystem::path seeds_dir() {
  return opis::test_files::seeds_beside(source_dir());
}

// ------------------------------------------------------------ phrase shapes

TEST(Contributors, ObtainedByAndTranslatedByGivesBothRoles) {
  EXPECT_THAT(
      contributors("Fond 1, Opis 2. Obtained by Jordan Baev and translated by Greta "
                   "Keremidchieva\n"),
      ElementsAre(Pair("Jordan Baev", "obtained_by"), Pair("Greta Keremidchieva", "translator")));
}

TEST(Contributors, ObtainedAndTranslatedAsTwoSentences) {
  EXPECT_THAT(
      contributors("Listy 12-16. Obtained by Marina Telnova. Translated by Owen "
                   "Castellan.\n"),
      ElementsAre(Pair("Marina Telnova", "obtained_by"), Pair("Owen Castellan", "translator")));
}

TEST(Contributors, ObtainedAndTranslatedByOnePersonGivesTwoEntries) {
  EXPECT_THAT(
      contributors("Listy 33-41. Obtained and translated by Kirill Andronov.\n"),
      ElementsAre(Pair("Kirill Andronov", "obtained_by"), Pair("Kirill Andronov", "translator")));
}

TEST(Contributors, TranslatedByOnePerson) {
  EXPECT_THAT(contributors("ll. 45-51. Translated by Lena Hartwig.\n"),
              ElementsAre(Pair("Lena Hartwig", "translator")));
}

// The scanners pass over text in blocks of 16 or 32 bytes: a phrase or a
// signature is found wherever it falls against them, at the start and at the end.
TEST(Contributors, FoundAtEveryOffsetFromTheBlocks) {
  for (size_t pad = 0; pad < 70; ++pad) {
    SCOPED_TRACE(pad);
    EXPECT_THAT(contributors(std::string(pad, ' ') + "Translated by Lena Hartwig"),
                ElementsAre(Pair("Lena Hartwig", "translator")));
    EXPECT_THAT(contributors(std::string(pad, ' ') + "[signature] (Yu. Fadeyev)"),
                ElementsAre(Pair("Yu. Fadeyev", "signatory")));
  }
}

TEST(Contributors, TranslatedByTwoPeople) {
  EXPECT_THAT(contributors("Translated by Anna Berg and Tomas Lind.\n"),
              ElementsAre(Pair("Anna Berg", "translator"), Pair("Tomas Lind", "translator")));
}

TEST(Contributors, TranslationByGivesTranslator) {
  EXPECT_THAT(contributors("Translation by Mira Sokol.\n"),
              ElementsAre(Pair("Mira Sokol", "translator")));
}

TEST(Contributors, EditedByGivesEditor) {
  EXPECT_THAT(contributors("Edited by Paul Wren.\n"), ElementsAre(Pair("Paul Wren", "editor")));
}

TEST(Contributors, TranscribedByGivesTranscriber) {
  EXPECT_THAT(contributors("Transcribed by Ilse Dorn.\n"),
              ElementsAre(Pair("Ilse Dorn", "transcriber")));
}

TEST(Contributors, CheckedWithTheOriginalByTwoPeople) {
  EXPECT_THAT(contributors("The translation was checked with the original by Rozanov and "
                           "Suvorov.\n"),
              ElementsAre(Pair("Rozanov", "checked_by"), Pair("Suvorov", "checked_by")));
}

TEST(Contributors, CheckedByListOfThree) {
  EXPECT_THAT(contributors("The text was checked against the original text by A. Kurbatov, N. "
                           "Semenova and P. Orlov.\n"),
              ElementsAre(Pair("A. Kurbatov", "checked_by"), Pair("N. Semenova", "checked_by"),
                          Pair("P. Orlov", "checked_by")));
}

TEST(Contributors, CheckedByAcrossPunctuationIsNotATrigger) {
  EXPECT_THAT(contributors("He checked the text twice, “so that it read well” by Monday Smith.\n"),
              IsEmpty());
}

TEST(Contributors, CompiledByFromRolesConfig) {
  EXPECT_THAT(contributors("Compiled by Vera Lask.\n", R"({"roles": {"compiled by": "compiler"}})"),
              ElementsAre(Pair("Vera Lask", "compiler")));
}

TEST(Contributors, RolesConfigPhraseWithGap) {
  EXPECT_THAT(contributors("The note was approved for release by Omar Haddad.\n",
                           R"({"roles": {"approved * by": "approver"}})"),
              ElementsAre(Pair("Omar Haddad", "approver")));
}

// -------------------------------------------------------------- signatures

TEST(Signatures, BracketSignatureWithNameInParentheses) {
  const auto record =
      enrich({"The talk lasted an hour.\n\n[signature] (Yu. Fadeyev)\n\nFirst "
              "Secretary of the Embassy of the USSR in the DPRK\n\n2 copies\n",
              "",
              {},
              {}});
  EXPECT_THAT(contributors_of(record), ElementsAre(Pair("Yu. Fadeyev", "signatory")));
  EXPECT_EQ(metadata_value(record, "signatory_position"),
            "First Secretary of the Embassy of the USSR in the DPRK");
}

TEST(Signatures, NameInParenthesesOnTheNextLine) {
  EXPECT_THAT(contributors("Closing words.\n\n[signature]\n(Stefan Ignatov)\n"),
              ElementsAre(Pair("Stefan Ignatov", "signatory")));
}

TEST(Signatures, LabelBeforeSignatureIsThePosition) {
  const auto record =
      enrich({"Closing words.\n\nAmbassador: [signature] (Stefan Ignatov)\n", "", {}, {}});
  EXPECT_THAT(contributors_of(record), ElementsAre(Pair("Stefan Ignatov", "signatory")));
  EXPECT_EQ(metadata_value(record, "signatory_position"), "Ambassador");
}

TEST(Signatures, PositionLineAboveTheSignature) {
  const auto record =
      enrich({"Text.\n\nChairman of the Foreign Policy Commission\n\n[signature] "
              "(V. Grigor'yan)\n\n9 February 1952\n",
              "",
              {},
              {}});
  EXPECT_THAT(contributors_of(record), ElementsAre(Pair("V. Grigor'yan", "signatory")));
  EXPECT_EQ(metadata_value(record, "signatory_position"),
            "Chairman of the Foreign Policy Commission");
}

TEST(Signatures, SlashSignatureWithBareName) {
  EXPECT_THAT(contributors("Text.\n/signature/ V. Ivanov\n"),
              ElementsAre(Pair("V. Ivanov", "signatory")));
}

TEST(Signatures, SignedInParenthesesWithBareName) {
  EXPECT_THAT(contributors("Text.\n(signed) A. Mikoyan\n"),
              ElementsAre(Pair("A. Mikoyan", "signatory")));
}

TEST(Signatures, SignatureWithoutANameGivesNothing) {
  const auto record = enrich({"Text.\n\n[signature]\n\nSecond paragraph.\n", "", {}, {}});
  EXPECT_THAT(contributors_of(record), IsEmpty());
  EXPECT_EQ(metadata_value(record, "signatory_position"), "");
}

TEST(Signatures, TwoSignaturesGiveNoPosition) {
  const auto record =
      enrich({"[signature] (V. Ivanov)\nAmbassador of the USSR\n\n[signature] "
              "(N. Fedorenko)\nDeputy Minister\n",
              "",
              {},
              {}});
  EXPECT_THAT(contributors_of(record),
              ElementsAre(Pair("V. Ivanov", "signatory"), Pair("N. Fedorenko", "signatory")));
  EXPECT_EQ(metadata_value(record, "signatory_position"), "");
}

TEST(Signatures, SentenceAfterSignatureIsNoPosition) {
  const auto record = enrich(
      {"[signature] (V. Ivanov)\n\nFirst of all, the harvest was poor. We ask.\n", "", {}, {}});
  EXPECT_EQ(metadata_value(record, "signatory_position"), "");
}

// ------------------------------------------------------- authors, recipients

TEST(Authors, ClosingPositionLineEndingInANameIsTheAuthor) {
  EXPECT_THAT(contributors("Body text.\n\n\nHead of CC BCP [Central Committee] “Foreign Policy "
                           "and International Relations” Department, Dimo Dichev\n\n\n[1] Note.\n"),
              ElementsAre(Pair("Dimo Dichev", "author")));
}

TEST(Authors, SentenceEndingInANameIsNoClosingLine) {
  EXPECT_THAT(contributors("Body.\n\nWe met the Minister on Monday, Dimo Dichev\n\nMore.\n"),
              IsEmpty());
}

TEST(Authors, IngesterAuthorIsKeptAndNotRepeated) {
  const auto record = enrich({"Author(s):\n\nAmbassador József Kárpáti\n\nAssociated Places\n",
                              "",
                              {},
                              {{"Ambassador József Kárpáti", "author"}}});
  EXPECT_THAT(contributors_of(record), ElementsAre(Pair("Ambassador József Kárpáti", "author")));
}

TEST(Authors, AuthorLabelInTextWhenTheIngesterGaveNone) {
  EXPECT_THAT(contributors("Author(s):\n\nAmbassador József Kárpáti\n\nAssociated Places\n"),
              ElementsAre(Pair("József Kárpáti", "author")));
}

TEST(Authors, AuthorLabelNamingABodyGivesNothing) {
  EXPECT_THAT(contributors("Author(s):\n\nRodong Sinmun editorial board\n\nAssociated Places\n"),
              IsEmpty());
}

TEST(Recipients, DistributedToList) {
  EXPECT_THAT(contributors("Distributed to: V. M. Molotov, G. M. Malenkov\n"),
              ElementsAre(Pair("V. M. Molotov", "recipient"), Pair("G. M. Malenkov", "recipient")));
}

TEST(Recipients, CopiesToSkipsBodiesAndKeepsPeople) {
  EXPECT_THAT(contributors("Copies to: Cde. Gromyko, MFA archive, Embassy Office, Cde. A. "
                           "Mikoyan & Dr. Lena Ortiz\n"),
              ElementsAre(Pair("Gromyko", "recipient"), Pair("A. Mikoyan", "recipient"),
                          Pair("Lena Ortiz", "recipient")));
}

// ------------------------------------------------------------------ names

TEST(Names, TitlesAreStrippedInitialsKept) {
  EXPECT_THAT(contributors("Translated by Comrade V. I. Ivanov. Edited by Prof. Yu. Fadeyev.\n"),
              ElementsAre(Pair("V. I. Ivanov", "translator"), Pair("Yu. Fadeyev", "editor")));
}

TEST(Names, Utf8NamesAreKeptWhole) {
  EXPECT_THAT(
      contributors("Translated by Ágnes Veres and Łukasz Żeleński.\n"),
      ElementsAre(Pair("Ágnes Veres", "translator"), Pair("Łukasz Żeleński", "translator")));
}

TEST(Names, CyrillicName) {
  EXPECT_THAT(contributors("Translated by Юрий Фадеев.\n"),
              ElementsAre(Pair("Юрий Фадеев", "translator")));
}

TEST(Names, HyphensAndApostrophesStayInsideNames) {
  EXPECT_THAT(contributors("Obtained by Nadia Petkova-Lind and translated by Hye-jin O’Neill.\n"),
              ElementsAre(Pair("Nadia Petkova-Lind", "obtained_by"),
                          Pair("Hye-jin O’Neill", "translator")));
}

TEST(Names, TrailingDotRemovedButInitialKept) {
  EXPECT_THAT(contributors("Translated by Owen C. The rest follows.\n"),
              ElementsAre(Pair("Owen C.", "translator")));
}

TEST(Names, NameParticleInside) {
  EXPECT_THAT(contributors("Edited by Ludwig van Brandt.\n"),
              ElementsAre(Pair("Ludwig van Brandt", "editor")));
}

TEST(Names, NameFollowedByFunctionWordEndsThere) {
  EXPECT_THAT(contributors("Translated by Gary Goldberg for the Program.\n"),
              ElementsAre(Pair("Gary Goldberg", "translator")));
}

TEST(Names, PhraseIsCaseInsensitive) {
  EXPECT_THAT(contributors("TRANSLATED BY Gary Goldberg\n"),
              ElementsAre(Pair("Gary Goldberg", "translator")));
}

TEST(Names, NameOnTheLineAfterTheTrigger) {
  EXPECT_THAT(contributors("checked with the original by\nRozanov and Suvorov.\n"),
              ElementsAre(Pair("Rozanov", "checked_by"), Pair("Suvorov", "checked_by")));
}

// --------------------------------------------------------------- no guess

TEST(NoGuess, ObtainedByTheEmbassyGivesNothing) {
  EXPECT_THAT(contributors("The file was obtained by the embassy in 1961.\n"), IsEmpty());
}

TEST(NoGuess, TranslatedByHandGivesNothing) {
  EXPECT_THAT(contributors("The letter was translated by hand.\n"), IsEmpty());
}

TEST(NoGuess, CapitalizedBodyGivesNothing) {
  EXPECT_THAT(contributors("Obtained by Wilson Center Digital Archive.\n"), IsEmpty());
}

TEST(NoGuess, AcronymGivesNothing) {
  EXPECT_THAT(contributors("Translated by CWIHP staff.\n"), IsEmpty());
}

TEST(NoGuess, NameFollowedByOtherWordsIsSkipped) {
  EXPECT_THAT(contributors("Obtained by Rodong Sinmun editorial board.\n"), IsEmpty());
}

TEST(NoGuess, MoreThanFiveWordsIsNoName) {
  EXPECT_THAT(contributors("Translated by Anna Maria Luisa Berg Olsen Lind.\n"), IsEmpty());
}

TEST(NoGuess, TriggerInsideAWordIsNoTrigger) {
  EXPECT_THAT(contributors("Retranslated byline Anna Berg. Unedited by Anna Berg.\n"), IsEmpty());
}

TEST(NoGuess, BlankLineEndsTheList) {
  EXPECT_THAT(contributors("Translated by\n\nThe History Program\n"), IsEmpty());
}

// ------------------------------------------------------------ duplicates

TEST(Duplicates, SamePairFoundTwiceIsKeptOnce) {
  const auto record = enrich({"Obtained by Jordan Baev.\n\nObtained by Jordan Baev.\n",
                              "Obtained by Jordan Baev",
                              {"Fond 1. Obtained by Jordan Baev"},
                              {}});
  EXPECT_THAT(contributors_of(record), ElementsAre(Pair("Jordan Baev", "obtained_by")));
}

TEST(Duplicates, IngesterEntriesAreKeptAndNotRepeated) {
  const auto record =
      enrich({"Translated by Lena Hartwig.\n", "", {}, {{"Lena Hartwig", "translator"}}});
  EXPECT_THAT(contributors_of(record), ElementsAre(Pair("Lena Hartwig", "translator")));
}

TEST(Duplicates, RunningTwiceAddsNothing) {
  Harness plugin(OPIS_PLUGIN_FILE);
  auto record = Record::with_text("[signature] (V. Ivanov)\nAmbassador of the USSR\n");
  ASSERT_NO_THROW(plugin.enrich(record));
  ASSERT_NO_THROW(plugin.enrich(record));
  EXPECT_EQ(record.contributors().size(), 1u);
  EXPECT_EQ(record.metadata().size(), 1u);
}

TEST(Duplicates, SameNameInTwoRolesIsKeptTwice) {
  EXPECT_THAT(contributors("Obtained by Anna Berg. Translated by Anna Berg.\n"),
              ElementsAre(Pair("Anna Berg", "obtained_by"), Pair("Anna Berg", "translator")));
}

// ------------------------------------------------------------- sources, config

TEST(Sources, AcquisitionMetadataEntryIsRead) {
  const auto record =
      enrich({"", "Obtained by Jordan Baev and translated by Greta Keremidchieva", {}, {}});
  EXPECT_THAT(contributors_of(record), ElementsAre(Pair("Jordan Baev", "obtained_by"),
                                                   Pair("Greta Keremidchieva", "translator")));
}

TEST(Sources, CitationRawIsRead) {
  const auto record =
      enrich({"", "", {"Rodong Sinmun, 19 April 1964. Translated by Hye-jin Lowell."}, {}});
  EXPECT_THAT(contributors_of(record), ElementsAre(Pair("Hye-jin Lowell", "translator")));
}

TEST(Sources, ScanTextFalseReadsOnlyMetadataAndCitations) {
  const auto record = enrich(
      {"Translated by Lena Hartwig.\n[signature] (V. Ivanov)\n", "Obtained by Jordan Baev", {}, {}},
      R"({"scan_text": false})");
  EXPECT_THAT(contributors_of(record), ElementsAre(Pair("Jordan Baev", "obtained_by")));
}

TEST(Config, UnknownKeyIsRefused) {
  EXPECT_THROW(Harness(OPIS_PLUGIN_FILE, R"({"scan": true})"), Failure);
}

TEST(Config, RoleMustBeAString) {
  EXPECT_THROW(Harness(OPIS_PLUGIN_FILE, R"({"roles": {"by": 3}})"), Failure);
}

TEST(Config, EmptyPhraseIsRefused) {
  EXPECT_THROW(Harness(OPIS_PLUGIN_FILE, R"({"roles": {" ": "x"}})"), Failure);
}

// --------------------------------------------------------- hostile input

TEST(Hostile, EmptyTextIsFine) {
  EXPECT_THAT(contributors(""), IsEmpty());
}

TEST(Hostile, HugeLinesAndEndlessListsStayQuiet) {
  std::string text = "Translated by";
  for (int i = 0; i < 20000; ++i) text += " Anna,";
  text += std::string(200000, '[') + "[signature] (" + std::string(100000, 'A') + "\n";
  text += "checked" + std::string(50000, ' ') + "by\n/signed/";
  const auto found = contributors(text);
  EXPECT_LE(found.size(), 64u);
}

TEST(Hostile, TriggerAtTheVeryEnd) {
  EXPECT_THAT(contributors("Translated by"), IsEmpty());
  EXPECT_THAT(contributors("[signature]"), IsEmpty());
  EXPECT_THAT(contributors("Copies to:"), IsEmpty());
}

// ------------------------------------------------------------ acceptance

std::string seed_text(const std::string& prefix) {
  const auto dir = seeds_dir();
  if (dir.empty()) return {};
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().starts_with(prefix)) {
      return read_file(entry.path());
    }
  }
  return {};
}

std::set<NameRole> as_set(const std::vector<NameRole>& v) {
  return {v.begin(), v.end()};
}

TEST(Acceptance, Seed000WholeText) {
  const std::string text = seed_text("000_");
  if (text.empty()) GTEST_SKIP() << "seeds not available";
  const std::set<NameRole> expected = {{"Jordan Baev", "obtained_by"},
                                       {"Greta Keremidchieva", "translator"},
                                       {"Dimo Dichev", "author"}};
  EXPECT_EQ(as_set(contributors(text)), expected);
  const auto with_entry =
      enrich({text, "Obtained by Jordan Baev and translated by Greta Keremidchieva", {}, {}});
  EXPECT_EQ(as_set(contributors_of(with_entry)), expected);
  EXPECT_EQ(contributors_of(with_entry).size(), 3u);
}

TEST(Acceptance, Seed004WholeText) {
  const std::string text = seed_text("004_");
  if (text.empty()) GTEST_SKIP() << "seeds not available";
  EXPECT_EQ(as_set(contributors(text)), (std::set<NameRole>{{"Gary Goldberg", "translator"},
                                                            {"Rozanov", "checked_by"},
                                                            {"Suvorov", "checked_by"}}));
}

struct CorpusCase {
  std::string file;
  std::string acquisition;  // the sentence an archive-record ingester would lift out
  std::set<NameRole> expected;
  std::string position;
};

std::vector<CorpusCase> corpus_cases() {
  return {
      {"record-1952-02-09-pak-hon-yong-memorandum.txt",
       "Obtained and translated by Kirill Andronov.",
       {{"Kirill Andronov", "obtained_by"},
        {"Kirill Andronov", "translator"},
        {"V. Grigor'yan", "signatory"}},
       "Chairman of the Foreign Policy Commission of the VKP(b) [All-Union Communist Party "
       "(Bolsheviks)] CC"},
      {"record-1956-10-05-fedorenko-ri-sang-jo-conversation.txt",
       "Translated by Lena Hartwig.",
       {{"Lena Hartwig", "translator"}, {"N. Fedorenko", "signatory"}},
       "Deputy Minister of Foreign Affairs of the USSR"},
      {"record-1957-03-14-mikoyan-telegram.txt",
       "Obtained by Marina Telnova and translated by Owen Castellan.",
       {{"Marina Telnova", "obtained_by"},
        {"Owen Castellan", "translator"},
        {"V. Ivanov", "signatory"}},
       "Ambassador of the USSR in the DPRK"},
      {"record-1960-06-18-kim-il-sung-speech-soviet-specialists.txt",
       "",
       {{"A. Kurbatov", "checked_by"}, {"N. Semenova", "checked_by"}},
       ""},
      {"record-1962-02-12-bulgarian-embassy-report.txt",
       "Obtained by Nadia Petkova-Lind and translated by Boris Mandev.",
       {{"Nadia Petkova-Lind", "obtained_by"},
        {"Boris Mandev", "translator"},
        {"Stefan Ignatov", "signatory"}},
       "Ambassador"},
      {"record-1964-04-19-rodong-sinmun-editorial.txt", "", {{"Hye-jin Lowell", "translator"}}, ""},
      {"record-1965-02-16-fadeyev-conversation.txt",
       "Obtained by Marina Telnova. Translated by Owen Castellan.",
       {{"Marina Telnova", "obtained_by"},
        {"Owen Castellan", "translator"},
        {"Yu. Fadeyev", "signatory"}},
       "First Secretary of the Embassy of the USSR in the DPRK"},
      {"record-1969-06-20-hungarian-embassy-report.txt",
       "",
       {{"Ágnes Veres", "translator"}, {"József Kárpáti", "author"}},
       ""},
  };
}

TEST(Acceptance, ExampleCorpusRecordsWholeText) {
  const auto dir = source_dir() / "examples/corpus";
  for (const CorpusCase& c : corpus_cases()) {
    SCOPED_TRACE(c.file);
    const std::string text = read_file(dir / c.file);
    ASSERT_FALSE(text.empty());
    const auto record = enrich({text, "", {}, {}});
    EXPECT_EQ(as_set(contributors_of(record)), c.expected);
    EXPECT_EQ(contributors_of(record).size(), c.expected.size());
    EXPECT_EQ(metadata_value(record, "signatory_position"), c.position);
  }
}

TEST(Acceptance, ExampleCorpusRecordsWithAcquisitionEntry) {
  const auto dir = source_dir() / "examples/corpus";
  for (const CorpusCase& c : corpus_cases()) {
    if (c.acquisition.empty()) continue;
    SCOPED_TRACE(c.file);
    const std::string text = read_file(dir / c.file);
    const auto record = enrich({text, c.acquisition, {}, {}});
    EXPECT_EQ(as_set(contributors_of(record)), c.expected);
    EXPECT_EQ(contributors_of(record).size(), c.expected.size());
  }
}

TEST(Acceptance, ArticleDocumentSectionObtainedAndTranslated) {
  const std::string text = read_file(source_dir() / "examples/corpus/article-damaged.txt");
  ASSERT_FALSE(text.empty());
  const auto found = as_set(contributors(text));
  EXPECT_TRUE(found.contains({"Halina Worth", "obtained_by"}));
  EXPECT_TRUE(found.contains({"Halina Worth", "translator"}));
}

}  // namespace
