// output/dublin-core through the real plugin binary: OAI-DC XML with the
// right namespaces and terms, the same terms as JSON-LD, per record or in
// one collection, each id once however often it is written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

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

const std::vector<std::pair<std::string, std::string>> kNamespaces = {
    {"oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/"},
    {"dc", "http://purl.org/dc/elements/1.1/"}};

PluginHarness dc_writer(json config) {
  return PluginHarness::builtin("output", "dublin-core", config);
}

void write(PluginHarness& writer, const opis_record& r) {
  const auto result = writer.write(r);
  ASSERT_TRUE(result.ok()) << result.message;
}

void flush(PluginHarness& writer) {
  const auto result = writer.flush();
  ASSERT_TRUE(result.ok()) << result.message;
}

std::unique_ptr<opis_record> telegram(const std::string& id = "rec-001") {
  auto r = opis::test::make_record("Ivanov met Kim Il Sung.", "Telegram <urgent> & secret");
  auto& m = r->message;
  m.set_id(id);
  m.set_kind("record");
  m.mutable_date()->set_edtf("1957-03-14");
  m.set_summary("Ivanov reports on the food situation.");
  m.set_rights("Reuse permitted with attribution.");
  m.set_language("en");
  m.add_citations()->set_raw("RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85");
  m.add_citations()->set_raw("Rodong Sinmun, 19 April 1964");
  for (const auto& [name, role] :
       {std::pair{"V. I. Ivanov", "author"}, std::pair{"Owen Castellan", "translator"},
        std::pair{"Marina Telnova", "obtained_by"}}) {
    auto* c = m.add_contributors();
    c->set_name(name);
    c->set_role(role);
  }
  for (const auto& [type, canonical] :
       {std::pair{"person", "Kim Il Sung"}, std::pair{"place", "Pyongyang"},
        std::pair{"person", "Kim Il Sung"}}) {
    auto* e = m.add_entities();
    e->set_type(type);
    e->set_canonical(canonical);
  }
  auto* link = m.add_links();
  link->set_type("full_record");
  link->set_target_id("rec-000");
  return r;
}

std::set<std::string> files_in(const fs::path& directory) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

