// The opis_host_api table as a plugin sees it: C calls on opaque records,
// configs and calls. Strings must be valid UTF-8, structs are copied by the
// size they declare (older and newer plugins both work), and the host, not
// the plugin, says which plugin added an annotation.
#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>
#include <opis/plugin.h>

#include <atomic>
#include <cstddef>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "opis/core/host_objects.hpp"

namespace {

using nlohmann::json;
using opis::core::ActiveCall;
using opis::core::PluginIdentity;
using ::testing::HasSubstr;
using ::testing::Not;

opis_str s(std::string_view v) {
  return {v.data(), v.size()};
}
std::string_view sv(opis_str v) {
  return v.data == nullptr ? std::string_view{} : std::string_view{v.data, v.size};
}

constexpr std::string_view kInvalidUtf8 = "caf\xC3";  // truncated "é"

class HostApi : public ::testing::Test {
 protected:
  // The values of a text list, read back through list_get.
  std::vector<std::string> texts(opis_list list) const {
    std::vector<std::string> out;
    for (size_t i = 0; i < host->list_size(&record, list); ++i) {
      opis_text_item item{sizeof item, {}};
      EXPECT_EQ(host->list_get(&record, list, i, &item), OPIS_OK);
      out.emplace_back(sv(item.value));
    }
    return out;
  }

  opis_status append_text(opis_list list, std::string_view value) {
    const opis_text_item item{sizeof item, s(value)};
    return host->list_append(&record, list, &item);
  }

