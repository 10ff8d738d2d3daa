// output/tei through the real plugin binary: the files it writes parse as
// XML, have the TEI structure the README claims (checked with XPath), mark
// up the annotations sanely, and are replaced, never duplicated, when a
// record is written again.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "record_files.hpp"
#include "test_support.hpp"
#include "xml_assertions.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using opis::test::PluginHarness;
using opis::test::TempDir;
using opis::test::XmlDocument;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::vector<std::pair<std::string, std::string>> kTei = {
    {"t", "http://www.tei-c.org/ns/1.0"}};

PluginHarness tei_writer(const fs::path& directory) {
  return PluginHarness::builtin("output", "tei", {{"directory", directory.string()}});
}

void write(PluginHarness& writer, const opis_record& r) {
  const auto result = writer.write(r);
  ASSERT_TRUE(result.ok()) << result.message;
}

void flush(PluginHarness& writer) {
  const auto result = writer.flush();
  ASSERT_TRUE(result.ok()) << result.message;
}

void annotate(opis_record& r, const std::string& type, std::string_view text,
              const std::string& surface, const std::string& value = "", size_t from = 0) {
  const size_t begin = text.find(surface, from);
  ASSERT_NE(begin, std::string_view::npos) << surface;
  auto* a = r.message.add_annotations();
  a->set_type(type);
  a->set_begin(static_cast<uint32_t>(begin));
  a->set_end(static_cast<uint32_t>(begin + surface.size()));
  a->set_value(value);
}

std::string written(const fs::path& directory, const std::string& id) {
  return opis::test::read_file(directory / opis::files::file_name_for(id, ".xml"));
}

std::set<std::string> files_in(const fs::path& directory) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

// A telegram with everything the header and body map.
std::unique_ptr<opis_record> telegram() {
  const std::string text =
      "Ivanov met Kim Il Sung in Pyongyang on 14 March 1957.[1]\n"
      "The KWP CC [Translator's note: Central Committee] agreed.\n"
      "\n"
      "Deliveries of wheat resumed 27 November till 1 December 1961.";
  auto r = opis::test::make_record(text, "Telegram from V. I. Ivanov to A. I. Mikoyan");
  auto& m = r->message;
  m.set_id("rec-001");
  m.set_kind("record");
  m.mutable_date()->set_edtf("1957-03-14");
  m.mutable_date()->set_surface("March 14, 1957");
  m.set_rights("Reuse permitted with attribution.");
  m.set_summary("Ivanov reports on the food situation.");
  m.mutable_source()->set_uri("corpus/telegram.txt");
  auto* c = m.add_citations();
  c->set_raw("RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85");
  c->set_archive("RGANI");
  c->set_fond("5");
  c->set_opis("28");
  c->set_delo("410");
  c->set_pages("73-85");
  auto* newspaper = m.add_citations();
  newspaper->set_raw("Rodong Sinmun, 19 April 1964");
  for (const auto& [name, role] :
       {std::pair{"Owen Castellan", "translator"}, std::pair{"Marina Telnova", "obtained_by"},
        std::pair{"V. I. Ivanov", "author"}}) {
    auto* contributor = m.add_contributors();
    contributor->set_name(name);
    contributor->set_role(role);
  }
  auto* kim = m.add_entities();
  kim->set_type("person");
  kim->set_canonical("Kim Il Sung");
  kim->set_authority_id("wikidata:Q39364");
  auto* fn = m.add_footnotes();
  fn->set_marker("1");
  fn->set_text("The meeting is not in the minutes <sic> & was brief.");
  annotate(*r, "person", text, "Kim Il Sung", "Kim Il Sung");
  annotate(*r, "place", text, "Pyongyang", "Pyongyang");
  annotate(*r, "date", text, "14 March 1957", "1957-03-14");
  annotate(*r, "footnote_ref", text, "[1]", "1");
  annotate(*r, "organization", text, "KWP CC", "Central Committee of the KWP");
  annotate(*r, "editorial_note", text, "[Translator's note: Central Committee]",
           "Central Committee");
  auto* kind = m.mutable_annotations(m.annotations_size() - 1)->add_attributes();
  kind->set_name("kind");
  kind->set_value("translator_note");
  annotate(*r, "date", text, "27 November till 1 December 1961", "1961-11-27/1961-12-01");
  annotate(*r, "page", text, "Deliveries");  // no TEI element: ignored
  return r;
}

