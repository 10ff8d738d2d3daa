// opis/testing.hpp itself: the host table it implements, its config
// handling, its JSON, and loading plugins linked in or from files. Links no
// host (opis_add_harness_test).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <opis/sdk.hpp>
#include <opis/testing.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

// A plugin linked into this test: it touches every kind of list, the JSON
// functions and the unsupported protobuf escape hatch, and reports what it
// saw in the record's metadata.
class Probe : public opis::sdk::Enricher {
 public:
  explicit Probe(const opis::sdk::Config& config)
      : label_(config.string("label")),
        limit_(config.integer("limit")),
        nested_(config.string("nested.inner")),
        json_(config.json()) {}

  void enrich(opis::sdk::RecordView& record, opis::sdk::Context& context) override {
    record.add(opis::sdk::Entity{
        "person", "Kim Il Sung", "wikidata:Q39464", {"Kim Il Sung", "Kim Il-sung"}});
    record.add(opis::sdk::Citation{"RGANI, f. 5", "archival", "RGANI", "", "5", "", "", "", "", "",
                                   0, 11});
    record.add(opis::sdk::Contributor{"Owen Castellan", "translator"});
    record.add(opis::sdk::Footnote{"1", "A note.", 3, 4});
    record.add(opis::sdk::Link{"same_as", "other-id", 0.5});
    record.add_text(OPIS_LIST_FUNDERS, "A Foundation");
    opis::sdk::Annotation a;
    a.type = "label";
    a.begin = 0;
    a.end = 4;
    a.value = label_;
    a.plugin = "someone-else";  // read only: the host stamps the acting plugin
    const std::string limit = std::to_string(limit_);  // the item holds views
    a.attributes = {{"limit", limit}};
    record.add(a);
    // More spellings and attributes than the SDK encodes without allocating.
    record.add(opis::sdk::Entity{
        "place",
        "Pyongyang",
        "",
        {"Pyongyang", "Pyeongyang", "P'yongyang", "Phyongyang", "Pjoengjang", "Heijo"}});
    opis::sdk::Annotation many;
    many.type = "many";
    many.begin = 0;
    many.end = 3;
    many.value = "Kim";
    many.attributes = {{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}, {"e", "5"}, {"f", "6"}};
    record.add(many);
    const std::string serialized_status =
        record.host()->record_serialize(record.handle(), nullptr) == OPIS_UNSUPPORTED
            ? "unsupported"
            : "supported";
    const std::string json(record.to_json());
    record.add(opis::sdk::Property{"serialize", serialized_status});
    record.add(opis::sdk::Property{"config", json_});
    record.add(opis::sdk::Property{"nested", nested_});
    record.add(opis::sdk::Property{"json_has_entity",
                                   json.find("Kim Il-sung") != std::string::npos ? "yes" : "no"});
    context.warn(record, "probed");
    context.info("done");
  }

 private:
  std::string label_;
  int64_t limit_;
  std::string nested_;
  std::string json_;
};

}  // namespace

OPIS_EXPORT_ENRICHER(Probe, "probe", "1.0.0", "Harness self-test",
                     R"({"type": "object", "additionalProperties": false,
  "properties": {
    "label": {"type": "string", "default": "tag"},
    "limit": {"type": "integer", "minimum": 1, "default": 3},
    "zeta": {"type": "boolean", "default": true},
    "nested": {"type": "object", "properties": {"inner": {"type": "string", "default": "deep"}}},
    "mode": {"enum": ["a", "b"]}}})")

