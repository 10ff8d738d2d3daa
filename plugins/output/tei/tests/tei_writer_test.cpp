// output/tei through the real plugin binary run by the SDK's harness
// (opis/testing.hpp): the files it writes parse as XML, have the TEI
// structure the README claims (checked with XPath, libxml2), mark up the
// annotations sanely, and are replaced, never duplicated, when a record is
// written again. This executable links neither the host nor protobuf.
// Invalid UTF-8 in a field, which neither the host's ABI nor the harness
// lets a record carry, is tested host-based in tei_raw_record_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <opis/testing.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "record_files.hpp"
#include "temp_files.hpp"
#include "xml_assertions.hpp"

namespace {

namespace fs = std::filesystem;
using opis::test::XmlDocument;
using opis::test_files::read_file;
using opis::test_files::TempDir;
using opis::testing::Failure;
using opis::testing::Harness;
using opis::testing::Record;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::vector<std::pair<std::string, std::string>> kTei = {
    {"t", "http://www.tei-c.org/ns/1.0"}};

// The writer's config: its output directory.
std::string tei_config(const fs::path& directory) {
  const auto path = opis::testing::json::Value::string_value(directory.string());
  return R"({"directory": )" + opis::testing::json::dump(path) + "}";
}

void write(Harness& writer, const Record& r) {
  ASSERT_NO_THROW(writer.write(r));
}

void flush(Harness& writer) {
  ASSERT_NO_THROW(writer.flush());
}

void annotate(Record& r, const std::string& type, std::string_view text, const std::string& surface,
              const std::string& value = "", std::vector<opis::sdk::Property> attributes = {}) {
  const size_t begin = text.find(surface);
  ASSERT_NE(begin, std::string_view::npos) << surface;
  opis::sdk::Annotation a;
  a.type = type;
  a.begin = static_cast<uint32_t>(begin);
  a.end = static_cast<uint32_t>(begin + surface.size());
  a.value = value;
  a.attributes = std::move(attributes);
  r.add(a);
}

std::string written(const fs::path& directory, const std::string& id) {
  return read_file(directory / opis::files::file_name_for(id, ".xml"));
}

std::set<std::string> files_in(const fs::path& directory) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

// A telegram with everything the header and body map.
Record telegram() {
  const std::string text =
      "Ivanov met Kim Il Sung in Pyongyang on 14 March 1957.[1]\n"
      "The KWP CC [Translator's note: Central Committee] agreed.\n"
      "\n"
      "Deliveries of wheat resumed 27 November till 1 December 1961.";
  auto r = Record::with_text(text, "Telegram from V. I. Ivanov to A. I. Mikoyan");
  r.set(OPIS_FIELD_ID, "rec-001");
  r.set(OPIS_FIELD_KIND, "record");
  r.set(OPIS_FIELD_DATE_EDTF, "1957-03-14");
  r.set(OPIS_FIELD_DATE_SURFACE, "March 14, 1957");
  r.set(OPIS_FIELD_RIGHTS, "Reuse permitted with attribution.");
  r.set(OPIS_FIELD_SUMMARY, "Ivanov reports on the food situation.");
  r.set(OPIS_FIELD_SOURCE_URI, "corpus/telegram.txt");
  opis::sdk::Citation c;
  c.raw = "RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85";
  c.archive = "RGANI";
  c.fond = "5";
  c.opis = "28";
  c.delo = "410";
  c.pages = "73-85";
  r.add(c);
  opis::sdk::Citation newspaper;
  newspaper.raw = "Rodong Sinmun, 19 April 1964";
  r.add(newspaper);
  for (const auto& [name, role] :
       {std::pair{"Owen Castellan", "translator"}, std::pair{"Marina Telnova", "obtained_by"},
        std::pair{"V. I. Ivanov", "author"}}) {
    r.add(opis::sdk::Contributor{name, role});
  }
  opis::sdk::Entity kim;
  kim.type = "person";
  kim.canonical = "Kim Il Sung";
  kim.authority_id = "wikidata:Q39364";
  r.add(kim);
  opis::sdk::Footnote fn;
  fn.marker = "1";
  fn.text = "The meeting is not in the minutes <sic> & was brief.";
  r.add(fn);
  annotate(r, "person", text, "Kim Il Sung", "Kim Il Sung");
  annotate(r, "place", text, "Pyongyang", "Pyongyang");
  annotate(r, "date", text, "14 March 1957", "1957-03-14");
  annotate(r, "footnote_ref", text, "[1]", "1");
  annotate(r, "organization", text, "KWP CC", "Central Committee of the KWP");
  annotate(r, "editorial_note", text, "[Translator's note: Central Committee]", "Central Committee",
           {opis::sdk::Property{"kind", "translator_note"}});
  annotate(r, "date", text, "27 November till 1 December 1961", "1961-11-27/1961-12-01");
  annotate(r, "page", text, "Deliveries");  // no TEI element: ignored
  return r;
}

TEST(TeiWriter, HeaderHasTitleSourceResponsibilitiesAndCreationDate) {
  TempDir dir;
  Harness writer(OPIS_PLUGIN_FILE, tei_config(dir.path()));
  write(writer, telegram());
  flush(writer);
  XmlDocument xml(written(dir.path(), "rec-001"), kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();

  EXPECT_EQ(xml.number("/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt/t:title"), 1);
  EXPECT_EQ(xml.text("/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt/t:title"),
            "Telegram from V. I. Ivanov to A. I. Mikoyan");
  EXPECT_EQ(xml.text("//t:titleStmt/t:author"), "V. I. Ivanov");
  EXPECT_EQ(xml.number("//t:titleStmt/t:respStmt"), 2);
  EXPECT_EQ(xml.text("//t:titleStmt/t:respStmt[t:resp/@key='translator']/t:persName"),
            "Owen Castellan");
  EXPECT_EQ(xml.text("//t:titleStmt/t:respStmt[t:resp/@key='obtained_by']/t:resp"), "obtained by");
  EXPECT_EQ(xml.text("//t:publicationStmt/t:idno[@type='opis']"), "rec-001");
  EXPECT_EQ(xml.text("//t:publicationStmt/t:availability/t:p"),
            "Reuse permitted with attribution.");

  const std::string ms = "/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc/t:msDesc/t:msIdentifier";
  EXPECT_EQ(xml.number(ms), 1);  // the newspaper citation has no archival identifier
  EXPECT_EQ(xml.text(ms + "/t:repository"), "RGANI");
  EXPECT_EQ(xml.text(ms + "/t:idno[@type='fond']"), "5");
  EXPECT_EQ(xml.text(ms + "/t:idno[@type='opis']"), "28");
  EXPECT_EQ(xml.text(ms + "/t:idno[@type='delo']"), "410");
  EXPECT_EQ(xml.text(ms + "/t:idno[@type='pages']"), "73-85");
  EXPECT_THAT(
      xml.texts("//t:sourceDesc/t:bibl[not(@type='file')]"),
      ElementsAre("RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85", "Rodong Sinmun, 19 April 1964"));
  EXPECT_EQ(xml.text("//t:sourceDesc/t:bibl[@type='file']/t:idno[@type='URI']"),
            "corpus/telegram.txt");

  EXPECT_EQ(xml.text("/t:TEI/t:teiHeader/t:profileDesc/t:creation/t:date/@when"), "1957-03-14");
  EXPECT_EQ(xml.text("/t:TEI/t:teiHeader/t:profileDesc/t:creation/t:date"), "March 14, 1957");
  EXPECT_EQ(xml.text("/t:TEI/t:teiHeader/t:profileDesc/t:abstract/t:p"),
            "Ivanov reports on the food situation.");
}

TEST(TeiWriter, BodyHasParagraphsInlineNamesDatesRefsAndNotes) {
  TempDir dir;
  Harness writer(OPIS_PLUGIN_FILE, tei_config(dir.path()));
  const auto r = telegram();
  write(writer, r);
  flush(writer);
  XmlDocument xml(written(dir.path(), "rec-001"), kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();

  const std::string body = "/t:TEI/t:text/t:body";
  EXPECT_EQ(xml.number(body + "/t:p"), 2);
  EXPECT_EQ(xml.number(body + "/t:p[1]/t:lb"), 1);  // the single line break
  EXPECT_EQ(xml.text(body + "/t:p[1]/t:persName[@key='Kim Il Sung']"), "Kim Il Sung");
  EXPECT_EQ(xml.text(body + "/t:p[1]/t:persName/@ref"), "wikidata:Q39364");
  EXPECT_EQ(xml.text(body + "/t:p[1]/t:placeName"), "Pyongyang");
  EXPECT_EQ(xml.text(body + "/t:p[1]/t:date/@when"), "1957-03-14");
  EXPECT_EQ(xml.text(body + "/t:p[1]/t:date"), "14 March 1957");
  EXPECT_EQ(xml.text(body + "/t:p[1]/t:ref[@type='footnote']/@target"), "#fn1");
  EXPECT_EQ(xml.text(body + "/t:p[1]/t:ref"), "[1]");
  EXPECT_EQ(xml.text(body + "/t:p[1]/t:orgName"), "KWP CC");
  EXPECT_EQ(xml.text(body + "/t:p[1]/t:note[@type='editorial']/@subtype"), "translator_note");
  EXPECT_EQ(xml.text(body + "/t:p[1]/t:note"), "[Translator's note: Central Committee]");
  EXPECT_EQ(xml.text(body + "/t:p[2]/t:date/@from"), "1961-11-27");
  EXPECT_EQ(xml.text(body + "/t:p[2]/t:date/@to"), "1961-12-01");
  EXPECT_EQ(xml.number("//t:p//*[not(self::t:persName or self::t:placeName or self::t:orgName or "
                       "self::t:date or self::t:ref or self::t:note or self::t:lb)]"),
            0);

  // The footnote, with the id the ref points at; markup in it is text.
  EXPECT_EQ(xml.number("/t:TEI/t:text/t:back/t:div[@type='notes']/t:note"), 1);
  EXPECT_EQ(xml.text("//t:back//t:note[@xml:id='fn1']/@n"), "1");
  EXPECT_EQ(xml.text("//t:back//t:note[@xml:id='fn1']"),
            "The meeting is not in the minutes <sic> & was brief.");

  // The paragraphs hold the text exactly (the blank line between them aside).
  const std::string text(r.text());
  const size_t split = text.find("\n\n");
  EXPECT_EQ(xml.text(body + "/t:p[1]"), text.substr(0, split));
  EXPECT_EQ(xml.text(body + "/t:p[2]"), text.substr(split + 2));
}

TEST(TeiWriter, NestedSpansNestAndCrossingSpansAreSkipped) {
  TempDir dir;
  Harness writer(OPIS_PLUGIN_FILE, tei_config(dir.path()));
  const std::string text = "The Embassy of the USSR in Pyongyang reported.";
  auto r = Record::with_text(text, "Spans");
  r.set(OPIS_FIELD_ID, "spans");
  annotate(r, "organization", text, "Embassy of the USSR in Pyongyang", "Soviet Embassy");
  annotate(r, "place", text, "USSR", "USSR");
  annotate(r, "place", text, "Pyongyang", "Pyongyang");
  annotate(r, "person", text, "Pyongyang reported", "crossing");  // starts inside, ends after
  // Bad offsets: past the end, empty, inverted, cutting a character.
  for (const auto& [begin, end] : {std::pair{40u, 400u}, std::pair{4u, 4u}, std::pair{9u, 5u}}) {
    opis::sdk::Annotation a;
    a.type = "place";
    a.begin = begin;
    a.end = end;
    r.add(a);
  }
  write(writer, r);
  flush(writer);
  XmlDocument xml(written(dir.path(), "spans"), kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_EQ(xml.text("//t:p/t:orgName"), "Embassy of the USSR in Pyongyang");
  EXPECT_THAT(xml.texts("//t:p/t:orgName/t:placeName"), ElementsAre("USSR", "Pyongyang"));
  EXPECT_EQ(xml.number("//t:persName"), 0);
  EXPECT_EQ(xml.number("//t:p/t:placeName"), 0);
  EXPECT_EQ(xml.text("//t:p"), text);
}

TEST(TeiWriter, OfTwoCrossingSpansTheOneStartingFirstIsKept) {
  TempDir dir;
  Harness writer(OPIS_PLUGIN_FILE, tei_config(dir.path()));
  const std::string text = "The Embassy of the USSR reported.";
  auto r = Record::with_text(text, "Crossing");
  r.set(OPIS_FIELD_ID, "crossing");
  annotate(r, "organization", text, "Embassy of the USSR", "Soviet Embassy");
  annotate(r, "person", text, "The Embassy", "starts first");
  write(writer, r);
  flush(writer);
  XmlDocument xml(written(dir.path(), "crossing"), kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_EQ(xml.text("//t:p/t:persName"), "The Embassy");
  EXPECT_EQ(xml.number("//t:orgName"), 0);
  EXPECT_EQ(xml.text("//t:p"), text);
}

TEST(TeiWriter, SpansOverParagraphBreaksOrCuttingCharactersAreSkipped) {
  TempDir dir;
  Harness writer(OPIS_PLUGIN_FILE, tei_config(dir.path()));
  const std::string text = "Pak Hŏn-yŏng spoke.\n\nKim answered.";
  auto r = Record::with_text(text, "Breaks");
  r.set(OPIS_FIELD_ID, "breaks");
  annotate(r, "person", text, "spoke.\n\nKim", "across");
  opis::sdk::Annotation cut;  // ends inside "ŏ"
  cut.type = "person";
  cut.begin = 0;
  cut.end = static_cast<uint32_t>(text.find("ŏ") + 1);
  r.add(cut);
  annotate(r, "person", text, "Kim", "Kim");
  write(writer, r);
  flush(writer);
  XmlDocument xml(written(dir.path(), "breaks"), kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_THAT(xml.texts("//t:persName"), ElementsAre("Kim"));
  EXPECT_THAT(xml.texts("//t:body/t:p"), ElementsAre("Pak Hŏn-yŏng spoke.", "Kim answered."));
}

TEST(TeiWriter, DatesThatAreNotLevel0KeepTheTextWithoutWhen) {
  TempDir dir;
  Harness writer(OPIS_PLUGIN_FILE, tei_config(dir.path()));
  const std::string text = "In the summer of 1956 they met.";
  auto r = Record::with_text(text, "Season");
  r.set(OPIS_FIELD_ID, "season");
  r.set(OPIS_FIELD_DATE_EDTF, "1956-22");
  annotate(r, "date", text, "summer of 1956", "1956-22");
  write(writer, r);
  flush(writer);
  XmlDocument xml(written(dir.path(), "season"), kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_EQ(xml.text("//t:creation/t:date"), "1956-22");
  EXPECT_EQ(xml.number("//t:date[@when or @from or @to]"), 0);
  EXPECT_EQ(xml.text("//t:p/t:date"), "summer of 1956");
}

TEST(TeiWriter, AMinimalRecordIsStillACompleteDocument) {
  TempDir dir;
  Harness writer(OPIS_PLUGIN_FILE, tei_config(dir.path()));
  auto r = Record::with_text("");
  r.set(OPIS_FIELD_ID, "empty");
  r.set(OPIS_FIELD_KIND, "");
  write(writer, r);
  flush(writer);
  XmlDocument xml(written(dir.path(), "empty"), kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_EQ(xml.text("//t:titleStmt/t:title"), "empty");  // the id stands in for the title
  EXPECT_EQ(xml.number("//t:sourceDesc/*"), 1);
  EXPECT_EQ(xml.number("//t:sourceDesc/t:bibl[@type='file']/node()"), 0);
  EXPECT_EQ(xml.number("/t:TEI/t:text/t:body/t:p"), 1);
  EXPECT_EQ(xml.number("//t:profileDesc"), 0);
  EXPECT_EQ(xml.number("//t:back"), 0);
}

TEST(TeiWriter, RunningTheSameBatchTwiceLeavesTheSameFiles) {
  TempDir dir;
  const fs::path out = dir / "tei";
  const auto run = [&](const std::string& last_title) {
    Harness writer(OPIS_PLUGIN_FILE, tei_config(out));
    for (const char* id : {"a", "b", "c"}) {
      auto r = Record::with_text(std::string("Body of ") + id + ".", "Title");
      r.set(OPIS_FIELD_ID, id);
      write(writer, r);
    }
    auto again = Record::with_text("Body of a, again.", last_title);
    again.set(OPIS_FIELD_ID, "a");  // redelivered within the batch
    write(writer, again);
    flush(writer);
  };
  run("Title of a");
  const std::set<std::string> first_files = files_in(out);
  std::map<std::string, std::string> first_contents;
  for (const auto& name : first_files) first_contents[name] = read_file(out / name);
  run("Title of a");
  EXPECT_EQ(files_in(out), (std::set<std::string>{"a.xml", "b.xml", "c.xml"}));
  for (const auto& [name, content] : first_contents) {
    EXPECT_EQ(read_file(out / name), content) << name;
  }
  XmlDocument a(read_file(out / "a.xml"), kTei);
  EXPECT_EQ(a.text("//t:titleStmt/t:title"), "Title of a");
  EXPECT_EQ(a.text("//t:body/t:p"), "Body of a, again.");
  run("A new title");  // a later run replaces the file
  EXPECT_EQ(files_in(out).size(), 3u);
  XmlDocument replaced(read_file(out / "a.xml"), kTei);
  EXPECT_EQ(replaced.text("//t:titleStmt/t:title"), "A new title");
}

TEST(TeiWriter, FilesAppearAtFlushNamedAfterTheId) {
  TempDir dir;
  Harness writer(OPIS_PLUGIN_FILE, tei_config(dir.path()));
  auto r = Record::with_text("Text.", "Title");
  r.set(OPIS_FIELD_ID, "../etc/passwd");
  write(writer, r);
  EXPECT_TRUE(files_in(dir.path()).empty());
  flush(writer);
  EXPECT_EQ(files_in(dir.path()), (std::set<std::string>{"%2E.%2Fetc%2Fpasswd.xml"}));
  EXPECT_EQ(opis::files::file_name_for(std::string(300, 'x'), ".xml").size(), 204u);
  EXPECT_NE(opis::files::file_name_for(std::string(300, 'x'), ".xml"),
            opis::files::file_name_for(std::string(301, 'x'), ".xml"));
}

TEST(TeiWriter, ErrorsNameTheDirectory) {
  TempDir dir;
  const fs::path blocker = dir.write("blocker", "a file");
  try {
    Harness writer(OPIS_PLUGIN_FILE, tei_config(blocker));
    ADD_FAILURE() << "a file was accepted as the directory";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr(blocker.string()));
  }
  Harness writer(OPIS_PLUGIN_FILE, tei_config(dir / "out"));
  auto no_id = Record::with_text("Text.");
  no_id.set(OPIS_FIELD_ID, "");
  try {
    writer.write(no_id);
    ADD_FAILURE() << "a record without an id was written";
  } catch (const Failure& e) {
    EXPECT_EQ(e.status(), OPIS_INVALID_INPUT);
  }
}

}  // namespace