  const opis_host_api* host = opis::core::host_api();
  opis_record record;
};

// ------------------------------------------------------------------ table

TEST_F(HostApi, TableStartsWithItsSizeAndTheHostAbi) {
  EXPECT_EQ(host->struct_size, sizeof(opis_host_api));
  EXPECT_EQ(host->abi_major, static_cast<uint32_t>(OPIS_ABI_MAJOR));
  EXPECT_EQ(host->abi_minor, static_cast<uint32_t>(OPIS_ABI_MINOR));
  EXPECT_TRUE(OPIS_HOST_HAS(host, log));
  EXPECT_TRUE(OPIS_HOST_HAS(host, fail));
  EXPECT_TRUE(OPIS_HOST_HAS(host, warn));
  EXPECT_TRUE(OPIS_HOST_HAS(host, cancelled));
  EXPECT_TRUE(OPIS_HOST_HAS(host, config_json));
  EXPECT_TRUE(OPIS_HOST_HAS(host, config_string));
  EXPECT_TRUE(OPIS_HOST_HAS(host, config_int));
  EXPECT_TRUE(OPIS_HOST_HAS(host, config_double));
  EXPECT_TRUE(OPIS_HOST_HAS(host, config_bool));
  EXPECT_TRUE(OPIS_HOST_HAS(host, config_array_size));
  EXPECT_TRUE(OPIS_HOST_HAS(host, config_string_at));
  EXPECT_TRUE(OPIS_HOST_HAS(host, record_new));
  EXPECT_TRUE(OPIS_HOST_HAS(host, record_free));
  EXPECT_TRUE(OPIS_HOST_HAS(host, record_emit));
  EXPECT_TRUE(OPIS_HOST_HAS(host, record_get));
  EXPECT_TRUE(OPIS_HOST_HAS(host, record_set));
  EXPECT_TRUE(OPIS_HOST_HAS(host, list_size));
  EXPECT_TRUE(OPIS_HOST_HAS(host, list_get));
  EXPECT_TRUE(OPIS_HOST_HAS(host, list_append));
  EXPECT_TRUE(OPIS_HOST_HAS(host, list_set));
  EXPECT_TRUE(OPIS_HOST_HAS(host, list_remove));
  EXPECT_TRUE(OPIS_HOST_HAS(host, list_clear));
  EXPECT_TRUE(OPIS_HOST_HAS(host, record_to_json));
  EXPECT_TRUE(OPIS_HOST_HAS(host, record_from_json));
  EXPECT_TRUE(OPIS_HOST_HAS(host, record_serialize));
  EXPECT_TRUE(OPIS_HOST_HAS(host, record_parse));
  EXPECT_TRUE(OPIS_HOST_HAS(host, call_error));
}

// ----------------------------------------------------------------- fields

TEST_F(HostApi, EveryFieldIsStoredInItsOwnRecordField) {
  using opis::v1::Record;
  const std::vector<std::pair<opis_field, std::function<const std::string&(const Record&)>>>
      fields = {{OPIS_FIELD_ID, &Record::id}, {OPIS_FIELD_KIND, &Record::kind},
                {OPIS_FIELD_TITLE, &Record::title}, {OPIS_FIELD_SUMMARY, &Record::summary},
                {OPIS_FIELD_TEXT, &Record::text},
                {OPIS_FIELD_DATE_EDTF, [](const Record& r) -> const auto& {return r.date().edtf();
}
}  // namespace
, {OPIS_FIELD_DATE_SURFACE, [](const Record& r) -> const auto& {return r.date().surface();
}
}
, {OPIS_FIELD_CLASSIFICATION, &Record::classification},
    {OPIS_FIELD_COPY_NUMBER, &Record::copy_number}, {OPIS_FIELD_RIGHTS, &Record::rights},
    {OPIS_FIELD_LANGUAGE, &Record::language}, {OPIS_FIELD_PARENT_ID, &Record::parent_id},
    {OPIS_FIELD_SOURCE_URI, [](const Record& r) -> const auto& {return r.source().uri();
}
}
, {OPIS_FIELD_SOURCE_MEDIA_TYPE, [](const Record& r) -> const auto& {return r.source().media_type();
}
}
, {OPIS_FIELD_SOURCE_SHA256, [](const Record& r) -> const auto& {return r.source().sha256();
}
}
, {OPIS_FIELD_SOURCE_NAME, [](const Record& r) -> const auto& {return r.source().name();
}
}
,
}
;
auto value_for = [](opis_field f) { return "field " + std::to_string(f) + " «Дело»"; };
for (const auto& [field, _] : fields) {
  ASSERT_EQ(host->record_set(&record, field, s(value_for(field))), OPIS_OK) << field;
}
// Read back only after all are set, so two fields sharing storage show.
for (const auto& [field, proto_field] : fields) {
  SCOPED_TRACE(field);
  EXPECT_EQ(sv(host->record_get(&record, field)), value_for(field));
  EXPECT_EQ(proto_field(record.message()), value_for(field));
}
}

TEST_F(HostApi, RecordSetRefusesInvalidUtf8AndKeepsTheOldValue) {
  ASSERT_EQ(host->record_set(&record, OPIS_FIELD_TITLE, s("before")), OPIS_OK);
  EXPECT_EQ(host->record_set(&record, OPIS_FIELD_TITLE, s(kInvalidUtf8)), OPIS_INVALID_INPUT);
  EXPECT_EQ(host->record_set(&record, OPIS_FIELD_TITLE, s("\xED\xA0\x80")), OPIS_INVALID_INPUT);
  EXPECT_EQ(host->record_set(&record, OPIS_FIELD_TITLE, opis_str{nullptr, 3}), OPIS_INVALID_INPUT);
  EXPECT_EQ(sv(host->record_get(&record, OPIS_FIELD_TITLE)), "before");
}

TEST_F(HostApi, RecordSetWithAnEmptyNullStringClearsTheField) {
  ASSERT_EQ(host->record_set(&record, OPIS_FIELD_TITLE, s("before")), OPIS_OK);
  EXPECT_EQ(host->record_set(&record, OPIS_FIELD_TITLE, opis_str{nullptr, 0}), OPIS_OK);
  EXPECT_EQ(record.message().title(), "");
}

TEST_F(HostApi, FieldUnknownToThisHostIsUnsupported) {
  // 17 stands for a field a later minor adds.
  const auto future_field = static_cast<opis_field>(17);
  EXPECT_EQ(host->record_set(&record, future_field, s("x")), OPIS_UNSUPPORTED);
  EXPECT_EQ(host->record_get(&record, future_field).size, 0u);
  EXPECT_EQ(record.message().ByteSizeLong(), 0u);
}

// ------------------------------------------------------------------ lists

TEST_F(HostApi, TextListsAppendGetSetRemoveAndClear) {
  using opis::v1::Record;
  const std::vector<std::pair<opis_list, std::function<int(const Record&)>>> lists = {
      {OPIS_LIST_FUNDERS, &Record::funders_size},
      {OPIS_LIST_WARNINGS, &Record::warnings_size},
      {OPIS_LIST_STAMPS, &Record::stamps_size},
  };
  for (const auto& [list, proto_size] : lists) {
    SCOPED_TRACE(list);
    ASSERT_EQ(append_text(list, "a"), OPIS_OK);
    ASSERT_EQ(append_text(list, "b"), OPIS_OK);
    ASSERT_EQ(append_text(list, "c"), OPIS_OK);
    EXPECT_EQ(proto_size(record.message()), 3);
    EXPECT_EQ(texts(list), (std::vector<std::string>{"a", "b", "c"}));

    const opis_text_item replacement{sizeof(opis_text_item), s("B")};
    ASSERT_EQ(host->list_set(&record, list, 1, &replacement), OPIS_OK);
    ASSERT_EQ(host->list_remove(&record, list, 0), OPIS_OK);
    EXPECT_EQ(texts(list), (std::vector<std::string>{"B", "c"}));

    ASSERT_EQ(host->list_clear(&record, list), OPIS_OK);
    EXPECT_EQ(host->list_size(&record, list), 0u);
  }
  // Each list wrote only to its own field: all three are empty again.
  EXPECT_EQ(record.message().ByteSizeLong(), 0u);
}

TEST_F(HostApi, TextListsAreSeparate) {
  ASSERT_EQ(append_text(OPIS_LIST_FUNDERS, "CIA"), OPIS_OK);
  ASSERT_EQ(append_text(OPIS_LIST_STAMPS, "SECRET"), OPIS_OK);
  EXPECT_EQ(texts(OPIS_LIST_FUNDERS), std::vector<std::string>{"CIA"});
  EXPECT_EQ(texts(OPIS_LIST_STAMPS), std::vector<std::string>{"SECRET"});
  EXPECT_TRUE(texts(OPIS_LIST_WARNINGS).empty());
}

TEST_F(HostApi, MetadataPropertiesRoundTrip) {
  const opis_property property{sizeof(opis_property), s("collection"), s("Wilson Center")};
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_METADATA, &property), OPIS_OK);
  opis_property got{sizeof got, {}, {}};
  ASSERT_EQ(host->list_get(&record, OPIS_LIST_METADATA, 0, &got), OPIS_OK);
  EXPECT_EQ(sv(got.name), "collection");
  EXPECT_EQ(sv(got.value), "Wilson Center");
  EXPECT_EQ(record.message().metadata(0).value(), "Wilson Center");
}

TEST_F(HostApi, FootnotesKeepMarkerTextAndSpan) {
  const opis_footnote note{sizeof(opis_footnote), s("1"), s("See RGANI."), 10, 11};
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_FOOTNOTES, &note), OPIS_OK);
  opis_footnote got{};
  got.struct_size = sizeof got;
  ASSERT_EQ(host->list_get(&record, OPIS_LIST_FOOTNOTES, 0, &got), OPIS_OK);
  EXPECT_EQ(sv(got.marker), "1");
  EXPECT_EQ(sv(got.text), "See RGANI.");
  EXPECT_EQ(got.begin, 10u);
  EXPECT_EQ(got.end, 11u);
}