namespace {

using opis::testing::Failure;
using opis::testing::Harness;
using opis::testing::Record;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string metadata(const Record& record, std::string_view name) {
  for (const auto& p : record.metadata()) {
    if (p.name == name) return std::string(p.value);
  }
  return "<absent>";
}

TEST(TestingHarness, LinkedPluginSeesDefaultsWithSortedMembers) {
  Harness probe(&opis_plugin_v1, R"({"zeta": false, "label": "x"})");
  EXPECT_EQ(probe.name(), "probe");
  EXPECT_EQ(probe.config_json(),
            R"({"label":"x","limit":3,"nested":{"inner":"deep"},"zeta":false})");
  auto record = Record::with_text("Kim Il Sung spoke.");
  probe.enrich(record);
  EXPECT_EQ(metadata(record, "config"), probe.config_json());
  EXPECT_EQ(metadata(record, "nested"), "deep");
  EXPECT_EQ(metadata(record, "serialize"), "unsupported");
  EXPECT_EQ(metadata(record, "json_has_entity"), "yes");
  EXPECT_THAT(record.warnings(), ElementsAre("probe: probed"));
  EXPECT_THAT(probe.log(), ElementsAre("warn: probed", "info: done"));
}

TEST(TestingHarness, EveryListRoundTripsThroughJson) {
  Harness probe(&opis_plugin_v1);
  auto record = Record::with_text("Kim Il Sung spoke.", "A title");
  record.set(OPIS_FIELD_DATE_EDTF, "1957-03-14");
  probe.enrich(record);
  const auto annotation = record.annotations("label").at(0);
  EXPECT_EQ(annotation.plugin, "probe");
  EXPECT_EQ(record.covered_text(annotation), "Kim ");
  EXPECT_EQ(annotation.attributes.at(0).value, "3");
  EXPECT_EQ(record.entities().at(0).surfaces.at(1), "Kim Il-sung");
  EXPECT_THAT(record.entities().at(1).surfaces, ElementsAre("Pyongyang", "Pyeongyang", "P'yongyang",
                                                            "Phyongyang", "Pjoengjang", "Heijo"));
  const auto many = record.annotations("many").at(0);
  ASSERT_EQ(many.attributes.size(), 6u);
  EXPECT_EQ(many.attributes.at(0).name, "a");
  EXPECT_EQ(many.attributes.at(5).name, "f");
  EXPECT_EQ(many.attributes.at(5).value, "6");
  EXPECT_EQ(record.links().at(0).score, 0.5);

  const std::string json = record.to_json();
  EXPECT_THAT(json, HasSubstr(R"("title":"A title","date":{"edtf":"1957-03-14"})"));
  EXPECT_THAT(json, HasSubstr(R"("funders":["A Foundation"])"));
  EXPECT_THAT(json,
              HasSubstr(R"("footnotes":[{"marker":"1","text":"A note.","begin":3,"end":4}])"));
  EXPECT_THAT(json,
              HasSubstr(R"("links":[{"type":"same_as","target_id":"other-id","score":0.5}])"));
  const Record back = Record::from_json(json);
  EXPECT_EQ(back.to_json(), json);
  EXPECT_EQ(Record::from_json(record.to_json(OPIS_JSON_PRETTY)).to_json(), json);
  EXPECT_THAT(record.to_json(OPIS_JSON_INCLUDE_DEFAULTS), HasSubstr(R"("summary":"")"));
}

TEST(TestingHarness, EveryScalarFieldHasANamedAccessor) {
  Record record;
  const std::pair<opis_field, std::string_view (Record::*)() const> fields[] = {
      {OPIS_FIELD_ID, &Record::id},
      {OPIS_FIELD_KIND, &Record::kind},
      {OPIS_FIELD_TITLE, &Record::title},
      {OPIS_FIELD_SUMMARY, &Record::summary},
      {OPIS_FIELD_TEXT, &Record::text},
      {OPIS_FIELD_DATE_EDTF, &Record::date_edtf},
      {OPIS_FIELD_DATE_SURFACE, &Record::date_surface},
      {OPIS_FIELD_CLASSIFICATION, &Record::classification},
      {OPIS_FIELD_COPY_NUMBER, &Record::copy_number},
      {OPIS_FIELD_RIGHTS, &Record::rights},
      {OPIS_FIELD_LANGUAGE, &Record::language},
      {OPIS_FIELD_PARENT_ID, &Record::parent_id},
      {OPIS_FIELD_SOURCE_URI, &Record::source_uri},
      {OPIS_FIELD_SOURCE_MEDIA_TYPE, &Record::source_media_type},
      {OPIS_FIELD_SOURCE_SHA256, &Record::source_sha256},
      {OPIS_FIELD_SOURCE_NAME, &Record::source_name},
  };
  for (const auto& [field, accessor] : fields) {
    record.set(field, "value " + std::to_string(static_cast<int>(field)));
  }
  for (const auto& [field, accessor] : fields) {
    EXPECT_EQ((record.*accessor)(), "value " + std::to_string(static_cast<int>(field)))
        << static_cast<int>(field);
  }
}

TEST(TestingHarness, FromJsonNamesWhatDoesNotFit) {
  EXPECT_THROW(Record::from_json(R"({"title": 3})"), std::invalid_argument);
  EXPECT_THROW(Record::from_json(R"({"colour": "red"})"), std::invalid_argument);
  EXPECT_THROW(Record::from_json(R"({"title": "a",})"), std::invalid_argument);
  const Record kept = Record::from_json(
      R"({"id": "x", "position": 2, "provenance": [{"plugin": "text"}], "source": {"size": "9"}})");
  EXPECT_EQ(kept.id(), "x");
}

TEST(TestingHarness, FromJsonAcceptsLowerCamelCaseNamesLikeTheHost) {
  const Record record = Record::from_json(
      R"({"id": "a", "parentId": "p", "copyNumber": "3", "source": {"mediaType": "text/plain"},
          "entities": [{"type": "person", "authorityId": "wikidata:Q39464"}],
          "links": [{"type": "same_as", "targetId": "b"}]})");
  EXPECT_EQ(record.field(OPIS_FIELD_PARENT_ID), "p");
  EXPECT_EQ(record.field(OPIS_FIELD_COPY_NUMBER), "3");
  EXPECT_EQ(record.field(OPIS_FIELD_SOURCE_MEDIA_TYPE), "text/plain");
  EXPECT_EQ(record.entities().at(0).authority_id, "wikidata:Q39464");
  EXPECT_EQ(record.links().at(0).target_id, "b");
  EXPECT_THROW(Record::from_json(R"({"parentID": "p"})"), std::invalid_argument);
}

