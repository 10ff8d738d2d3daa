// enrich/entities through the real plugin binary run by the SDK's harness
// (opis/testing.hpp): authority matching, romanizations, acronyms, unknown
// persons, spans, config and hostile input. This executable links neither
// the host nor protobuf.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <opis/testing.hpp>
#include <string>

#include "entities_test_support.hpp"
#include "temp_files.hpp"

namespace {

using entities_test::describe;
using entities_test::enrich;
using entities_test::enrich_text;
using entities_test::Input;
using entities_test::json_string;
using entities_test::sole_canonical;
using entities_test::with_canonical;
using entities_test::with_surface;
using opis::test_files::TempDir;
using opis::testing::Harness;
using opis::testing::Record;

// A config naming one authority file.
std::string authority_files(const std::string& file) {
  return R"({"authority_files": [)" + json_string(file) + "]}";
}
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// --- romanizations: each equality of the issue on its own fixture

TEST(Romanization, PakHeonyeongIsPakHonyong) {
  EXPECT_EQ(sole_canonical("the trial of Pak Heonyeong"), "Pak Hon-yong");
}
TEST(Romanization, BakHeonyeongIsPakHonyong) {
  EXPECT_EQ(sole_canonical("the Bak Heonyeong clique"), "Pak Hon-yong");
}
TEST(Romanization, PakHonHyphenYongIsPakHonyong) {
  EXPECT_EQ(sole_canonical("a talk with Pak Hon-yong."), "Pak Hon-yong");
}
TEST(Romanization, PakHeonHyphenYeongIsPakHonyong) {
  EXPECT_EQ(sole_canonical("Pak Heon-yeong said"), "Pak Hon-yong");
}
TEST(Romanization, PakHonYongWithBrevesIsPakHonyong) {
  EXPECT_EQ(sole_canonical("Pak Hŏn-yŏng said"), "Pak Hon-yong");
}
TEST(Romanization, LiSangjoIsRiSangjo) {
  EXPECT_EQ(sole_canonical("The Korean delegate Li Sangjo reports"), "Ri Sang-jo");
}
TEST(Romanization, RiSangHyphenJoIsRiSangjo) {
  EXPECT_EQ(sole_canonical("Ri Sang-jo came to see me"), "Ri Sang-jo");
}
TEST(Romanization, YiSangHyphenJoIsRiSangjo) {
  EXPECT_EQ(sole_canonical("Yi Sang-jo came to see me"), "Ri Sang-jo");
}
TEST(Romanization, ChoeChangikIsChoeChangik) {
  EXPECT_EQ(sole_canonical("the group of Choe Changik"), "Choe Chang-ik");
}
TEST(Romanization, ChoeChangHyphenIkIsChoeChangik) {
  EXPECT_EQ(sole_canonical("Choe Chang-ik and others"), "Choe Chang-ik");
}
TEST(Romanization, ChApostropheOeChApostropheAngIkIsChoeChangik) {
  EXPECT_EQ(sole_canonical("Ch'oe Ch'ang-ik and others"), "Choe Chang-ik");
  EXPECT_EQ(sole_canonical("Ch’oe Ch’ang-ik and others"), "Choe Chang-ik");
}
TEST(Romanization, PyeongyangIsPyongyang) {
  EXPECT_EQ(sole_canonical("a reception in Pyeongyang"), "Pyongyang");
}
TEST(Romanization, PApostropheYongyangWithBreveIsPyongyang) {
  EXPECT_EQ(sole_canonical("a reception in P'yŏngyang"), "Pyongyang");
}
TEST(Romanization, AllCapitalHeadingStillMatches) {
  EXPECT_EQ(sole_canonical("PYONGYANG, 3 March"), "Pyongyang");
}
TEST(Romanization, KimIlSungSplitOrJoinedIsOnePerson) {
  const auto record = enrich_text("Kim Il Sung, Kim Il-sung and Kim Il-sŏng");
  ASSERT_EQ(record.entities.size(), 1u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Kim Il Sung");
  EXPECT_EQ(record.entities[0].authority_id, "wikidata:Q39464");
  EXPECT_THAT(record.entities[0].surface, ElementsAre("Kim Il Sung", "Kim Il-sung", "Kim Il-sŏng"));
}

// --- the authority

TEST(Authority, LongestMatchWins) {
  const auto record = enrich_text("Vice Premier Kim Il and Kim Il Sung met.");
  ASSERT_EQ(record.entities.size(), 2u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Kim Il");
  EXPECT_EQ(record.entities[1].canonical, "Kim Il Sung");
}

TEST(Authority, InitialsAndSurnameResolveToTheLeader) {
  const auto record = enrich_text("To Comrade A. I. Mikoyan. Mikoyan and N. S. Khrushchev agreed.");
  ASSERT_EQ(record.entities.size(), 2u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Anastas Mikoyan");
  EXPECT_THAT(record.entities[0].surface, ElementsAre("A. I. Mikoyan", "Mikoyan"));
  EXPECT_EQ(record.entities[1].canonical, "Nikita Khrushchev");
}

TEST(Authority, OrganizationsAndPlacesHaveTheirTypes) {
  const auto record = enrich_text("The CPSU sent a delegation from Moscow to Beijing.");
  const auto* cpsu = with_surface(record, "CPSU");
  ASSERT_NE(cpsu, nullptr) << describe(record);
  EXPECT_EQ(cpsu->type, "organization");
  EXPECT_EQ(cpsu->canonical, "Communist Party of the Soviet Union");
  ASSERT_NE(with_surface(record, "Moscow"), nullptr);
  EXPECT_EQ(with_surface(record, "Moscow")->type, "place");
  EXPECT_EQ(with_surface(record, "Beijing")->authority_id, "wikidata:Q956");
}

TEST(Authority, PekingIsBeijing) {
  EXPECT_EQ(sole_canonical("unless Peking did"), "Beijing");
}

TEST(Authority, CurlyAndStraightApostrophesAreOneOrganization) {
  const auto record = enrich_text("the Korean Workers’ Party and the Korean Workers' Party");
  ASSERT_EQ(record.entities.size(), 1u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Korean Workers' Party");
  EXPECT_THAT(record.entities[0].surface,
              ElementsAre("Korean Workers’ Party", "Korean Workers' Party"));
}

TEST(Authority, PossessiveEndsTheName) {
  const auto record = enrich_text("the Bulgarian Communist Party's Foreign Policy Department");
  const auto* bcp = with_canonical(record, "Bulgarian Communist Party");
  ASSERT_NE(bcp, nullptr) << describe(record);
  EXPECT_THAT(bcp->surface, ElementsAre("Bulgarian Communist Party"));
}

TEST(Authority, AcronymsMatchOnlyInCapitals) {
  EXPECT_EQ(enrich_text("let us go; the ccp and kwp").entities.size(), 0u);
  EXPECT_EQ(sole_canonical("between the CPSU and the US"), "");
  EXPECT_NE(with_canonical(enrich_text("between the CPSU and the US"), "United States"), nullptr);
}

TEST(Authority, LowerCaseWordsDoNotStartNames) {
  EXPECT_EQ(enrich_text("mao and stalin and moscow").entities.size(), 0u);
}

TEST(Authority, NameMayBreakAcrossALineButNotAParagraph) {
  EXPECT_EQ(sole_canonical("said Kim Il\nSung today"), "Kim Il Sung");
  const auto record = enrich_text("Kim Il\n\nSung");
  ASSERT_EQ(record.entities.size(), 1u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Kim Il");
}

TEST(Authority, ExtraFileAddsAndOverridesByCanonical) {
  TempDir dir;
  const auto file = dir.write("extra.tsv",
                              "# a user's file\n"
                              "person\tDimitar Kolev\t\tD. Kolev\n"
                              "place\tPyongyang\twikidata:Q18808\tHeijo\n");
  const auto record =
      enrich_text("D. Kolev went to Heijo, then Pyongyang.", authority_files(file.string()));
  const auto* kolev = with_canonical(record, "Dimitar Kolev");
  ASSERT_NE(kolev, nullptr) << describe(record);
  const auto* pyongyang = with_canonical(record, "Pyongyang");
  ASSERT_NE(pyongyang, nullptr);
  EXPECT_THAT(pyongyang->surface, ElementsAre("Heijo", "Pyongyang"));
  // The replaced row loses its old variants.
  EXPECT_EQ(enrich_text("Phenian", authority_files(file.string())).entities.size(), 0u);
  EXPECT_EQ(sole_canonical("Phenian"), "Pyongyang");
}

TEST(Authority, UnreadableExtraFileStopsThePluginWithItsName) {
  try {
    Harness plugin(OPIS_PLUGIN_FILE, authority_files("/nonexistent.tsv"));
    FAIL() << "the plugin started";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot read '/nonexistent.tsv'"));
  }
}

TEST(Authority, MalformedExtraFileIsNamedWithItsLine) {
  TempDir dir;
  const auto file = dir.write("bad.tsv", "person\tA B\n\nbuilding\tKremlin\n");
  try {
    Harness plugin(OPIS_PLUGIN_FILE, authority_files(file.string()));
    FAIL() << "the plugin started";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("bad.tsv:3: unknown type 'building'"));
  }
}

// --- annotations and spans

TEST(Spans, EachMentionIsAnAnnotationWithByteOffsets) {
  const std::string text = "“Ágnes” — Comrade Kim Il Sung went to Pyeongyang.";
  const auto record = enrich_text(text);
  ASSERT_EQ(record.annotations.size(), 2u) << describe(record);
  const auto& person = record.annotations[0];
  EXPECT_EQ(person.type, "person");
  EXPECT_EQ(person.value, "Kim Il Sung");
  EXPECT_EQ(person.plugin, "entities");
  EXPECT_EQ(person.begin, text.find("Kim"));
  EXPECT_EQ(text.substr(person.begin, person.end - person.begin), "Kim Il Sung");
  const auto& place = record.annotations[1];
  EXPECT_EQ(place.type, "place");
  EXPECT_EQ(place.value, "Pyongyang");
  EXPECT_EQ(text.substr(place.begin, place.end - place.begin), "Pyeongyang");
}

TEST(Spans, DiacriticsInsideTheNameAreCountedInBytes) {
  const std::string text = "Ŏ. Pak Hŏn-yŏng, János Kádár.";
  const auto record = enrich_text(text);
  for (const auto& a : record.annotations) {
    const std::string surface = text.substr(a.begin, a.end - a.begin);
    EXPECT_TRUE(surface == "Pak Hŏn-yŏng" || surface == "János Kádár") << surface;
  }
  EXPECT_EQ(record.annotations.size(), 2u) << describe(record);
}

TEST(Spans, TitleAndSummaryGiveEntitiesButNoAnnotations) {
  Input input;
  input.title = "Telegram from Soviet Ambassador V. I. Ivanov";
  input.text = "Nothing here.";
  input.summary = "Ivanov reports from Pyongyang.";
  const auto record = enrich(input);
  EXPECT_NE(with_canonical(record, "V. I. Ivanov"), nullptr) << describe(record);
  EXPECT_NE(with_canonical(record, "Pyongyang"), nullptr);
  EXPECT_EQ(record.annotations.size(), 0u);
}

// A listing entry's text is its title and its summary, a paragraph each:
// the mentions of those fields are taken from the text's. A blank line of a
// space and two breaks separates names just as well, but the fields are then
// read on their own: both ways must give the same entities.
TEST(Spans, TitleAndSummaryThatAreParagraphsOfTheTextGiveWhatTheyGiveAlone) {
  const std::string title =
      "Telegram from Soviet Ambassador V. I. Ivanov to A. I. Mikoyan on the DPRK";
  const std::string summary =
      "Kim Il Sung told Comrade Dimitar Kolev in Pyongyang, that Pak Heonyeong had left.";
  Input listing;
  listing.title = title;
  listing.summary = summary;
  listing.text = title + "\n\n" + summary;
  Input apart = listing;
  apart.text = title + "\n \n" + summary;
  const auto reused = enrich(listing);
  const auto read_alone = enrich(apart);
  ASSERT_EQ(reused.entities.size(), read_alone.entities.size()) << describe(reused);
  ASSERT_GE(reused.entities.size(), 6u) << describe(reused);
  for (size_t i = 0; i < reused.entities.size(); ++i) {
    EXPECT_EQ(reused.entities[i].type, read_alone.entities[i].type);
    EXPECT_EQ(reused.entities[i].canonical, read_alone.entities[i].canonical);
    EXPECT_EQ(reused.entities[i].surface, read_alone.entities[i].surface);
  }
  ASSERT_EQ(reused.annotations.size(), read_alone.annotations.size());
  for (size_t i = 0; i < reused.annotations.size(); ++i) {
    const auto& a = reused.annotations[i];
    EXPECT_EQ(
        reused.text.substr(a.begin, a.end - a.begin),
        read_alone.text.substr(read_alone.annotations[i].begin,
                               read_alone.annotations[i].end - read_alone.annotations[i].begin));
  }
}

// The title stands in the text, but inside a sentence where the text's name
// runs on: the title is read on its own and keeps its own mention.
TEST(Spans, TitleInsideASentenceOfTheTextIsReadOnItsOwn) {
  Input input;
  input.title = "Comrade Kolev";
  input.text = "Then Comrade Kolev-Petrov arrived.\n\nNothing else.";
  const auto record = enrich(input);
  const entities_test::Entity* title_person = with_surface(record, "Kolev");
  ASSERT_NE(title_person, nullptr) << describe(record);
  EXPECT_EQ(title_person->canonical, "Kolev");
  EXPECT_NE(with_surface(record, "Kolev-Petrov"), nullptr) << describe(record);
}

TEST(Spans, SurfacesAreMergedUnderOneCanonicalInOrderOfFirstAppearance) {
  const auto record = enrich_text(
      "Pak Hon-yong met Pak Heonyeong's friends; later Bak Heonyeong and Pak Hon-yong.");
  ASSERT_EQ(record.entities.size(), 1u) << describe(record);
  EXPECT_THAT(record.entities[0].surface,
              ElementsAre("Pak Hon-yong", "Pak Heonyeong", "Bak Heonyeong"));
  EXPECT_EQ(record.annotations.size(), 4u);
}

TEST(Spans, RerunningDoesNotDuplicate) {
  auto record = Record::with_text("Kim Il Sung in Moscow");
  Harness plugin(OPIS_PLUGIN_FILE);
  ASSERT_NO_THROW(plugin.enrich(record));
  ASSERT_NO_THROW(plugin.enrich(record));
  EXPECT_EQ(record.entities().size(), 2u);
  EXPECT_EQ(record.annotations().size(), 2u);
}

// --- acronyms the document defines

TEST(Acronyms, BracketDefinitionInTextIsLearned) {
  const auto record = enrich_text(
      "the MFA USSR [Ministry of Foreign Affairs of the USSR] replied. Later the MFA USSR "
      "agreed.");
  const auto* mfa = with_canonical(record, "Ministry of Foreign Affairs of the USSR");
  ASSERT_NE(mfa, nullptr) << describe(record);
  EXPECT_EQ(mfa->type, "organization");
  EXPECT_THAT(mfa->surface, ElementsAre("MFA USSR", "Ministry of Foreign Affairs of the USSR"));
}

TEST(Acronyms, UnknownExpansionBecomesAnOrganization) {
  const auto record =
      enrich_text("the GPC [General Planning Commission] met. The GPC then reported.");
  const auto* gpc = with_canonical(record, "General Planning Commission");
  ASSERT_NE(gpc, nullptr) << describe(record);
  EXPECT_EQ(gpc->type, "organization");
  EXPECT_THAT(gpc->surface, ElementsAre("GPC", "General Planning Commission"));
  int mentions = 0;
  for (const auto& a : record.annotations) mentions += a.value == "General Planning Commission";
  EXPECT_EQ(mentions, 3);
}

TEST(Acronyms, ParenthesisDefinitionIsLearned) {
  const auto record =
      enrich_text("the Federation of Korean Trade Unions (FKTU) met. The FKTU protested.");
  const auto* fktu = with_canonical(record, "Federation of Korean Trade Unions");
  ASSERT_NE(fktu, nullptr) << describe(record);
  EXPECT_THAT(fktu->surface, ElementsAre("Federation of Korean Trade Unions", "FKTU"));
}

TEST(Acronyms, KoreanWorkersPartyInParenthesesResolvesToTheAuthority) {
  const auto record = enrich_text("the Korean Workers' Party (KWP) and the KWP");
  ASSERT_EQ(record.entities.size(), 1u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Korean Workers' Party");
  EXPECT_THAT(record.entities[0].surface, ElementsAre("Korean Workers' Party", "KWP"));
}

TEST(Acronyms, ExpansionAnnotationOfTheIngesterIsRead) {
  Input input;
  // The bracket is gone from the text: only the annotation defines XYZ.
  input.text = "The XYZ met; the XYZ decided.";
  input.expansions = {{"XYZ", "Xian Youth Committee", 4, 7}};
  const auto record = enrich(input);
  const auto* xyz = with_canonical(record, "Xian Youth Committee");
  ASSERT_NE(xyz, nullptr) << describe(record);
  EXPECT_THAT(xyz->surface, ElementsAre("XYZ"));
}

TEST(Acronyms, ExpansionMatchingTheAuthorityUsesItsCanonical) {
  Input input;
  input.text = "The PKP condemned it. The PKP later";
  input.expansions = {{"PKP", "Polish United Workers’ Party", 0, 0}};
  const auto record = enrich(input);
  const auto* puwp = with_canonical(record, "Polish United Workers' Party");
  ASSERT_NE(puwp, nullptr) << describe(record);
  EXPECT_THAT(puwp->surface, ElementsAre("PKP"));
}

TEST(Acronyms, DocumentDefinitionOverridesTheAuthority) {
  const auto record = enrich_text("the CPC [Committee for Party Control] checked the CPC files");
  const auto* cpc = with_surface(record, "CPC");
  ASSERT_NE(cpc, nullptr) << describe(record);
  EXPECT_EQ(cpc->canonical, "Committee for Party Control");
}

TEST(Acronyms, NotesAndInsertionsAreNotDefinitions) {
  const auto record = enrich_text(
      "REPORT [on the distribution] and TASS [Translator's note: see above] and ABC [text of the "
      "menu] and XY [of 81 Communist and Workers Parties]");
  EXPECT_EQ(record.entities.size(), 0u) << describe(record);
}

TEST(Acronyms, ExpansionThatNamesNoOrganizationIsNotLearned) {
  const auto record = enrich_text("the QQ [Quiet Quarter] was empty; the QQ again");
  EXPECT_EQ(record.entities.size(), 0u) << describe(record);
}

TEST(Acronyms, GenericExpansionThatSaysNotWhoseIsNotLearned) {
  const auto record = enrich_text("the CC [Central Committee] met; the CC decided");
  EXPECT_EQ(record.entities.size(), 0u) << describe(record);
}

TEST(Acronyms, PossessiveExpansionResolvesWithoutTheS) {
  const auto record = enrich_text("the CPSU [Communist Party of the Soviet Union’s] line");
  ASSERT_EQ(record.entities.size(), 1u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Communist Party of the Soviet Union");
}

TEST(Authority, DottedInitialsAreNotOrdinaryWords) {
  EXPECT_EQ(sole_canonical("the U.N. debate"), "United Nations");
  EXPECT_EQ(enrich_text("Un jour. Us too.").entities.size(), 0u);
}

// --- persons not in the authority

TEST(UnknownNames, AfterComradeTheNameAsWritten) {
  const auto record = enrich_text(
      "the First Secretary of our Embassy, Comrade Dimitar Kolev, "
      "visited.");
  ASSERT_EQ(record.entities.size(), 1u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Dimitar Kolev");
  EXPECT_EQ(record.entities[0].type, "person");
  EXPECT_EQ(record.entities[0].authority_id, "");
}

TEST(UnknownNames, LoneSurnameJoinsTheDocumentsOnlyPersonOfThatName) {
  const auto record = enrich_text(
      "Comrade Dimitar Kolev visited. Comrade Kolev remarked. "
      "Ambassador Ivanov and V. I. Ivanov.");
  ASSERT_EQ(record.entities.size(), 2u) << describe(record);
  EXPECT_THAT(record.entities[0].surface, ElementsAre("Dimitar Kolev", "Kolev"));
  EXPECT_EQ(record.entities[1].canonical, "V. I. Ivanov");
  EXPECT_THAT(record.entities[1].surface, ElementsAre("Ivanov", "V. I. Ivanov"));
}

TEST(UnknownNames, LoneSurnameOfTwoPersonsStaysAsWritten) {
  const auto record = enrich_text(
      "Comrade Dimitar Kolev and Comrade Petar Kolev. Comrade Kolev "
      "remarked.");
  EXPECT_NE(with_canonical(record, "Kolev"), nullptr) << describe(record);
}

TEST(UnknownNames, AfterCounsellorAndAmbassador) {
  EXPECT_EQ(sole_canonical("Counsellor Pak Yong-guk received the note"), "Pak Yong-guk");
  EXPECT_EQ(sole_canonical("as Ambassador Stefan Ignatov said"), "Stefan Ignatov");
  EXPECT_EQ(sole_canonical("Cde. Pak Seong-cheol"), "Pak Song-chol");
  EXPECT_EQ(sole_canonical("Dr. Halina Worth wrote"), "Halina Worth");
}

TEST(UnknownNames, InitialsAndSurname) {
  EXPECT_EQ(sole_canonical("signed by Yu. Fadeyev today"), "Yu. Fadeyev");
  EXPECT_EQ(sole_canonical("Comrade B. M. Kuznetsov's question"), "B. M. Kuznetsov");
  EXPECT_EQ(sole_canonical("checked by A.M. Puzanov"), "A. M. Puzanov");
  EXPECT_EQ(sole_canonical("checked by A.S. Pavlichenko"), "A. S. Pavlichenko");
  EXPECT_EQ(sole_canonical("Obtained by N. Petkova-Lind"), "N. Petkova-Lind");
}

TEST(UnknownNames, KoreanNameShape) {
  const auto record = enrich_text("I met Kim Tae-hwan at a reception. Kim Tae-hwan's view");
  ASSERT_EQ(record.entities.size(), 1u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Kim Tae-hwan");
  EXPECT_EQ(record.annotations.size(), 2u);
  EXPECT_EQ(sole_canonical("a call on Ri Jong-mok, Deputy Minister"), "Ri Jong-mok");
}

TEST(UnknownNames, SpacingIsNormalized) {
  EXPECT_EQ(sole_canonical("Comrade Dimitar\nKolev said"), "Dimitar Kolev");
}

TEST(UnknownNames, NoGuessAfterTitleFollowedByCommonOrOrganizationWords) {
  for (const char* text :
       {"the Ambassador said", "Deputy Minister of Foreign Affairs replied",
        "the General Assembly met", "Secretary General", "the Minister. The next day",
        "Comrade January", "Ambassador: [signature]", "the Chairman, Kolev", "Minister Kim said",
        "General Department, 2nd sector"}) {
    const auto record = enrich_text(text);
    EXPECT_EQ(record.entities.size(), 0u) << text << "\n" << describe(record);
  }
}

TEST(UnknownNames, NoGuessForInitialsBeforeNonNames) {
  for (const char* text : {"Fond 1-B, Opis 33, A.E. 1590", "the U.S. Army", "Plan B. The plan",
                           "in March. May was warm", "World War I. Soviet troops"}) {
    const auto record = enrich_text(text);
    for (const auto& e : record.entities) {
      EXPECT_NE(e.type, "person") << text << "\n" << describe(record);
    }
  }
}

TEST(UnknownNames, NoGuessForSentenceInitialCapitalsOrHyphenatedWords) {
  for (const char* text : {"The Korean side agreed. Korea-based firms", "Han Dynasty-era art",
                           "Pak said so. Kim remarked", "So Long-term plans", "An Well-being"}) {
    const auto record = enrich_text(text);
    for (const auto& e : record.entities) {
      EXPECT_NE(e.type, "person") << text << "\n" << describe(record);
    }
  }
}

TEST(UnknownNames, KnownNameAfterInitialIsNotSwallowed) {
  const auto record = enrich_text("World War I. Stalin said");
  ASSERT_EQ(record.entities.size(), 1u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Joseph Stalin");
}

TEST(UnknownNames, DetectUnknownOffFindsOnlyTheAuthority) {
  const auto record = enrich_text("Comrade Dimitar Kolev met Kim Il Sung and Kim Tae-hwan",
                                  R"({"detect_unknown": false})");
  ASSERT_EQ(record.entities.size(), 1u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Kim Il Sung");
}

// --- config and hostile input

TEST(Config, TypesSelectsWhatIsReported) {
  const auto record = enrich_text("Kim Il Sung of the KWP in Pyongyang", R"({"types": ["place"]})");
  ASSERT_EQ(record.entities.size(), 1u) << describe(record);
  EXPECT_EQ(record.entities[0].canonical, "Pyongyang");
  EXPECT_EQ(record.annotations.size(), 1u);
}

TEST(Config, UnknownKeyIsRefused) {
  EXPECT_THROW(Harness(OPIS_PLUGIN_FILE, R"({"typo": true})"), std::exception);
  EXPECT_THROW(Harness(OPIS_PLUGIN_FILE, R"({"types": ["building"]})"), std::exception);
}

TEST(HostileInput, EmptyRecordGivesNothing) {
  const auto record = enrich_text("");
  EXPECT_EQ(record.entities.size(), 0u);
  EXPECT_EQ(record.annotations.size(), 0u);
}

TEST(HostileInput, HugeLineAndOddCharactersDoNotCrash) {
  std::string text(2'000'000, 'A');
  text += " Kim Il Sung ";
  text += std::string(100'000, '[');
  text += " (((( CPSU [ ";
  text += std::string(50'000, '-');
  text += "Pyongyang's";
  const auto record = enrich_text(text);
  EXPECT_NE(with_canonical(record, "Kim Il Sung"), nullptr) << describe(record);
  EXPECT_NE(with_canonical(record, "Pyongyang"), nullptr);
}

TEST(HostileInput, ManyCapitalizedWordsInARow) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Comrade Kim Il Sung Pak ";
  const auto record = enrich_text(text);
  ASSERT_EQ(record.entities.size(), 1u) << describe(record).substr(0, 500);
  EXPECT_EQ(record.annotations.size(), 20000u);
}

}  // namespace