opis_citation full_citation() {
  opis_citation c{};
  c.struct_size = sizeof c;
  c.raw = s("RGANI, f. 5, op. 30, d. 335, ll. 73-85");
  c.kind = s("archival");
  c.archive = s("RGANI");
  c.archive_name = s("Russian State Archive of Contemporary History");
  c.fond = s("5");
  c.opis = s("30");
  c.delo = s("335");
  c.pages = s("73-85");
  c.publication = s("Pravda");
  c.date = s("1961-11-27");
  c.begin = 3;
  c.end = 40;
  return c;
}

TEST_F(HostApi, CitationsKeepEveryField) {
  const opis_citation c = full_citation();
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_CITATIONS, &c), OPIS_OK);
  opis_citation got{};
  got.struct_size = sizeof got;
  ASSERT_EQ(host->list_get(&record, OPIS_LIST_CITATIONS, 0, &got), OPIS_OK);
  EXPECT_EQ(sv(got.raw), sv(c.raw));
  EXPECT_EQ(sv(got.kind), "archival");
  EXPECT_EQ(sv(got.archive), "RGANI");
  EXPECT_EQ(sv(got.archive_name), sv(c.archive_name));
  EXPECT_EQ(sv(got.fond), "5");
  EXPECT_EQ(sv(got.opis), "30");
  EXPECT_EQ(sv(got.delo), "335");
  EXPECT_EQ(sv(got.pages), "73-85");
  EXPECT_EQ(sv(got.publication), "Pravda");
  EXPECT_EQ(sv(got.date), "1961-11-27");
  EXPECT_EQ(got.begin, 3u);
  EXPECT_EQ(got.end, 40u);
}

TEST_F(HostApi, ContributorsRoundTripAndListSetReplacesOne) {
  const opis_contributor first{sizeof(opis_contributor), s("Vladislav Zubok"), s("obtained_by")};
  const opis_contributor second{sizeof(opis_contributor), s("Mark Doctoroff"), s("translator")};
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_CONTRIBUTORS, &first), OPIS_OK);
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_CONTRIBUTORS, &second), OPIS_OK);
  const opis_contributor edited{sizeof(opis_contributor), s("Vladislav M. Zubok"), s("author")};
  ASSERT_EQ(host->list_set(&record, OPIS_LIST_CONTRIBUTORS, 0, &edited), OPIS_OK);
  ASSERT_EQ(record.message().contributors_size(), 2);
  EXPECT_EQ(record.message().contributors(0).name(), "Vladislav M. Zubok");
  EXPECT_EQ(record.message().contributors(0).role(), "author");
  opis_contributor got{sizeof got, {}, {}};
  ASSERT_EQ(host->list_get(&record, OPIS_LIST_CONTRIBUTORS, 1, &got), OPIS_OK);
  EXPECT_EQ(sv(got.name), "Mark Doctoroff");
  EXPECT_EQ(sv(got.role), "translator");
}

TEST_F(HostApi, EntitiesCopyTheirSurfaces) {
  std::vector<std::string> backing = {"Khrushchev", "Хрущёв"};
  const std::vector<opis_str> surfaces = {s(backing[0]), s(backing[1])};
  opis_entity entity{sizeof(opis_entity),  s("person"),     s("Nikita Khrushchev"),
                     s("wikidata:Q35243"), surfaces.data(), surfaces.size()};
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_ENTITIES, &entity), OPIS_OK);
  // The host copied the strings: the plugin may reuse its buffers.
  backing[0].assign("XXXXXXXXXX");

  opis_entity got{};
  got.struct_size = sizeof got;
  ASSERT_EQ(host->list_get(&record, OPIS_LIST_ENTITIES, 0, &got), OPIS_OK);
  EXPECT_EQ(sv(got.type), "person");
  EXPECT_EQ(sv(got.canonical), "Nikita Khrushchev");
  EXPECT_EQ(sv(got.authority_id), "wikidata:Q35243");
  ASSERT_EQ(got.surface_count, 2u);
  ASSERT_NE(got.surfaces, nullptr);
  EXPECT_EQ(sv(got.surfaces[0]), "Khrushchev");
  EXPECT_EQ(sv(got.surfaces[1]), "Хрущёв");

  const opis_str one[] = {s("N. S. Khrushchev")};
  entity.surfaces = one;
  entity.surface_count = 1;
  ASSERT_EQ(host->list_set(&record, OPIS_LIST_ENTITIES, 0, &entity), OPIS_OK);
  ASSERT_EQ(record.message().entities(0).surface_size(), 1);
  EXPECT_EQ(record.message().entities(0).surface(0), "N. S. Khrushchev");
}

TEST_F(HostApi, EntityWithBadSurfacesIsRefused) {
  const std::vector<opis_str> bad = {s("ok"), s(kInvalidUtf8)};
  opis_entity entity{sizeof(opis_entity), s("person"), s("X"), {}, bad.data(), bad.size()};
  EXPECT_EQ(host->list_append(&record, OPIS_LIST_ENTITIES, &entity), OPIS_INVALID_INPUT);
  entity.surfaces = nullptr;  // a count without an array
  EXPECT_EQ(host->list_append(&record, OPIS_LIST_ENTITIES, &entity), OPIS_INVALID_INPUT);
  EXPECT_EQ(host->list_size(&record, OPIS_LIST_ENTITIES), 0u);
}

TEST_F(HostApi, DateMentionsRoundTrip) {
  const opis_date_mention date{sizeof(opis_date_mention), s("30 August 1956"), s("1956-08-30"), 5,
                               19};
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_DATES, &date), OPIS_OK);
  opis_date_mention got{};
  got.struct_size = sizeof got;
  ASSERT_EQ(host->list_get(&record, OPIS_LIST_DATES, 0, &got), OPIS_OK);
  EXPECT_EQ(sv(got.surface), "30 August 1956");
  EXPECT_EQ(sv(got.edtf), "1956-08-30");
  EXPECT_EQ(got.begin, 5u);
  EXPECT_EQ(got.end, 19u);
}