TEST(TestingHarness, TryIngestKeepsTheFailureAndTheRecordsEmittedBeforeIt) {
  Harness lines(OPIS_LINES_INGESTER_FILE);
  const auto good = lines.try_ingest("one\ntwo", "dir/notes.txt");
  ASSERT_TRUE(good.ok()) << good.message;
  ASSERT_EQ(good.records.size(), 2u);
  EXPECT_EQ(good.records[1].title(), "two");
  EXPECT_EQ(good.records[1].id(), "dir/notes.txt#1");
  EXPECT_EQ(good.records[1].field(OPIS_FIELD_SOURCE_NAME), "notes.txt");

  const auto failed = lines.try_ingest("one\nfail\nthree");
  EXPECT_EQ(failed.status, OPIS_INVALID_INPUT);
  EXPECT_EQ(failed.message, "a line says fail");
  ASSERT_EQ(failed.records.size(), 1u);
  EXPECT_EQ(failed.records[0].title(), "one");
  try {
    lines.ingest("fail");
    FAIL() << "accepted";
  } catch (const Failure& e) {
    EXPECT_EQ(e.status(), OPIS_INVALID_INPUT);
    EXPECT_STREQ(e.what(), "a line says fail");
  }
}

TEST(TestingHarness, ConfigViolationsAreNamedBeforeCreate) {
  Harness probe(&opis_plugin_v1);
  try {
    probe.configure(R"({"limit": 0, "mode": "c", "extra": 1, "label": 2})");
    FAIL() << "accepted";
  } catch (const Failure& e) {
    EXPECT_EQ(e.status(), OPIS_INVALID_CONFIG);
    const std::string message = e.what();
    EXPECT_THAT(message, HasSubstr("at /limit: 0 is less than the minimum 1"));
    EXPECT_THAT(message, HasSubstr("at /mode: \"c\" is not one of [\"a\",\"b\"]"));
    EXPECT_THAT(message, HasSubstr("unknown property 'extra'"));
    EXPECT_THAT(message, HasSubstr("at /label: expected string, got integer 2"));
  }
  EXPECT_THROW(probe.configure("{not json"), Failure);
}

TEST(TestingHarness, InvalidUtf8IsRefusedLikeTheHost) {
  Record record;
  EXPECT_THROW(record.set(OPIS_FIELD_TITLE, "bad \xc3\x28"), opis::sdk::Error);
  EXPECT_THROW(record.set(OPIS_FIELD_TITLE, "\xed\xa0\x80"), opis::sdk::Error);  // surrogate
  record.set(OPIS_FIELD_TITLE, "Ágnes 😀");
  EXPECT_EQ(record.title(), "Ágnes 😀");
}

TEST(TestingHarness, PluginFromAFileRunsAndItsFailuresCarryTheMessage) {
  Harness upper(OPIS_PLUGIN_FILE, R"({"prefix": "X-"})");
  auto record = Record::with_text("hello world", "a title");
  upper.enrich(record);
  EXPECT_EQ(record.title(), "X-A TITLE");
  auto untitled = Record::with_text("text");
  try {
    upper.enrich(untitled);
    FAIL() << "accepted";
  } catch (const Failure& e) {
    EXPECT_EQ(e.status(), OPIS_INVALID_INPUT);
    EXPECT_STREQ(e.what(), "record has no title");
  }
  EXPECT_THROW(upper.ingest("x"), std::logic_error);  // an enricher has no ingest
}

TEST(TestingHarness, IncompatibleOrMissingPluginsAreRefusedWithTheReason) {
  try {
    Harness newer(OPIS_FIXTURE_PLUGIN_DIR "/abi_minor_newer/enrich-abi_minor_newer.so");
    FAIL() << "loaded";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("does not load on this harness"));
  }
  EXPECT_THROW(Harness("/nonexistent/plugin.so"), std::runtime_error);
  try {
    Harness none(OPIS_FIXTURE_PLUGIN_DIR "/not_a_plugin/not-a-plugin.so");
    FAIL() << "loaded";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("no opis_plugin_v1"));
  }
}

}  // namespace