TEST(TeiWriter, HeaderHasTitleSourceResponsibilitiesAndCreationDate) {
  TempDir dir;
  auto writer = tei_writer(dir.path());
  write(writer, *telegram());
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
  auto writer = tei_writer(dir.path());
  const auto r = telegram();
  write(writer, *r);
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
  const std::string text = r->message.text();
  const size_t split = text.find("\n\n");
  EXPECT_EQ(xml.text(body + "/t:p[1]"), text.substr(0, split));
  EXPECT_EQ(xml.text(body + "/t:p[2]"), text.substr(split + 2));
}

TEST(TeiWriter, NestedSpansNestAndCrossingSpansAreSkipped) {
  TempDir dir;
  auto writer = tei_writer(dir.path());
  const std::string text = "The Embassy of the USSR in Pyongyang reported.";
  auto r = opis::test::make_record(text, "Spans");
  r->message.set_id("spans");
  annotate(*r, "organization", text, "Embassy of the USSR in Pyongyang", "Soviet Embassy");
  annotate(*r, "place", text, "USSR", "USSR");
  annotate(*r, "place", text, "Pyongyang", "Pyongyang");
  annotate(*r, "person", text, "Pyongyang reported", "crossing");  // starts inside, ends after
  // Bad offsets: past the end, empty, inverted, cutting a character.
  for (const auto& [begin, end] : {std::pair{40u, 400u}, std::pair{4u, 4u}, std::pair{9u, 5u}}) {
    auto* a = r->message.add_annotations();
    a->set_type("place");
    a->set_begin(begin);
    a->set_end(end);
  }
  write(writer, *r);
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
  auto writer = tei_writer(dir.path());
  const std::string text = "The Embassy of the USSR reported.";
  auto r = opis::test::make_record(text, "Crossing");
  r->message.set_id("crossing");
  annotate(*r, "organization", text, "Embassy of the USSR", "Soviet Embassy");
  annotate(*r, "person", text, "The Embassy", "starts first");
  write(writer, *r);
  flush(writer);
  XmlDocument xml(written(dir.path(), "crossing"), kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_EQ(xml.text("//t:p/t:persName"), "The Embassy");
  EXPECT_EQ(xml.number("//t:orgName"), 0);
  EXPECT_EQ(xml.text("//t:p"), text);
}

TEST(TeiWriter, SpansOverParagraphBreaksOrCuttingCharactersAreSkipped) {
  TempDir dir;
  auto writer = tei_writer(dir.path());
  const std::string text = "Pak Hŏn-yŏng spoke.\n\nKim answered.";
  auto r = opis::test::make_record(text, "Breaks");
  r->message.set_id("breaks");
  annotate(*r, "person", text, "spoke.\n\nKim", "across");
  auto* cut = r->message.add_annotations();  // ends inside "ŏ"
  cut->set_type("person");
  cut->set_begin(0);
  cut->set_end(static_cast<uint32_t>(text.find("ŏ") + 1));
  annotate(*r, "person", text, "Kim", "Kim");
  write(writer, *r);
  flush(writer);
  XmlDocument xml(written(dir.path(), "breaks"), kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_THAT(xml.texts("//t:persName"), ElementsAre("Kim"));
  EXPECT_THAT(xml.texts("//t:body/t:p"), ElementsAre("Pak Hŏn-yŏng spoke.", "Kim answered."));
}

TEST(TeiWriter, CharactersXmlForbidsAreReplacedAndMarkupEscaped) {
  TempDir dir;
  auto writer = tei_writer(dir.path());
  const std::string text = std::string("a<b & \"c\" \x01 d\x7f e \xff\xfe f \xED\xA0\x80 g]]>");
  auto r = opis::test::make_record(text, std::string("title \x02 <x>", 11));
  r->message.set_id("bad-chars");
  auto* fn = r->message.add_footnotes();
  fn->set_marker("\"*\"");
  fn->set_text(std::string("nul \0 here", 10));
  write(writer, *r);
  flush(writer);
  const std::string content = written(dir.path(), "bad-chars");
  XmlDocument xml(content, kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors() << "\n" << content;
  EXPECT_EQ(xml.text("//t:body/t:p"),
            "a<b & \"c\" \xEF\xBF\xBD d\x7f e \xEF\xBF\xBD\xEF\xBF\xBD f "
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD g]]>");
  EXPECT_EQ(xml.text("//t:titleStmt/t:title"), "title \xEF\xBF\xBD <x>");
  EXPECT_EQ(xml.text("//t:back//t:note/@n"), "\"*\"");
  EXPECT_EQ(xml.text("//t:back//t:note"), "nul \xEF\xBF\xBD here");
}

TEST(TeiWriter, DatesThatAreNotLevel0KeepTheTextWithoutWhen) {
  TempDir dir;
  auto writer = tei_writer(dir.path());
  const std::string text = "In the summer of 1956 they met.";
  auto r = opis::test::make_record(text, "Season");
  r->message.set_id("season");
  r->message.mutable_date()->set_edtf("1956-22");
  annotate(*r, "date", text, "summer of 1956", "1956-22");
  write(writer, *r);
  flush(writer);
  XmlDocument xml(written(dir.path(), "season"), kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_EQ(xml.text("//t:creation/t:date"), "1956-22");
  EXPECT_EQ(xml.number("//t:date[@when or @from or @to]"), 0);
  EXPECT_EQ(xml.text("//t:p/t:date"), "summer of 1956");
}

TEST(TeiWriter, AMinimalRecordIsStillACompleteDocument) {
  TempDir dir;
  auto writer = tei_writer(dir.path());
  auto r = opis::test::make_record("");
  r->message.set_id("empty");
  r->message.clear_kind();
  write(writer, *r);
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
    auto writer = tei_writer(out);
    for (const char* id : {"a", "b", "c"}) {
      auto r = opis::test::make_record(std::string("Body of ") + id + ".", "Title");
      r->message.set_id(id);
      write(writer, *r);
    }
    auto again = opis::test::make_record("Body of a, again.", last_title);
    again->message.set_id("a");  // redelivered within the batch
    write(writer, *again);
    flush(writer);
  };
  run("Title of a");
  const std::set<std::string> first_files = files_in(out);
  std::map<std::string, std::string> first_contents;
  for (const auto& name : first_files) first_contents[name] = opis::test::read_file(out / name);
  run("Title of a");
  EXPECT_EQ(files_in(out), (std::set<std::string>{"a.xml", "b.xml", "c.xml"}));
  for (const auto& [name, content] : first_contents) {
    EXPECT_EQ(opis::test::read_file(out / name), content) << name;
  }
  XmlDocument a(opis::test::read_file(out / "a.xml"), kTei);
  EXPECT_EQ(a.text("//t:titleStmt/t:title"), "Title of a");
  EXPECT_EQ(a.text("//t:body/t:p"), "Body of a, again.");
  run("A new title");  // a later run replaces the file
  EXPECT_EQ(files_in(out).size(), 3u);
  XmlDocument replaced(opis::test::read_file(out / "a.xml"), kTei);
  EXPECT_EQ(replaced.text("//t:titleStmt/t:title"), "A new title");
}

TEST(TeiWriter, FilesAppearAtFlushNamedAfterTheId) {
  TempDir dir;
  auto writer = tei_writer(dir.path());
  auto r = opis::test::make_record("Text.", "Title");
  r->message.set_id("../etc/passwd");
  write(writer, *r);
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
    tei_writer(blocker);
    ADD_FAILURE() << "a file was accepted as the directory";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr(blocker.string()));
  }
  auto writer = tei_writer(dir / "out");
  auto no_id = opis::test::make_record("Text.");
  no_id->message.clear_id();
  EXPECT_EQ(writer.write(*no_id).status, OPIS_INVALID_INPUT);
}

}  // namespace