TEST_F(HostApi, AnnotationsKeepTheirAttributes) {
  const opis_property attributes[] = {{sizeof(opis_property), s("lang"), s("ru")},
                                      {sizeof(opis_property), s("confidence"), s("0.9")}};
  opis_annotation a{};
  a.struct_size = sizeof a;
  a.type = s("place");
  a.begin = 4;
  a.end = 10;
  a.value = s("Moscow");
  a.attributes = attributes;
  a.attribute_count = 2;
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_ANNOTATIONS, &a), OPIS_OK);

  opis_annotation got{};
  got.struct_size = sizeof got;
  ASSERT_EQ(host->list_get(&record, OPIS_LIST_ANNOTATIONS, 0, &got), OPIS_OK);
  EXPECT_EQ(sv(got.type), "place");
  EXPECT_EQ(got.begin, 4u);
  EXPECT_EQ(got.end, 10u);
  EXPECT_EQ(sv(got.value), "Moscow");
  ASSERT_EQ(got.attribute_count, 2u);
  ASSERT_NE(got.attributes, nullptr);
  EXPECT_EQ(sv(got.attributes[0].name), "lang");
  EXPECT_EQ(sv(got.attributes[0].value), "ru");
  EXPECT_EQ(sv(got.attributes[1].name), "confidence");
  EXPECT_EQ(got.attributes[1].struct_size, sizeof(opis_property));

  const opis_property bad[] = {{sizeof(opis_property), s("k"), s(kInvalidUtf8)}};
  a.attributes = bad;
  a.attribute_count = 1;
  EXPECT_EQ(host->list_set(&record, OPIS_LIST_ANNOTATIONS, 0, &a), OPIS_INVALID_INPUT);
  EXPECT_EQ(record.message().annotations(0).attributes_size(), 2);
}

// Attribute arrays come from blocks shared by many items: every view read
// in one callback must stay valid while later reads fill further blocks.
TEST_F(HostApi, AttributeViewsOfManyAnnotationsStayValidTogether) {
  constexpr size_t kAnnotations = 700;  // three attributes each: several blocks
  std::vector<std::string> values;
  for (size_t i = 0; i < kAnnotations; ++i) values.push_back("v" + std::to_string(i));
  for (size_t i = 0; i < kAnnotations; ++i) {
    const opis_property attributes[] = {{sizeof(opis_property), s("a"), s(values[i])},
                                        {sizeof(opis_property), s("b"), s("x")},
                                        {sizeof(opis_property), s("c"), s(values[i])}};
    opis_annotation a{};
    a.struct_size = sizeof a;
    a.type = s("repair");
    a.attributes = attributes;
    a.attribute_count = 3;
    ASSERT_EQ(host->list_append(&record, OPIS_LIST_ANNOTATIONS, &a), OPIS_OK);
  }
  std::vector<opis_annotation> got(kAnnotations);
  for (size_t i = 0; i < kAnnotations; ++i) {
    got[i].struct_size = sizeof(opis_annotation);
    ASSERT_EQ(host->list_get(&record, OPIS_LIST_ANNOTATIONS, i, &got[i]), OPIS_OK);
  }
  for (size_t i = 0; i < kAnnotations; ++i) {
    ASSERT_EQ(got[i].attribute_count, 3u);
    EXPECT_EQ(sv(got[i].attributes[0].value), values[i]);
    EXPECT_EQ(sv(got[i].attributes[1].name), "b");
    EXPECT_EQ(sv(got[i].attributes[2].value), values[i]);
  }
}

TEST_F(HostApi, LinksKeepTheirScore) {
  const opis_link link{sizeof(opis_link), s("near_duplicate"), s("abc123"), 0.875};
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_LINKS, &link), OPIS_OK);
  opis_link got{};
  got.struct_size = sizeof got;
  ASSERT_EQ(host->list_get(&record, OPIS_LIST_LINKS, 0, &got), OPIS_OK);
  EXPECT_EQ(sv(got.type), "near_duplicate");
  EXPECT_EQ(sv(got.target_id), "abc123");
  EXPECT_DOUBLE_EQ(got.score, 0.875);
}

TEST_F(HostApi, IndexPastTheEndIsNotFound) {
  ASSERT_EQ(append_text(OPIS_LIST_FUNDERS, "only"), OPIS_OK);
  opis_text_item item{sizeof item, {}};
  EXPECT_EQ(host->list_get(&record, OPIS_LIST_FUNDERS, 1, &item), OPIS_NOT_FOUND);
  EXPECT_EQ(host->list_set(&record, OPIS_LIST_FUNDERS, 1, &item), OPIS_NOT_FOUND);
  EXPECT_EQ(host->list_remove(&record, OPIS_LIST_FUNDERS, 1), OPIS_NOT_FOUND);
  EXPECT_EQ(texts(OPIS_LIST_FUNDERS), std::vector<std::string>{"only"});
}

TEST_F(HostApi, ListUnknownToThisHostIsUnsupported) {
  const auto future_list = static_cast<opis_list>(12);  // one a later minor adds
  const opis_text_item item{sizeof item, s("x")};
  opis_text_item out{sizeof out, {}};
  EXPECT_EQ(host->list_append(&record, future_list, &item), OPIS_UNSUPPORTED);
  EXPECT_EQ(host->list_get(&record, future_list, 0, &out), OPIS_UNSUPPORTED);
  EXPECT_EQ(host->list_set(&record, future_list, 0, &item), OPIS_UNSUPPORTED);
  EXPECT_EQ(host->list_remove(&record, future_list, 0), OPIS_UNSUPPORTED);
  EXPECT_EQ(host->list_clear(&record, future_list), OPIS_UNSUPPORTED);
  EXPECT_EQ(host->list_size(&record, future_list), 0u);
}

