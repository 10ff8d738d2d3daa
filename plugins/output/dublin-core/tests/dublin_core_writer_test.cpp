// output/dublin-core through the real plugin binary, run by the SDK's
// harness (opis/testing.hpp): OAI-DC XML with the right namespaces and
// terms, the same terms as JSON-LD, per record or in one collection, each id
// once however often it is written. This executable links neither the host
// nor protobuf; it reads the XML with libxml2 and the JSON-LD with nlohmann
// json. Invalid UTF-8 in a field, which neither the host's ABI nor the
// harness lets a record carry, is tested host-based in
// dublin_core_raw_record_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <opis/testing.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "temp_files.hpp"
#include "xml_assertions.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using opis::test::XmlDocument;
using opis::test_files::read_file;
using opis::test_files::TempDir;
using opis::testing::Failure;
using opis::testing::Harness;
using opis::testing::Record;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::vector<std::pair<std::string, std::string>> kNamespaces = {
    {"oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/"},
    {"dc", "http://purl.org/dc/elements/1.1/"}};

std::string quoted(const fs::path& path) {
  return opis::testing::json::dump(opis::testing::json::Value::string_value(path.string()));
}

// A config writing to `where` ("directory" or "file") = `path`, in `format`
// when given.
std::string config(std::string_view where, const fs::path& path, std::string_view format = {}) {
  std::string c = "{\"" + std::string(where) + "\": " + quoted(path);
  if (!format.empty()) c += R"(, "format": ")" + std::string(format) + "\"";
  return c + "}";
}

Harness dc_writer(const std::string& config_json) {
  return Harness(OPIS_PLUGIN_FILE, config_json);
}

void write(Harness& writer, const Record& r) {
  ASSERT_NO_THROW(writer.write(r));
}

void flush(Harness& writer) {
  ASSERT_NO_THROW(writer.flush());
}

Record telegram(const std::string& id = "rec-001") {
  auto r = Record::with_text("Ivanov met Kim Il Sung.", "Telegram <urgent> & secret");
  r.set(OPIS_FIELD_ID, id);
  r.set(OPIS_FIELD_KIND, "record");
  r.set(OPIS_FIELD_DATE_EDTF, "1957-03-14");
  r.set(OPIS_FIELD_SUMMARY, "Ivanov reports on the food situation.");
  r.set(OPIS_FIELD_RIGHTS, "Reuse permitted with attribution.");
  r.set(OPIS_FIELD_LANGUAGE, "en");
  for (const char* raw :
       {"RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85", "Rodong Sinmun, 19 April 1964"}) {
    opis::sdk::Citation citation;
    citation.raw = raw;
    r.add(citation);
  }
  for (const auto& [name, role] :
       {std::pair{"V. I. Ivanov", "author"}, std::pair{"Owen Castellan", "translator"},
        std::pair{"Marina Telnova", "obtained_by"}}) {
    r.add(opis::sdk::Contributor{name, role});
  }
  for (const auto& [type, canonical] :
       {std::pair{"person", "Kim Il Sung"}, std::pair{"place", "Pyongyang"},
        std::pair{"person", "Kim Il Sung"}}) {
    r.add(opis::sdk::Entity{type, canonical, "", {}});
  }
  r.add(opis::sdk::Link{"full_record", "rec-000", 0.0});
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
  auto writer = dc_writer(config("directory", dir.path()));
  write(writer, telegram());
  flush(writer);
  XmlDocument xml(read_file(dir / "rec-001.xml"), kNamespaces);
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

TEST(DublinCoreWriter, JsonLdCarriesTheSameTerms) {
  TempDir dir;
  auto writer = dc_writer(config("directory", dir.path(), "jsonld"));
  write(writer, telegram());
  flush(writer);
  const json doc = json::parse(read_file(dir / "rec-001.jsonld"));
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
  auto writer = dc_writer(config("file", file));
  write(writer, telegram("a"));
  write(writer, telegram("b"));
  auto again = telegram("a");
  again.set(OPIS_FIELD_TITLE, "Second a");
  write(writer, again);
  EXPECT_FALSE(fs::exists(file));  // written at flush
  flush(writer);
  XmlDocument xml(read_file(file), kNamespaces);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_EQ(xml.number("/records/oai_dc:dc"), 2);
  EXPECT_THAT(xml.texts("/records/oai_dc:dc/dc:identifier"), ElementsAre("a", "b"));
  EXPECT_EQ(xml.text("/records/oai_dc:dc[dc:identifier='a']/dc:title"), "Second a");
}

TEST(DublinCoreWriter, JsonLdCollectionIsAGraph) {
  TempDir dir;
  const fs::path file = dir / "dc.jsonld";
  auto writer = dc_writer(config("file", file, "jsonld"));
  write(writer, telegram("a"));
  write(writer, telegram("b"));
  write(writer, telegram("a"));
  flush(writer);
  const json doc = json::parse(read_file(file));
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
      auto files = dc_writer(config("directory", per_record, format));
      auto collected = dc_writer(config("file", collection, format));
      for (const char* id : {"a", "b", "c", "a"}) {
        write(files, telegram(id));
        write(collected, telegram(id));
      }
      flush(files);
      flush(collected);
    };
    run();
    const std::string collected_once = read_file(collection);
    std::map<std::string, std::string> once;
    for (const auto& name : files_in(per_record)) once[name] = read_file(per_record / name);
    run();
    const std::string extension = format == "xml" ? ".xml" : ".jsonld";
    EXPECT_EQ(files_in(per_record),
              (std::set<std::string>{"a" + extension, "b" + extension, "c" + extension}));
    for (const auto& [name, content] : once) {
      EXPECT_EQ(read_file(per_record / name), content) << name;
    }
    EXPECT_EQ(read_file(collection), collected_once);
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
  for (const std::string& bad :
       {std::string(R"({"format": "xml"})"),
        R"({"directory": )" + quoted(dir.path()) + R"(, "file": )" + quoted(dir / "x.xml") + "}"}) {
    try {
      dc_writer(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const std::exception& e) {
      EXPECT_THAT(e.what(), ::testing::AnyOf(HasSubstr("directory"), HasSubstr("oneOf"),
                                             HasSubstr("exactly one")))
          << e.what();
    }
  }
  EXPECT_ANY_THROW(dc_writer(config("file", dir.path())));  // a directory is not a file
  auto writer = dc_writer(config("directory", dir / "out"));
  auto no_id = Record::with_text("Text.");
  no_id.set(OPIS_FIELD_ID, "");
  try {
    writer.write(no_id);
    ADD_FAILURE() << "a record without an id was accepted";
  } catch (const Failure& e) {
    EXPECT_EQ(e.status(), OPIS_INVALID_INPUT);
  }
}

}  // namespace
