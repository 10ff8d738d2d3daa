// enrich/entities over real documents: the development seeds (skipped when
// ../shared/seeds is absent) and the project's example corpus, each whole
// file taken as the record's text, through the SDK's harness
// (opis/testing.hpp) with neither the host nor protobuf linked.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "entities_test_support.hpp"
#include "temp_files.hpp"

namespace {

using entities_test::describe;
using entities_test::enrich_text;
using entities_test::Enriched;
using entities_test::with_canonical;
using entities_test::with_surface;
using ::testing::Contains;

Enriched enrich_file(const std::filesystem::path& file) {
  return enrich_text(opis::test_files::read_file(file));
}

std::filesystem::path corpus(const std::string& name) {
  return entities_test::source_dir() / "examples/corpus" / name;
}

// Every annotation's offsets cut exactly a surface of its entity.
void expect_spans_match_surfaces(const Enriched& record) {
  for (const auto& a : record.annotations) {
    ASSERT_LE(a.end, record.text.size());
    const std::string surface = record.text.substr(a.begin, a.end - a.begin);
    const auto* entity = with_canonical(record, a.value);
    ASSERT_NE(entity, nullptr) << a.value;
    std::string spaced;
    for (const char c : surface) {
      const bool blank = c == ' ' || c == '\n';
      if (!(blank && !spaced.empty() && spaced.back() == ' ')) spaced += blank ? ' ' : c;
    }
    EXPECT_THAT(entity->surface, Contains(spaced)) << a.value;
  }
}

TEST(EntitiesAcceptance, Seed000RecordPage) {
  const auto seeds = entities_test::seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "no ../shared/seeds";
  const auto record = enrich_file(seeds / "000_7b0f58b745e042a5.txt");
  const auto* kim = with_canonical(record, "Kim Il Sung");
  ASSERT_NE(kim, nullptr) << describe(record);
  EXPECT_EQ(kim->type, "person");
  const auto* cpsu = with_surface(record, "CPSU");
  ASSERT_NE(cpsu, nullptr) << describe(record);
  EXPECT_EQ(cpsu->type, "organization");
  EXPECT_EQ(cpsu->canonical, "Communist Party of the Soviet Union");
  const auto* pyongyang = with_canonical(record, "Pyongyang");
  ASSERT_NE(pyongyang, nullptr);
  EXPECT_EQ(pyongyang->type, "place");
  const auto* dichev = with_canonical(record, "Dimo Dichev");
  ASSERT_NE(dichev, nullptr);
  EXPECT_EQ(dichev->type, "person");
  EXPECT_EQ(with_surface(record, "CC BCP")->canonical,
            "Central Committee of the Bulgarian Communist Party");
  EXPECT_EQ(with_surface(record, "Korean Workers’ Party")->canonical, "Korean Workers' Party");
  EXPECT_NE(with_canonical(record, "Party of Labor of Albania"), nullptr);
  EXPECT_NE(with_canonical(record, "Enver Hoxha"), nullptr);
  EXPECT_NE(with_canonical(record, "Kim Kwang-hyop"), nullptr);
  expect_spans_match_surfaces(record);
}

TEST(EntitiesAcceptance, Seed004SpeechFindsKimIlSungAndNoMonthPersons) {
  const auto seeds = entities_test::seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "no ../shared/seeds";
  const auto record = enrich_file(seeds / "004_6b099c9bf1af78cb.txt");
  EXPECT_NE(with_canonical(record, "Kim Il Sung"), nullptr) << describe(record);
  for (const auto& e : record.entities) {
    for (const char* month : {"January", "March", "June", "December"}) {
      EXPECT_EQ(e.canonical.find(month), std::string::npos) << describe(record);
    }
  }
  expect_spans_match_surfaces(record);
}

TEST(EntitiesAcceptance, PakHeonyeongIsOnePersonAcrossThreeRecords) {
  const auto r1957 = enrich_file(corpus("record-1957-03-14-mikoyan-telegram.txt"));
  const auto r1960 =
      enrich_file(corpus("record-1960-06-18-kim-il-sung-speech-soviet-specialists.txt"));
  const auto r1952 = enrich_file(corpus("record-1952-02-09-pak-hon-yong-memorandum.txt"));
  const auto* a = with_surface(r1957, "Pak Heonyeong");
  const auto* b = with_surface(r1960, "Bak Heonyeong");
  const auto* c = with_surface(r1952, "Pak Hon-yong");
  ASSERT_NE(a, nullptr) << describe(r1957);
  ASSERT_NE(b, nullptr) << describe(r1960);
  ASSERT_NE(c, nullptr) << describe(r1952);
  EXPECT_EQ(a->type, "person");
  EXPECT_EQ(a->canonical, b->canonical);
  EXPECT_EQ(b->canonical, c->canonical);
  EXPECT_EQ(b->type, c->type);

  const auto* p1957 = with_surface(r1957, "PYONGYANG");
  const auto* p1960 = with_surface(r1960, "Pyeongyang");
  const auto* p1952 = with_surface(r1952, "Pyongyang");
  ASSERT_NE(p1957, nullptr) << describe(r1957);
  ASSERT_NE(p1960, nullptr) << describe(r1960);
  ASSERT_NE(p1952, nullptr) << describe(r1952);
  EXPECT_EQ(p1960->canonical, "Pyongyang");
  EXPECT_EQ(p1960->canonical, p1952->canonical);
  EXPECT_EQ(p1957->canonical, p1952->canonical);
  EXPECT_EQ(p1960->type, "place");
}

TEST(EntitiesAcceptance, Record1952NamesAndTheLearnedVkpb) {
  const auto record = enrich_file(corpus("record-1952-02-09-pak-hon-yong-memorandum.txt"));
  for (const char* name : {"Ri Sang-jo", "Choe Chang-ik", "Peng Dehuai", "Kim Il Sung",
                           "Vyacheslav Molotov", "Georgy Malenkov", "B. M. Kuznetsov"}) {
    EXPECT_NE(with_canonical(record, name), nullptr) << name << "\n" << describe(record);
  }
  EXPECT_EQ(with_surface(record, "VKP(b)")->canonical, "Communist Party of the Soviet Union");
  EXPECT_EQ(with_surface(record, "PRC")->canonical, "China");
  expect_spans_match_surfaces(record);
}

TEST(EntitiesAcceptance, Record1962UnknownPersonsFromContext) {
  const auto record = enrich_file(corpus("record-1962-02-12-bulgarian-embassy-report.txt"));
  for (const char* name :
       {"Dimitar Kolev", "Pak Yong-guk", "A. M. Puzanov", "Kim Il Sung", "Nikita Khrushchev"}) {
    EXPECT_NE(with_canonical(record, name), nullptr) << name << "\n" << describe(record);
  }
  EXPECT_EQ(with_surface(record, "BCP")->canonical, "Bulgarian Communist Party");
  expect_spans_match_surfaces(record);
}

TEST(EntitiesAcceptance, Record1965InitialsAndKoreanShapes) {
  const auto record = enrich_file(corpus("record-1965-02-16-fadeyev-conversation.txt"));
  for (const char* name : {"Yu. Fadeyev", "Kim Tae-hwan", "Alexei Kosygin", "Anastas Mikoyan",
                           "Pak Song-chol", "Yuri Andropov", "Peng Dehuai"}) {
    EXPECT_NE(with_canonical(record, name), nullptr) << name << "\n" << describe(record);
  }
  expect_spans_match_surfaces(record);
}

TEST(EntitiesAcceptance, EveryCorpusFileAndSeedKeepsSpansConsistent) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(entities_test::source_dir() / "examples/corpus")) {
    files.push_back(entry.path());
  }
  const auto seeds = entities_test::seeds_dir();
  if (!seeds.empty()) {
    for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
  }
  ASSERT_GE(files.size(), 8u);
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    expect_spans_match_surfaces(enrich_file(file));
  }
}

}  // namespace