TEST_F(HostApi, ListItemsWithInvalidUtf8AreRefused) {
  EXPECT_EQ(append_text(OPIS_LIST_WARNINGS, kInvalidUtf8), OPIS_INVALID_INPUT);
  const opis_contributor contributor{sizeof(opis_contributor), s("A. B."), s(kInvalidUtf8)};
  EXPECT_EQ(host->list_append(&record, OPIS_LIST_CONTRIBUTORS, &contributor), OPIS_INVALID_INPUT);
  opis_citation citation = full_citation();
  citation.date = s(kInvalidUtf8);
  EXPECT_EQ(host->list_append(&record, OPIS_LIST_CITATIONS, &citation), OPIS_INVALID_INPUT);
  EXPECT_EQ(record.message().ByteSizeLong(), 0u);
}

TEST_F(HostApi, ItemsWithoutAUsableSizeAreRefused) {
  opis_text_item item{0, s("x")};  // struct_size never set
  EXPECT_EQ(host->list_append(&record, OPIS_LIST_FUNDERS, &item), OPIS_INVALID_INPUT);
  EXPECT_EQ(host->list_append(&record, OPIS_LIST_FUNDERS, nullptr), OPIS_INVALID_INPUT);
  item.struct_size = sizeof item;
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_FUNDERS, &item), OPIS_OK);
  opis_text_item out{0, {}};
  EXPECT_EQ(host->list_get(&record, OPIS_LIST_FUNDERS, 0, &out), OPIS_INVALID_INPUT);
  EXPECT_EQ(host->list_get(&record, OPIS_LIST_FUNDERS, 0, nullptr), OPIS_INVALID_INPUT);
}

// ------------------------------------------- struct-size compatibility

// A plugin built against a minor whose opis_citation ended before
// `publication`.
constexpr size_t kOlderCitationSize = offsetof(opis_citation, publication);

TEST_F(HostApi, OlderSmallerItemIsAcceptedAndItsMissingFieldsAreEmpty) {
  opis_citation older = full_citation();
  older.struct_size = kOlderCitationSize;
  // What lies past the older struct is not the plugin's citation: the host
  // must not read it.
  older.publication = s("beyond the older struct");
  older.date = s("1999");
  older.begin = 7;
  older.end = 9;
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_CITATIONS, &older), OPIS_OK);
  const auto& stored = record.message().citations(0);
  EXPECT_EQ(stored.raw(), "RGANI, f. 5, op. 30, d. 335, ll. 73-85");
  EXPECT_EQ(stored.pages(), "73-85");
  EXPECT_EQ(stored.publication(), "");
  EXPECT_EQ(stored.date(), "");
  EXPECT_EQ(stored.begin(), 0u);
  EXPECT_EQ(stored.end(), 0u);

  // list_set copies by the same rule.
  older.fond = s("89");
  ASSERT_EQ(host->list_set(&record, OPIS_LIST_CITATIONS, 0, &older), OPIS_OK);
  EXPECT_EQ(record.message().citations(0).fond(), "89");
  EXPECT_EQ(record.message().citations(0).publication(), "");
}

TEST_F(HostApi, OlderAnnotationWithoutAttributesIgnoresTheBytesPastItsSize) {
  opis_annotation older{};
  older.struct_size = offsetof(opis_annotation, value);
  older.type = s("page_break");
  older.begin = 1;
  older.end = 2;
  // Read as if present, this would be a count without an array and refused.
  older.attributes = nullptr;
  older.attribute_count = 3;
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_ANNOTATIONS, &older), OPIS_OK);
  EXPECT_EQ(record.message().annotations(0).type(), "page_break");
  EXPECT_EQ(record.message().annotations(0).attributes_size(), 0);
}

TEST_F(HostApi, ListGetIntoAnOlderSmallerStructWritesOnlyItsSize) {
  const opis_citation full = full_citation();
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_CITATIONS, &full), OPIS_OK);

  constexpr unsigned char kCanary = 0xA5;
  alignas(opis_citation) unsigned char buffer[sizeof(opis_citation) + 32];
  std::memset(buffer, kCanary, sizeof buffer);
  std::memcpy(buffer, &kOlderCitationSize, sizeof kOlderCitationSize);
  ASSERT_EQ(host->list_get(&record, OPIS_LIST_CITATIONS, 0, buffer), OPIS_OK);

  for (size_t i = kOlderCitationSize; i < sizeof buffer; ++i) {
    ASSERT_EQ(buffer[i], kCanary) << "byte " << i << " past the caller's struct was written";
  }
  opis_citation got{};
  std::memcpy(static_cast<void*>(&got), buffer, kOlderCitationSize);
  EXPECT_EQ(got.struct_size, kOlderCitationSize) << "the caller's struct_size is kept";
  EXPECT_EQ(sv(got.raw), "RGANI, f. 5, op. 30, d. 335, ll. 73-85");
  EXPECT_EQ(sv(got.pages), "73-85");
}

TEST_F(HostApi, NewerLargerItemIsAcceptedAndItsExtraFieldsAreLeftAlone) {
  // A plugin from a later minor whose citation gained a field.
  struct NewerCitation {
    opis_citation known;
    opis_str added_later;
  };
  NewerCitation newer{full_citation(), s("from the future")};
  newer.known.struct_size = sizeof newer;
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_CITATIONS, &newer), OPIS_OK);
  EXPECT_EQ(record.message().citations(0).date(), "1961-11-27");

  NewerCitation out{};
  out.known.struct_size = sizeof out;
  out.added_later = s("untouched");
  ASSERT_EQ(host->list_get(&record, OPIS_LIST_CITATIONS, 0, &out), OPIS_OK);
  EXPECT_EQ(out.known.struct_size, sizeof out);
  EXPECT_EQ(sv(out.known.date), "1961-11-27");
  EXPECT_EQ(sv(out.added_later), "untouched");
}

// ------------------------------------------------- annotation authorship