TEST(DublinCoreWriter, OaiDcXmlWithEveryTermInItsNamespace) {
  TempDir dir;
  auto writer = dc_writer({{"directory", dir.path().string()}});
  write(writer, *telegram());
  flush(writer);
  XmlDocument xml(opis::test::read_file(dir / "rec-001.xml"), kNamespaces);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_EQ(xml.number("/oai_dc:dc"), 1);
  EXPECT_EQ(xml.number("/oai_dc:dc/*[namespace-uri() != 'http://purl.org/dc/elements/1.1/']"), 0);
  EXPECT_EQ(xml.text("/oai_dc:dc/@*[local-name()='schemaLocation']"),
            "http://www.openarchives.org/OAI/2.0/oai_dc/ "
            "http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
  const std::string dc = "/oai_dc:dc/dc:";
  EXPECT_EQ(xml.text(dc + "title"), "Telegram <urgent> & secret");
  EXPECT_EQ(xml.text(dc + "identifier"), "rec-001");
  EXPECT_EQ(xml.text(dc + "type"), "record");
  EXPECT_EQ(xml.text(dc + "date"), "1957-03-14");
  EXPECT_EQ(xml.text(dc + "description"), "Ivanov reports on the food situation.");
  EXPECT_EQ(xml.text(dc + "creator"), "V. I. Ivanov");
  EXPECT_THAT(xml.texts(dc + "contributor"),
              ElementsAre("Owen Castellan (translator)", "Marina Telnova (obtained_by)"));
  EXPECT_THAT(xml.texts(dc + "source"), ElementsAre("RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85",
                                                    "Rodong Sinmun, 19 April 1964"));
  EXPECT_EQ(xml.text(dc + "rights"), "Reuse permitted with attribution.");
  EXPECT_EQ(xml.text(dc + "language"), "en");
  EXPECT_THAT(xml.texts(dc + "subject"), ElementsAre("Kim Il Sung", "Pyongyang"));
  EXPECT_THAT(xml.texts(dc + "relation"), ElementsAre("rec-000"));
  EXPECT_EQ(xml.number("/oai_dc:dc/*"), 15);
}

TEST(DublinCoreWriter, EmptyFieldsAreLeftOutAndForbiddenCharactersReplaced) {
  TempDir dir;
  auto writer = dc_writer({{"directory", dir.path().string()}});
  auto r = opis::test::make_record("text", std::string("bell \x07 and \xff"));
  r->message.set_id("bare");
  r->message.clear_kind();
  write(writer, *r);
  flush(writer);
  XmlDocument xml(opis::test::read_file(dir / "bare.xml"), kNamespaces);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_EQ(xml.number("/oai_dc:dc/*"), 2);
  EXPECT_EQ(xml.text("/oai_dc:dc/dc:title"), "bell \xEF\xBF\xBD and \xEF\xBF\xBD");
}

TEST(DublinCoreWriter, JsonLdCarriesTheSameTerms) {
  TempDir dir;
  auto writer = dc_writer({{"directory", dir.path().string()}, {"format", "jsonld"}});
  write(writer, *telegram());
  flush(writer);
  const json doc = json::parse(opis::test::read_file(dir / "rec-001.jsonld"));
  EXPECT_EQ(doc["@context"]["dc"], "http://purl.org/dc/elements/1.1/");
  EXPECT_EQ(doc["dc:title"], "Telegram <urgent> & secret");
  EXPECT_EQ(doc["dc:identifier"], "rec-001");
  EXPECT_EQ(doc["dc:type"], "record");
  EXPECT_EQ(doc["dc:date"], (json{{"@value", "1957-03-14"}, {"@type", "edtf:EDTF"}}));
  EXPECT_EQ(doc["@context"]["edtf"], "http://id.loc.gov/datatypes/edtf/");
  EXPECT_EQ(doc["dc:description"], "Ivanov reports on the food situation.");
  EXPECT_EQ(doc["dc:creator"], json::array({"V. I. Ivanov"}));
  EXPECT_EQ(doc["dc:contributor"],
            json::array({"Owen Castellan (translator)", "Marina Telnova (obtained_by)"}));
  EXPECT_EQ(doc["dc:source"].size(), 2u);
  EXPECT_EQ(doc["dc:subject"], json::array({"Kim Il Sung", "Pyongyang"}));
  EXPECT_EQ(doc["dc:relation"], json::array({"rec-000"}));
  EXPECT_EQ(doc["dc:rights"], "Reuse permitted with attribution.");
  EXPECT_EQ(doc["dc:language"], "en");
  EXPECT_EQ(doc.size(), 13u);  // @context and 12 terms
}

TEST(DublinCoreWriter, XmlCollectionHoldsEachIdOnceInFirstPlace) {
  TempDir dir;
  const fs::path file = dir / "out" / "dc.xml";
  auto writer = dc_writer({{"file", file.string()}});
  write(writer, *telegram("a"));
  write(writer, *telegram("b"));
  auto again = telegram("a");
  again->message.set_title("Second a");
  write(writer, *again);
  EXPECT_FALSE(fs::exists(file));  // written at flush
  flush(writer);
  XmlDocument xml(opis::test::read_file(file), kNamespaces);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_EQ(xml.number("/records/oai_dc:dc"), 2);
  EXPECT_THAT(xml.texts("/records/oai_dc:dc/dc:identifier"), ElementsAre("a", "b"));
  EXPECT_EQ(xml.text("/records/oai_dc:dc[dc:identifier='a']/dc:title"), "Second a");
}

TEST(DublinCoreWriter, JsonLdCollectionIsAGraph) {
  TempDir dir;
  const fs::path file = dir / "dc.jsonld";
  auto writer = dc_writer({{"file", file.string()}, {"format", "jsonld"}});
  write(writer, *telegram("a"));
  write(writer, *telegram("b"));
  write(writer, *telegram("a"));
  flush(writer);
  const json doc = json::parse(opis::test::read_file(file));
  EXPECT_EQ(doc["@context"]["dc"], "http://purl.org/dc/elements/1.1/");
  ASSERT_EQ(doc["@graph"].size(), 2u);
  EXPECT_EQ(doc["@graph"][0]["dc:identifier"], "a");
  EXPECT_EQ(doc["@graph"][1]["dc:identifier"], "b");
}

TEST(DublinCoreWriter, RunningTheSameBatchTwiceLeavesTheSameOutput) {
  for (const std::string format : {"xml", "jsonld"}) {
    TempDir dir;
    const fs::path per_record = dir / "records";
    const fs::path collection = dir / ("collection." + format);
    const auto run = [&] {
      auto files = dc_writer({{"directory", per_record.string()}, {"format", format}});
      auto collected = dc_writer({{"file", collection.string()}, {"format", format}});
      for (const char* id : {"a", "b", "c", "a"}) {
        write(files, *telegram(id));
        write(collected, *telegram(id));
      }
      flush(files);
      flush(collected);
    };
    run();
    const std::string collected_once = opis::test::read_file(collection);
    std::map<std::string, std::string> once;
    for (const auto& name : files_in(per_record))
      once[name] = opis::test::read_file(per_record / name);
    run();
    const std::string extension = format == "xml" ? ".xml" : ".jsonld";
    EXPECT_EQ(files_in(per_record),
              (std::set<std::string>{"a" + extension, "b" + extension, "c" + extension}));
    for (const auto& [name, content] : once) {
      EXPECT_EQ(opis::test::read_file(per_record / name), content) << name;
    }
    EXPECT_EQ(opis::test::read_file(collection), collected_once);
    if (format == "xml") {
      XmlDocument xml(collected_once, kNamespaces);
      EXPECT_EQ(xml.number("/records/oai_dc:dc"), 3);
    } else {
      EXPECT_EQ(json::parse(collected_once)["@graph"].size(), 3u);
    }
    EXPECT_EQ(files_in(dir.path()).size(), 2u);  // no temporary files left
  }
}

TEST(DublinCoreWriter, ConfigNeedsExactlyOneDestination) {
  TempDir dir;
  for (const json& config : {json{{"format", "xml"}}, json{{"directory", dir.path().string()},
                                                           {"file", (dir / "x.xml").string()}}}) {
    try {
      dc_writer(config);
      ADD_FAILURE() << "accepted " << config.dump();
    } catch (const std::exception& e) {
      EXPECT_THAT(e.what(), ::testing::AnyOf(HasSubstr("directory"), HasSubstr("oneOf"),
                                             HasSubstr("exactly one")))
          << e.what();
    }
  }
  EXPECT_ANY_THROW(dc_writer({{"file", dir.path().string()}}));  // a directory is not a file
  auto writer = dc_writer({{"directory", (dir / "out").string()}});
  auto no_id = opis::test::make_record("Text.");
  no_id->message.clear_id();
  EXPECT_EQ(writer.write(*no_id).status, OPIS_INVALID_INPUT);
}

}  // namespace