opis_annotation annotation_claiming(std::string_view plugin) {
  opis_annotation a{};
  a.struct_size = sizeof a;
  a.type = s("date");
  a.begin = 0;
  a.end = 4;
  a.plugin = s(plugin);
  return a;
}

TEST_F(HostApi, AnnotationPluginComesFromTheActiveCallNotTheItem) {
  const PluginIdentity dates{"dates", "1.2.0", "enrich"};
  opis_call call;
  call.plugin = &dates;
  const opis_annotation forged = annotation_claiming("entities");
  {
    ActiveCall active(&call);
    ASSERT_EQ(host->list_append(&record, OPIS_LIST_ANNOTATIONS, &forged), OPIS_OK);
  }
  EXPECT_EQ(record.message().annotations(0).plugin(), "dates");
  opis_annotation got{};
  got.struct_size = sizeof got;
  ASSERT_EQ(host->list_get(&record, OPIS_LIST_ANNOTATIONS, 0, &got), OPIS_OK);
  EXPECT_EQ(sv(got.plugin), "dates");

  // Outside any call nobody is credited, and still not the claimed name.
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_ANNOTATIONS, &forged), OPIS_OK);
  EXPECT_EQ(record.message().annotations(1).plugin(), "");
}

TEST_F(HostApi, ListSetKeepsTheAnnotationsAuthor) {
  const PluginIdentity dates{"dates", "1.2.0", "enrich"};
  const PluginIdentity repair{"repair", "0.3.0", "enrich"};
  opis_call dates_call;
  dates_call.plugin = &dates;
  opis_call repair_call;
  repair_call.plugin = &repair;
  const opis_annotation a = annotation_claiming("dates");
  {
    ActiveCall active(&dates_call);
    ASSERT_EQ(host->list_append(&record, OPIS_LIST_ANNOTATIONS, &a), OPIS_OK);
  }
  {
    ActiveCall active(&repair_call);
    ASSERT_EQ(host->list_set(&record, OPIS_LIST_ANNOTATIONS, 0, &a), OPIS_OK);
  }
  EXPECT_EQ(record.message().annotations(0).plugin(), "dates");
}

TEST_F(HostApi, NestedActiveCallRestoresTheOuterOne) {
  const PluginIdentity outer_plugin{"outer", "1.0.0", "enrich"};
  const PluginIdentity inner_plugin{"inner", "1.0.0", "enrich"};
  opis_call outer_call;
  outer_call.plugin = &outer_plugin;
  opis_call inner_call;
  inner_call.plugin = &inner_plugin;
  const opis_annotation a = annotation_claiming("");
  ActiveCall outer(&outer_call);
  {
    ActiveCall inner(&inner_call);
    ASSERT_EQ(host->list_append(&record, OPIS_LIST_ANNOTATIONS, &a), OPIS_OK);
  }
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_ANNOTATIONS, &a), OPIS_OK);
  EXPECT_EQ(record.message().annotations(0).plugin(), "inner");
  EXPECT_EQ(record.message().annotations(1).plugin(), "outer");
}

// ----------------------------------------------------------- whole record

void fill_sample(const opis_host_api* host, opis_record& record) {
  ASSERT_EQ(host->record_set(&record, OPIS_FIELD_ID, s("r1")), OPIS_OK);
  ASSERT_EQ(host->record_set(&record, OPIS_FIELD_TITLE, s("Записка")), OPIS_OK);
  ASSERT_EQ(host->record_set(&record, OPIS_FIELD_PARENT_ID, s("p0")), OPIS_OK);
  ASSERT_EQ(host->record_set(&record, OPIS_FIELD_COPY_NUMBER, s("2")), OPIS_OK);
  ASSERT_EQ(host->record_set(&record, OPIS_FIELD_DATE_EDTF, s("1961-11-27/1961-12-01")), OPIS_OK);
  ASSERT_EQ(host->record_set(&record, OPIS_FIELD_SOURCE_MEDIA_TYPE, s("text/plain")), OPIS_OK);
  const opis_str surfaces[] = {s("Moscow")};
  const opis_entity entity{sizeof(opis_entity), s("place"), s("Moscow"),
                           s("wikidata:Q649"),  surfaces,   1};
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_ENTITIES, &entity), OPIS_OK);
  const opis_link link{sizeof(opis_link), s("full_record"), s("r2"), 1.0};
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_LINKS, &link), OPIS_OK);
  const opis_citation citation = full_citation();
  ASSERT_EQ(host->list_append(&record, OPIS_LIST_CITATIONS, &citation), OPIS_OK);
}

TEST_F(HostApi, RecordToJsonUsesProtoFieldNames) {
  ASSERT_NO_FATAL_FAILURE(fill_sample(host, record));
  opis_str out{};
  ASSERT_EQ(host->record_to_json(&record, 0, &out), OPIS_OK);
  const std::string text(sv(out));
  EXPECT_EQ(text.find('\n'), std::string::npos) << "one line of records.jsonl";
  json doc = json::parse(text);  // non-const: a missing key fails the check, not the run
  EXPECT_EQ(doc["id"], "r1");
  EXPECT_EQ(doc["title"], "Записка");
  EXPECT_EQ(doc["parent_id"], "p0");
  EXPECT_EQ(doc["copy_number"], "2");
  EXPECT_EQ(doc["date"]["edtf"], "1961-11-27/1961-12-01");
  EXPECT_EQ(doc["source"]["media_type"], "text/plain");
  EXPECT_EQ(doc["entities"][0]["authority_id"], "wikidata:Q649");
  EXPECT_EQ(doc["entities"][0]["surface"], json::array({"Moscow"}));
  EXPECT_EQ(doc["links"][0]["target_id"], "r2");
  EXPECT_EQ(doc["citations"][0]["archive_name"], "Russian State Archive of Contemporary History");
  EXPECT_THAT(text, Not(HasSubstr("parentId")));
  EXPECT_THAT(text, Not(HasSubstr("mediaType")));
  EXPECT_THAT(text, Not(HasSubstr("authorityId")));
}

TEST_F(HostApi, RecordToJsonFlagsPrintDefaultsAndIndent) {
  opis_str out{};
  ASSERT_EQ(host->record_to_json(&record, 0, &out), OPIS_OK);
  EXPECT_EQ(json::parse(sv(out)), json::object());
  ASSERT_EQ(host->record_to_json(&record, OPIS_JSON_INCLUDE_DEFAULTS, &out), OPIS_OK);
  const json defaults = json::parse(sv(out));
  EXPECT_EQ(defaults.value("title", "missing"), "");
  EXPECT_EQ(defaults.value("copy_number", "missing"), "");
  ASSERT_EQ(host->record_set(&record, OPIS_FIELD_TITLE, s("t")), OPIS_OK);
  ASSERT_EQ(host->record_to_json(&record, OPIS_JSON_PRETTY, &out), OPIS_OK);
  EXPECT_NE(sv(out).find('\n'), std::string_view::npos);
  EXPECT_EQ(json::parse(sv(out)), json::parse(R"({"title": "t"})"));
}

TEST_F(HostApi, RecordFromJsonReadsWhatRecordToJsonWrote) {
  ASSERT_NO_FATAL_FAILURE(fill_sample(host, record));
  opis_str out{};
  ASSERT_EQ(host->record_to_json(&record, 0, &out), OPIS_OK);
  const std::string text(sv(out));

  opis_record copy;
  opis_call call;
  ASSERT_EQ(host->record_from_json(&copy, s(text), &call), OPIS_OK) << sv(host->call_error(&call));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(copy.message(), record.message()))
      << copy.message().DebugString();
}

TEST_F(HostApi, RecordFromJsonReplacesTheWholeRecord) {
  ASSERT_EQ(host->record_set(&record, OPIS_FIELD_SUMMARY, s("old summary")), OPIS_OK);
  ASSERT_EQ(host->record_from_json(&record, s(R"({"title": "new"})"), nullptr), OPIS_OK);
  EXPECT_EQ(record.message().title(), "new");
  EXPECT_EQ(record.message().summary(), "");
}

TEST_F(HostApi, RecordFromJsonWithBadJsonFailsAndTheCallSaysWhy) {
  ASSERT_EQ(host->record_set(&record, OPIS_FIELD_TITLE, s("kept")), OPIS_OK);
  opis_call call;
  EXPECT_EQ(host->record_from_json(&record, s("{\"title\": "), &call), OPIS_INVALID_INPUT);
  EXPECT_THAT(std::string(sv(host->call_error(&call))), HasSubstr("not an opis record"));
  EXPECT_EQ(record.message().title(), "kept");

  opis_call unknown_field_call;
  EXPECT_EQ(host->record_from_json(&record, s(R"({"titel": "x"})"), &unknown_field_call),
            OPIS_INVALID_INPUT);
  EXPECT_THAT(std::string(sv(host->call_error(&unknown_field_call))), HasSubstr("titel"));
  EXPECT_EQ(record.message().title(), "kept");
}

TEST_F(HostApi, SerializedRecordParsesBack) {
  ASSERT_NO_FATAL_FAILURE(fill_sample(host, record));
  opis_str bytes{};
  ASSERT_EQ(host->record_serialize(&record, &bytes), OPIS_OK);
  const std::string copy_of_bytes(sv(bytes));
  opis_record copy;
  ASSERT_EQ(host->record_parse(&copy, s(copy_of_bytes)), OPIS_OK);
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(copy.message(), record.message()));
  EXPECT_EQ(host->record_parse(&copy, s("\xFF\xFF\xFF")), OPIS_INVALID_INPUT);
}

// ------------------------------------------------------------------ calls

TEST_F(HostApi, FailStoresStatusAndMessageOnTheCall) {
  opis_call call;
  EXPECT_EQ(sv(host->call_error(&call)), "");
  EXPECT_EQ(host->fail(&call, OPIS_INVALID_INPUT, s("no text: only whitespace")),
            OPIS_INVALID_INPUT);
  EXPECT_EQ(call.failure_status, OPIS_INVALID_INPUT);
  EXPECT_EQ(sv(host->call_error(&call)), "no text: only whitespace");
  // The last failure is the one reported.
  EXPECT_EQ(host->fail(&call, OPIS_IO_ERROR, s("disk full")), OPIS_IO_ERROR);
  EXPECT_EQ(sv(host->call_error(&call)), "disk full");
  EXPECT_EQ(host->fail(nullptr, OPIS_INTERNAL, s("no call")), OPIS_INTERNAL);
}

TEST_F(HostApi, RecordEmitOutsideAnIngestCallFails) {
  opis_call call;  // an enrich or write call: nowhere to emit to
  opis_record* created = host->record_new(&call);
  ASSERT_NE(created, nullptr);
  EXPECT_EQ(host->record_emit(&call, created), OPIS_UNSUPPORTED);
  EXPECT_THAT(std::string(sv(host->call_error(&call))), HasSubstr("outside an ingest call"));
  EXPECT_EQ(host->record_emit(nullptr, host->record_new(nullptr)), OPIS_UNSUPPORTED);
}

TEST_F(HostApi, RecordEmitInAnIngestCallHandsTheRecordOver) {
  std::vector<std::unique_ptr<opis_record>> emitted;
  opis_call call;
  call.emitted = &emitted;
  opis_record* created = host->record_new(&call);
  ASSERT_NE(created, nullptr);
  ASSERT_EQ(host->record_set(created, OPIS_FIELD_TITLE, s("first")), OPIS_OK);
  ASSERT_EQ(host->record_emit(&call, created), OPIS_OK);
  ASSERT_EQ(emitted.size(), 1u);
  EXPECT_EQ(emitted[0].get(), created);
  EXPECT_EQ(emitted[0]->message().title(), "first");
  EXPECT_EQ(host->record_emit(&call, nullptr), OPIS_INVALID_INPUT);
  EXPECT_EQ(emitted.size(), 1u);
}

TEST_F(HostApi, WarnAddsAWarningNamingThePlugin) {
  const PluginIdentity dates{"dates", "1.2.0", "enrich"};
  opis_call call;
  call.plugin = &dates;
  host->warn(&call, &record, s("ambiguous date 03/04/61"));
  host->warn(&call, &record, s(kInvalidUtf8));
  ASSERT_EQ(record.message().warnings_size(), 1);
  EXPECT_EQ(record.message().warnings(0), "dates: ambiguous date 03/04/61");
}

TEST_F(HostApi, CancelledFollowsTheCallsFlag) {
  std::atomic<bool> cancel{false};
  opis_call call;
  EXPECT_EQ(host->cancelled(&call), 0);
  call.cancel = &cancel;
  EXPECT_EQ(host->cancelled(&call), 0);
  cancel = true;
  EXPECT_NE(host->cancelled(&call), 0);
  EXPECT_EQ(host->cancelled(nullptr), 0);
}

// ----------------------------------------------------------------- config

class HostConfig : public HostApi {
 protected:
  void SetUp() override {
    config.value = json::parse(R"({
      "path": "out/records.jsonl",
      "limits": {"max": 5, "ratio": 0.5, "strict": true, "deep": {"name": "x"}},
      "langs": ["en", "ru"],
      "mixed": ["a", 1],
      "whole": 2.0,
      "half": 2.5,
      "huge": 18446744073709551615
    })");
    config.text = config.value.dump();
  }
  opis_config config;
};

TEST_F(HostConfig, ConfigJsonIsTheWholeConfig) {
  EXPECT_EQ(json::parse(sv(host->config_json(&config))), config.value);
  EXPECT_EQ(sv(host->config_json(nullptr)), "{}");
}

TEST_F(HostConfig, GettersReadTopLevelAndDottedKeys) {
  opis_str text{};
  ASSERT_EQ(host->config_string(&config, "path", &text), OPIS_OK);
  EXPECT_EQ(sv(text), "out/records.jsonl");
  ASSERT_EQ(host->config_string(&config, "limits.deep.name", &text), OPIS_OK);
  EXPECT_EQ(sv(text), "x");
  int64_t integer = 0;
  ASSERT_EQ(host->config_int(&config, "limits.max", &integer), OPIS_OK);
  EXPECT_EQ(integer, 5);
  double number = 0;
  ASSERT_EQ(host->config_double(&config, "limits.ratio", &number), OPIS_OK);
  EXPECT_DOUBLE_EQ(number, 0.5);
  ASSERT_EQ(host->config_double(&config, "limits.max", &number), OPIS_OK);
  EXPECT_DOUBLE_EQ(number, 5.0);
  int flag = 0;
  ASSERT_EQ(host->config_bool(&config, "limits.strict", &flag), OPIS_OK);
  EXPECT_EQ(flag, 1);
}

TEST_F(HostConfig, MissingKeysAreNotFound) {
  opis_str text{};
  int64_t integer = 0;
  EXPECT_EQ(host->config_string(&config, "colour", &text), OPIS_NOT_FOUND);
  EXPECT_EQ(host->config_int(&config, "limits.min", &integer), OPIS_NOT_FOUND);
  // A path through a value that is not an object.
  EXPECT_EQ(host->config_string(&config, "path.sub", &text), OPIS_NOT_FOUND);
  EXPECT_EQ(host->config_string(nullptr, "path", &text), OPIS_NOT_FOUND);
}

TEST_F(HostConfig, WrongTypeIsAnInvalidConfig) {
  opis_str text{};
  int64_t integer = 0;
  double number = 0;
  int flag = 0;
  EXPECT_EQ(host->config_string(&config, "limits.max", &text), OPIS_INVALID_CONFIG);
  EXPECT_EQ(host->config_int(&config, "path", &integer), OPIS_INVALID_CONFIG);
  EXPECT_EQ(host->config_int(&config, "half", &integer), OPIS_INVALID_CONFIG);
  // Past INT64_MAX: refused rather than wrapped to a negative number.
  EXPECT_EQ(host->config_int(&config, "huge", &integer), OPIS_INVALID_CONFIG);
  EXPECT_EQ(host->config_double(&config, "path", &number), OPIS_INVALID_CONFIG);
  EXPECT_EQ(host->config_bool(&config, "limits.max", &flag), OPIS_INVALID_CONFIG);
}

TEST_F(HostConfig, IntegerValuedFloatReadsAsAnInteger) {
  // The schema accepts 2.0 as an integer (JSON Schema), so config_int must
  // read it too.
  int64_t integer = 0;
  ASSERT_EQ(host->config_int(&config, "whole", &integer), OPIS_OK);
  EXPECT_EQ(integer, 2);
}

TEST_F(HostConfig, ArraysOfStrings) {
  size_t size = 0;
  ASSERT_EQ(host->config_array_size(&config, "langs", &size), OPIS_OK);
  EXPECT_EQ(size, 2u);
  opis_str element{};
  ASSERT_EQ(host->config_string_at(&config, "langs", 1, &element), OPIS_OK);
  EXPECT_EQ(sv(element), "ru");
  EXPECT_EQ(host->config_string_at(&config, "langs", 2, &element), OPIS_NOT_FOUND);
  EXPECT_EQ(host->config_string_at(&config, "mixed", 1, &element), OPIS_INVALID_CONFIG);
  EXPECT_EQ(host->config_array_size(&config, "path", &size), OPIS_INVALID_CONFIG);
  EXPECT_EQ(host->config_array_size(&config, "none", &size), OPIS_NOT_FOUND);
}

}  // namespace
